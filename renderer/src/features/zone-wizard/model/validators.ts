import type { MessageKey, Vars } from '../../../lib/i18n';
import {
  cidrContains,
  cidrFromGateway,
  formatCidr,
  ipToNumber,
  isIpv4,
  netmaskToPrefix,
  numberToIp,
  parseCidr,
  rangesOverlap,
  type Cidr,
  type NumRange,
} from '../../../lib/ipv4';
import { trafficTypesFor, type IpRangeDraft, type ZoneDraft } from './draft';

/**
 * Pure checks of the zone wizard, run on every keystroke: IPv4 syntax, CIDR membership, range
 * order and overlaps, VLAN bounds. Errors are message keys so they read in the operator's
 * language. (The renderer may not import the core; the VLAN checks mirror
 * core/src/domain/vlan-ranges.ts in spirit.)
 */

export interface FieldError {
  key: MessageKey;
  vars?: Vars;
}
export type FieldErrors = Record<string, FieldError>;

// ---------------------------------------------------------------------------------------------
// IPv4 (shared with the other forms in lib/ipv4; re-exported for the wizard's components)

export * from '../../../lib/ipv4';

// ---------------------------------------------------------------------------------------------
// VLANs

export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;

export type VlanRangesResult = { ok: true; ranges: NumRange[] } | { ok: false; error: FieldError };

/** "100-199,300" -> sorted ranges within 1-4094 that do not overlap each other. */
export function parseVlanRanges(text: string): VlanRangesResult {
  const ranges: NumRange[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return { ok: false, error: { key: 'wizard.error.vlanFormat', vars: { part } } };
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    if (start < VLAN_MIN || end < VLAN_MIN || start > VLAN_MAX || end > VLAN_MAX) {
      return { ok: false, error: { key: 'wizard.error.vlanBounds', vars: { part, min: VLAN_MIN, max: VLAN_MAX } } };
    }
    if (start > end) return { ok: false, error: { key: 'wizard.error.vlanOrder', vars: { part } } };
    ranges.push({ start, end });
  }
  if (ranges.length === 0) return { ok: false, error: { key: 'wizard.error.vlanFormat', vars: { part: text } } };
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1]!;
    const cur = ranges[i]!;
    if (cur.start <= prev.end) {
      return {
        ok: false,
        error: { key: 'wizard.error.vlanSelfOverlap', vars: { a: formatVlan(prev), b: formatVlan(cur) } },
      };
    }
  }
  return { ok: true, ranges };
}

export function formatVlan(r: NumRange): string {
  return r.start === r.end ? String(r.start) : `${r.start}-${r.end}`;
}

export function countVlans(ranges: readonly NumRange[]): number {
  return ranges.reduce((n, r) => n + r.end - r.start + 1, 0);
}

export type VlanTagResult = { ok: true; vlan: number | null } | { ok: false; error: FieldError };

/** A public range's VLAN: empty or "untagged" (null), "50" or "vlan://50". */
export function parseVlanTag(text: string): VlanTagResult {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'untagged') return { ok: true, vlan: null };
  const m = /^(?:vlan:\/\/)?(\d+)$/i.exec(trimmed);
  const n = m ? Number(m[1]) : NaN;
  if (!(n >= VLAN_MIN && n <= VLAN_MAX)) {
    return { ok: false, error: { key: 'wizard.error.vlanTag', vars: { min: VLAN_MIN, max: VLAN_MAX } } };
  }
  return { ok: true, vlan: n };
}

// ---------------------------------------------------------------------------------------------
// Field checks

const DOMAIN_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;
const HOST_URL = /^https?:\/\/[^\s/:]+(:\d+)?(\/\S*)?$/i;
const STORAGE_URL = /^(nfs:\/\/[^\s/:]+(:\d+)?\/\S*|(file|sharedmountpoint):\/\/\/\S*|\/\S*)$/i;
const TAGS = /^[\w.-]+(\s*,\s*[\w.-]+)*$/;

const required: FieldError = { key: 'common.required' };

function ipField(value: string, optional = false): FieldError | undefined {
  if (value.trim() === '') return optional ? undefined : required;
  return isIpv4(value.trim()) ? undefined : { key: 'wizard.error.ip' };
}

function tagsField(value: string): FieldError | undefined {
  return value.trim() === '' || TAGS.test(value.trim()) ? undefined : { key: 'wizard.error.tags' };
}

const SIMULATOR_URL = /^http:\/\/sim(\/[A-Za-z0-9._-]+)+\/?(\?\S*)?$/;

/** A host URL; Simulator hosts are http://sim/<path> (the core names them after the path). */
export function hostUrlError(url: string, hypervisor: string = 'KVM'): FieldError | undefined {
  if (url.trim() === '') return required;
  if (hypervisor === 'Simulator')
    return SIMULATOR_URL.test(url.trim()) ? undefined : { key: 'wizard.error.simulatorUrl' };
  return HOST_URL.test(url.trim()) ? undefined : { key: 'wizard.error.hostUrl' };
}

export function storageUrlError(url: string): FieldError | undefined {
  if (url.trim() === '') return required;
  return STORAGE_URL.test(url.trim()) ? undefined : { key: 'wizard.error.storageUrl' };
}

/** Normalised form for comparing URLs ("HTTP://Sim/c0/h0/" = "http://sim/c0/h0"). */
export function normaliseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

interface LabelledRange {
  path: string;
  start: number;
  end: number;
  gateway?: number;
  text: string;
}

/**
 * One IP range on its own: addresses valid, inside gateway/netmask's block (not its network or
 * broadcast address), start before end, gateway outside the range.
 */
export function checkIpRange(
  range: Omit<IpRangeDraft, 'uid' | 'vlan'>,
  path: string,
  errors: FieldErrors,
): LabelledRange | undefined {
  const put = (field: string, error: FieldError | undefined) => {
    if (error && !errors[`${path}.${field}`]) errors[`${path}.${field}`] = error;
  };
  put('gateway', ipField(range.gateway));
  if (range.netmask.trim() === '') put('netmask', required);
  else {
    const prefix = netmaskToPrefix(range.netmask.trim());
    if (prefix === undefined || prefix < 1 || prefix > 30) put('netmask', { key: 'wizard.error.netmask' });
  }
  put('startip', ipField(range.startip));
  put('endip', ipField(range.endip));
  const cidr = cidrFromGateway(range.gateway.trim(), range.netmask.trim());
  const gateway = ipToNumber(range.gateway);
  const start = ipToNumber(range.startip);
  const end = ipToNumber(range.endip);
  if (cidr && gateway !== undefined) {
    const block = formatCidr(cidr);
    for (const [field, value] of [
      ['startip', start],
      ['endip', end],
    ] as const) {
      if (value === undefined) continue;
      if (!cidrContains(cidr, value)) put(field, { key: 'wizard.error.outsideCidr', vars: { cidr: block } });
      else if (cidr.prefix <= 30 && (value === cidr.first || value === cidr.last)) {
        put(field, { key: 'wizard.error.reservedAddress', vars: { cidr: block } });
      }
    }
    if (gateway === cidr.first || gateway === cidr.last)
      put('gateway', { key: 'wizard.error.reservedAddress', vars: { cidr: block } });
  }
  if (start !== undefined && end !== undefined && start > end) put('endip', { key: 'wizard.error.endBeforeStart' });
  if (start === undefined || end === undefined || start > end) return undefined;
  if (gateway !== undefined && gateway >= start && gateway <= end)
    put('gateway', { key: 'wizard.error.gatewayInRange' });
  return { path, start, end, gateway, text: `${range.startip.trim()}-${range.endip.trim()}` };
}

/** Pairwise: no two ranges overlap, and no range holds another range's gateway. */
export function checkOverlaps(ranges: readonly LabelledRange[], errors: FieldErrors): void {
  for (let i = 0; i < ranges.length; i++) {
    const a = ranges[i]!;
    for (let j = 0; j < ranges.length; j++) {
      if (i === j) continue;
      const b = ranges[j]!;
      if (j < i && rangesOverlap(a, b) && !errors[`${a.path}.startip`]) {
        errors[`${a.path}.startip`] = { key: 'wizard.error.overlap', vars: { range: b.text } };
      }
      if (a.gateway !== undefined && a.gateway >= b.start && a.gateway <= b.end && !errors[`${a.path}.gateway`]) {
        errors[`${a.path}.gateway`] = { key: 'wizard.error.gatewayInOtherRange', vars: { range: b.text } };
      }
    }
  }
}

/** Every field error of the draft, keyed by field path ("zone.dns1", "host.<uid>.url", ...). */
export function validateDraft(draft: ZoneDraft): FieldErrors {
  const errors: FieldErrors = {};
  const put = (path: string, error: FieldError | undefined) => {
    if (error && !errors[path]) errors[path] = error;
  };
  const advanced = draft.networktype === 'Advanced';

  // Zone
  const z = draft.zone;
  put('zone.name', z.name.trim() === '' ? required : undefined);
  put('zone.dns1', ipField(z.dns1));
  put('zone.dns2', ipField(z.dns2, true));
  put('zone.internaldns1', ipField(z.internaldns1));
  put('zone.internaldns2', ipField(z.internaldns2, true));
  if (advanced) {
    if (z.guestcidraddress.trim() === '') put('zone.guestcidraddress', required);
    else {
      const cidr = parseCidr(z.guestcidraddress);
      if (!cidr || cidr.prefix < 8 || cidr.prefix > 29) put('zone.guestcidraddress', { key: 'wizard.error.cidr' });
      else if (numberToIp(cidr.network) !== z.guestcidraddress.trim().split('/')[0]) {
        put('zone.guestcidraddress', { key: 'wizard.error.cidrNetwork', vars: { cidr: formatCidr(cidr) } });
      }
    }
  }
  if (z.networkdomain.trim() !== '' && !DOMAIN_NAME.test(z.networkdomain.trim())) {
    put('zone.networkdomain', { key: 'wizard.error.networkDomain' });
  }

  // Physical networks and traffic types
  const networks = advanced ? draft.physicalNetworks : draft.physicalNetworks.slice(0, 1);
  const names = new Set<string>();
  const types = trafficTypesFor(draft.networktype);
  let guestVlans: NumRange[] = [];
  for (const n of networks) {
    const name = n.name.trim().toLowerCase();
    if (name === '') put(`network.${n.uid}.name`, required);
    else if (names.has(name)) put(`network.${n.uid}.name`, { key: 'wizard.error.duplicateName' });
    names.add(name);
    const carried = types.filter((t) => draft.traffic[t].network === n.uid || !advanced);
    if (carried.length === 0) put(`network.${n.uid}.traffic`, { key: 'wizard.error.noTraffic' });
    put(`network.${n.uid}.tags`, tagsField(n.tags));
    if (advanced && carried.includes('Guest') && n.vlan.trim() !== '') {
      const parsed = parseVlanRanges(n.vlan);
      if (!parsed.ok) put(`network.${n.uid}.vlan`, parsed.error);
      else guestVlans = parsed.ranges;
    }
  }
  if (advanced) {
    for (const t of types) {
      if (!networks.some((n) => n.uid === draft.traffic[t].network)) put(`traffic.${t}.network`, required);
    }
  }

  // Pod, public / guest ranges: each on its own, then against each other
  const p = draft.pod;
  put('pod.name', p.name.trim() === '' ? required : undefined);
  const ranges: LabelledRange[] = [];
  const podRange = checkIpRange(p, 'pod', errors);
  if (podRange) ranges.push(podRange);
  if (advanced) {
    const seen: { uid: string; tag: string; cidr: Cidr; gateway: string; netmask: string }[] = [];
    for (const r of draft.publicRanges) {
      const path = `publicRange.${r.uid}`;
      const checked = checkIpRange(r, path, errors);
      if (checked) ranges.push(checked);
      const tag = parseVlanTag(r.vlan);
      if (!tag.ok) {
        put(`${path}.vlan`, tag.error);
        continue;
      }
      const vlan = tag.vlan;
      if (vlan !== null && guestVlans.some((g) => vlan >= g.start && vlan <= g.end)) {
        put(`${path}.vlan`, { key: 'wizard.error.vlanInGuestRange', vars: { vlan } });
      }
      // A subnet lives on one VLAN; ranges of one subnet share its gateway and netmask.
      const cidr = cidrFromGateway(r.gateway.trim(), r.netmask.trim());
      if (!cidr) continue;
      const key = vlan === null ? 'untagged' : String(vlan);
      for (const other of seen) {
        if (!rangesOverlap({ start: cidr.first, end: cidr.last }, { start: other.cidr.first, end: other.cidr.last }))
          continue;
        if (other.tag !== key) {
          put(`${path}.vlan`, {
            key: 'wizard.error.subnetOtherVlan',
            vars: { cidr: formatCidr(other.cidr), vlan: other.tag },
          });
        } else if (other.gateway !== r.gateway.trim() || other.netmask !== r.netmask.trim()) {
          put(`${path}.gateway`, {
            key: 'wizard.error.subnetGateway',
            vars: { gateway: other.gateway, netmask: other.netmask },
          });
        }
      }
      seen.push({ uid: r.uid, tag: key, cidr, gateway: r.gateway.trim(), netmask: r.netmask.trim() });
    }
    if (draft.publicRanges.length === 0) put('publicRange.list', { key: 'wizard.error.atLeastOne' });
  } else {
    const checked = checkIpRange(draft.guestRange, 'guestRange', errors);
    if (checked) ranges.push(checked);
  }
  checkOverlaps(ranges, errors);

  // Cluster
  put('cluster.name', draft.cluster.name.trim() === '' ? required : undefined);

  // Hosts
  const urls = new Set<string>();
  for (const h of draft.hosts) {
    const path = `host.${h.uid}`;
    const urlError = hostUrlError(h.url, draft.cluster.hypervisor);
    put(`${path}.url`, urlError);
    if (!urlError) {
      const url = normaliseUrl(h.url);
      if (urls.has(url)) put(`${path}.url`, { key: 'wizard.error.duplicateUrl' });
      urls.add(url);
    }
    put(`${path}.username`, h.username.trim() === '' ? required : undefined);
    put(`${path}.password`, h.password === '' ? required : undefined);
    put(`${path}.tags`, tagsField(h.tags));
  }
  if (draft.hosts.length === 0) put('host.list', { key: 'wizard.error.atLeastOne' });

  // Primary storage
  const poolNames = new Set<string>();
  const poolUrls = new Set<string>();
  for (const s of draft.primaryStorages) {
    const path = `primary.${s.uid}`;
    const name = s.name.trim().toLowerCase();
    if (name === '') put(`${path}.name`, required);
    else if (poolNames.has(name)) put(`${path}.name`, { key: 'wizard.error.duplicateName' });
    poolNames.add(name);
    const urlError = storageUrlError(s.url);
    put(`${path}.url`, urlError);
    if (!urlError) {
      if (poolUrls.has(normaliseUrl(s.url))) put(`${path}.url`, { key: 'wizard.error.duplicateUrl' });
      poolUrls.add(normaliseUrl(s.url));
    }
    put(`${path}.tags`, tagsField(s.tags));
  }
  if (draft.primaryStorages.length === 0) put('primary.list', { key: 'wizard.error.atLeastOne' });

  // Secondary storage
  const storeUrls = new Set<string>();
  for (const s of draft.secondaryStorages) {
    const path = `secondary.${s.uid}`;
    const urlError = storageUrlError(s.url);
    put(`${path}.url`, urlError);
    if (!urlError) {
      if (storeUrls.has(normaliseUrl(s.url)) || poolUrls.has(normaliseUrl(s.url))) {
        put(`${path}.url`, { key: 'wizard.error.duplicateUrl' });
      }
      storeUrls.add(normaliseUrl(s.url));
    }
  }
  if (draft.secondaryStorages.length === 0) put('secondary.list', { key: 'wizard.error.atLeastOne' });

  return errors;
}
