/**
 * Checks of what an operator types or a description gives for a zone: IPv4 addresses,
 * netmasks, CIDRs, IP ranges inside their subnet and against each other, VLAN ranges and tags,
 * names, tags and URLs. Problems are codes with values, not sentences, so each caller words them
 * (the wizard in the operator's language). Text is trimmed here; the arithmetic is ipv4.ts.
 */
import {
  cidrContains,
  cidrFromGateway,
  cidrsOverlap,
  formatCidr,
  ipToNumber,
  isIpv4,
  netmaskToPrefix,
  numberToIp,
  parseCidr,
  rangesOverlap,
  type Cidr,
} from '../ipv4';
import { formatVlanRange, readVlanRanges, readVlanTag, VLAN_MAX, VLAN_MIN, type VlanRange } from '../vlans';

export type ProblemCode =
  | 'required'
  | 'ip'
  | 'netmask'
  | 'cidr'
  | 'cidrNetwork'
  | 'outsideCidr'
  | 'reservedAddress'
  | 'endBeforeStart'
  | 'gatewayInRange'
  | 'gatewayInOtherRange'
  | 'overlap'
  | 'vlanFormat'
  | 'vlanBounds'
  | 'vlanOrder'
  | 'vlanSelfOverlap'
  | 'vlanTag'
  | 'vlanInGuestRange'
  | 'subnetOtherVlan'
  | 'subnetGateway'
  | 'networkDomain'
  | 'tags'
  | 'hostUrl'
  | 'simulatorUrl'
  | 'storageUrl'
  | 'duplicateName'
  | 'duplicateUrl';

export interface Problem {
  code: ProblemCode;
  vars?: Record<string, string | number>;
}

const problem = (code: ProblemCode, vars?: Problem['vars']): Problem => (vars ? { code, vars } : { code });
export const REQUIRED: Problem = { code: 'required' };

/** Empty text is a problem unless the value is optional. */
export function requiredProblem(text: string): Problem | undefined {
  return text.trim() === '' ? REQUIRED : undefined;
}

// ---------------------------------------------------------------------------------------------
// Addresses

export function ipv4Problem(text: string, optional = false): Problem | undefined {
  if (text.trim() === '') return optional ? undefined : REQUIRED;
  return isIpv4(text.trim()) ? undefined : problem('ip');
}

/** A contiguous netmask of a usable subnet (/1 to /30). */
export function netmaskProblem(text: string): Problem | undefined {
  if (text.trim() === '') return REQUIRED;
  const prefix = netmaskToPrefix(text.trim());
  return prefix === undefined || prefix < 1 || prefix > 30 ? problem('netmask') : undefined;
}

/** A guest CIDR: /8 to /29, written with its network address. */
export function guestCidrProblem(text: string): Problem | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return REQUIRED;
  const cidr = parseCidr(trimmed);
  if (!cidr || cidr.prefix < 8 || cidr.prefix > 29) return problem('cidr');
  if (numberToIp(cidr.network) !== trimmed.split('/')[0]) return problem('cidrNetwork', { cidr: formatCidr(cidr) });
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// IP ranges

export interface IpRangeText {
  gateway: string;
  netmask: string;
  startip: string;
  endip: string;
}
export type RangeField = keyof IpRangeText;

/** A well-formed range, as numbers, for the checks between ranges. */
export interface AddressSpan {
  start: number;
  end: number;
  gateway?: number;
  /** "10.0.0.10-10.0.0.20" */
  text: string;
}

export interface RangeCheck {
  problems: Partial<Record<RangeField, Problem>>;
  /** Present when start and end are addresses in order. */
  span?: AddressSpan;
}

/** Start and end inside the subnet of gateway/netmask (not its network or broadcast address). */
function subnetProblems(cidr: Cidr, gateway: number, values: [RangeField, number | undefined][]) {
  const out: Partial<Record<RangeField, Problem>> = {};
  const block = formatCidr(cidr);
  const reserved = (n: number) => cidr.prefix <= 30 && (n === cidr.first || n === cidr.last);
  for (const [field, value] of values) {
    if (value === undefined) continue;
    if (!cidrContains(cidr, value)) out[field] = problem('outsideCidr', { cidr: block });
    else if (reserved(value)) out[field] = problem('reservedAddress', { cidr: block });
  }
  if (gateway === cidr.first || gateway === cidr.last) out.gateway = problem('reservedAddress', { cidr: block });
  return out;
}

/**
 * One IP range on its own: addresses valid, inside gateway/netmask's subnet (not its network or
 * broadcast address), start not after end, gateway outside the range. The first problem of a
 * field wins.
 */
export function checkIpRange(range: IpRangeText): RangeCheck {
  const problems: Partial<Record<RangeField, Problem>> = {};
  const put = (field: RangeField, p: Problem | undefined) => {
    if (p && !problems[field]) problems[field] = p;
  };
  put('gateway', ipv4Problem(range.gateway));
  put('netmask', netmaskProblem(range.netmask));
  put('startip', ipv4Problem(range.startip));
  put('endip', ipv4Problem(range.endip));
  const cidr = cidrFromGateway(range.gateway.trim(), range.netmask.trim());
  const gateway = ipToNumber(range.gateway.trim());
  const start = ipToNumber(range.startip.trim());
  const end = ipToNumber(range.endip.trim());
  if (cidr && gateway !== undefined) {
    const inSubnet = subnetProblems(cidr, gateway, [
      ['startip', start],
      ['endip', end],
    ]);
    for (const field of ['startip', 'endip', 'gateway'] as const) put(field, inSubnet[field]);
  }
  if (start !== undefined && end !== undefined && start > end) put('endip', problem('endBeforeStart'));
  if (start === undefined || end === undefined || start > end) return { problems };
  if (gateway !== undefined && gateway >= start && gateway <= end) put('gateway', problem('gatewayInRange'));
  return { problems, span: { start, end, gateway, text: `${range.startip.trim()}-${range.endip.trim()}` } };
}

/** A problem of one field of one item (`id` is the caller's: a path, an index ...). */
export interface FieldProblem<I, F extends string> {
  id: I;
  field: F;
  problem: Problem;
}

/**
 * Between ranges: a range overlapping an earlier one, and a gateway inside another range. In
 * order; a caller keeping the first problem per field gets the earliest range named.
 */
export function spanProblems<I>(spans: readonly (AddressSpan & { id: I })[]): FieldProblem<I, 'startip' | 'gateway'>[] {
  const out: FieldProblem<I, 'startip' | 'gateway'>[] = [];
  spans.forEach((a, i) => {
    spans.forEach((b, j) => {
      if (i === j) return;
      if (j < i && rangesOverlap(a, b)) {
        out.push({ id: a.id, field: 'startip', problem: problem('overlap', { range: b.text }) });
      }
      if (a.gateway !== undefined && a.gateway >= b.start && a.gateway <= b.end) {
        out.push({ id: a.id, field: 'gateway', problem: problem('gatewayInOtherRange', { range: b.text }) });
      }
    });
  });
  return out;
}

export interface TaggedSubnet<I> {
  id: I;
  /** null: untagged. */
  vlan: number | null;
  gateway: string;
  netmask: string;
}

/**
 * Public ranges: a subnet lives on one VLAN, and the ranges of one subnet share its gateway and
 * netmask. Each range is compared with the ones before it.
 */
export function subnetVlanProblems<I>(ranges: readonly TaggedSubnet<I>[]): FieldProblem<I, 'vlan' | 'gateway'>[] {
  const out: FieldProblem<I, 'vlan' | 'gateway'>[] = [];
  const seen: { tag: string; cidr: Cidr; gateway: string; netmask: string }[] = [];
  for (const r of ranges) {
    const gateway = r.gateway.trim();
    const netmask = r.netmask.trim();
    const cidr = cidrFromGateway(gateway, netmask);
    if (!cidr) continue;
    const tag = r.vlan === null ? 'untagged' : String(r.vlan);
    for (const other of seen) {
      if (!cidrsOverlap(cidr, other.cidr)) continue;
      if (other.tag !== tag) {
        const vars = { cidr: formatCidr(other.cidr), vlan: other.tag };
        out.push({ id: r.id, field: 'vlan', problem: problem('subnetOtherVlan', vars) });
      } else if (other.gateway !== gateway || other.netmask !== netmask) {
        const vars = { gateway: other.gateway, netmask: other.netmask };
        out.push({ id: r.id, field: 'gateway', problem: problem('subnetGateway', vars) });
      }
    }
    seen.push({ tag, cidr, gateway, netmask });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// VLANs

export { countVlans, formatVlanRange, VLAN_MAX, VLAN_MIN, type VlanRange } from '../vlans';

export type VlanRangesResult = { ok: true; ranges: VlanRange[] } | { ok: false; problem: Problem };

/** "100-199,300" -> sorted ranges within 1-4094 that do not overlap each other. */
export function parseVlanRanges(text: string): VlanRangesResult {
  const read = readVlanRanges(text);
  if (read.ok) return read;
  switch (read.reason) {
    case 'empty':
      return { ok: false, problem: problem('vlanFormat', { part: text }) };
    case 'format':
      return { ok: false, problem: problem('vlanFormat', { part: read.part }) };
    case 'bounds':
      return { ok: false, problem: problem('vlanBounds', { part: read.part, min: VLAN_MIN, max: VLAN_MAX }) };
    case 'order':
      return { ok: false, problem: problem('vlanOrder', { part: read.part }) };
    case 'overlap':
      return {
        ok: false,
        problem: problem('vlanSelfOverlap', { a: formatVlanRange(read.a), b: formatVlanRange(read.b) }),
      };
  }
}

export type VlanTagResult = { ok: true; vlan: number | null } | { ok: false; problem: Problem };

/** A public range's VLAN: empty or "untagged" (null), "50" or "vlan://50". */
export function parseVlanTag(text: string): VlanTagResult {
  const vlan = readVlanTag(text);
  return vlan === undefined
    ? { ok: false, problem: problem('vlanTag', { min: VLAN_MIN, max: VLAN_MAX }) }
    : { ok: true, vlan };
}

/** A tagged VLAN inside one of the (guest) ranges. */
export function vlanInRangesProblem(vlan: number | null, ranges: readonly VlanRange[]): Problem | undefined {
  if (vlan === null || !ranges.some((r) => vlan >= r.start && vlan <= r.end)) return undefined;
  return problem('vlanInGuestRange', { vlan });
}

// ---------------------------------------------------------------------------------------------
// Names, tags and URLs

const DOMAIN_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$/;
const TAGS = /^[\w.-]+(\s*,\s*[\w.-]+)*$/;
const HOST_URL = /^https?:\/\/[^\s/:]+(:\d+)?(\/\S*)?$/i;
const SIMULATOR_URL = /^http:\/\/sim(\/[A-Za-z0-9._-]+)+\/?(\?\S*)?$/;
const STORAGE_URL = /^(nfs:\/\/[^\s/:]+(:\d+)?\/\S*|(file|sharedmountpoint):\/\/\/\S*|\/\S*)$/i;

/** An optional DNS domain (the zone's network domain). */
export function networkDomainProblem(text: string): Problem | undefined {
  return text.trim() === '' || DOMAIN_NAME.test(text.trim()) ? undefined : problem('networkDomain');
}

/** Optional comma-separated tags of letters, digits, . _ - */
export function tagsProblem(text: string): Problem | undefined {
  return text.trim() === '' || TAGS.test(text.trim()) ? undefined : problem('tags');
}

/** "a, b ,c" -> ["a", "b", "c"] */
export function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** A host URL; Simulator hosts are http://sim/<path> (the core names them after the path). */
export function hostUrlProblem(url: string, hypervisor = 'KVM'): Problem | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return REQUIRED;
  if (hypervisor === 'Simulator') return SIMULATOR_URL.test(trimmed) ? undefined : problem('simulatorUrl');
  return HOST_URL.test(trimmed) ? undefined : problem('hostUrl');
}

/** A storage URL the zone wizard takes: nfs://server/path, file:///path or an absolute path. */
export function storageUrlProblem(url: string): Problem | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return REQUIRED;
  return STORAGE_URL.test(trimmed) ? undefined : problem('storageUrl');
}

/** Normalised form for comparing URLs ("HTTP://Sim/c0/h0/" = "http://sim/c0/h0"). */
export function normaliseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

/**
 * Remembers values and answers `code` for one seen before (compared by `normalise`): names
 * ignoring case, URLs with normaliseUrl.
 */
export function duplicateCheck(
  code: 'duplicateName' | 'duplicateUrl',
  normalise: (text: string) => string = (t) => t.trim().toLowerCase(),
): (text: string) => Problem | undefined {
  const seen = new Set<string>();
  return (text) => {
    const value = normalise(text);
    if (seen.has(value)) return problem(code);
    seen.add(value);
    return undefined;
  };
}
