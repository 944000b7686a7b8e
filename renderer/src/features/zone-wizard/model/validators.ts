import { rangeSize as addressCount } from '../../../../../core/src/contract/ipv4';
import {
  checkIpRange,
  duplicateCheck,
  guestCidrProblem,
  hostUrlProblem,
  ipv4Problem,
  networkDomainProblem,
  normaliseUrl,
  parseVlanRanges,
  parseVlanTag,
  requiredProblem,
  spanProblems,
  storageUrlProblem,
  subnetVlanProblems,
  tagsProblem,
  vlanInRangesProblem,
  type AddressSpan,
  type Problem,
  type ProblemCode,
  type VlanRange,
} from '../../../../../core/src/contract/zone-plan';
import type { MessageKey, Vars } from '../../../lib/i18n';
import { trafficTypesFor, type IpRangeDraft, type ZoneDraft } from './draft';

/**
 * The zone wizard's checks, run on every keystroke: the draft's fields through the shared checks
 * of the core's zone planner (core/src/contract/zone-plan/checks.ts), their problems as message
 * keys so they read in the operator's language, by field path ("zone.dns1", "host.<uid>.url").
 */

export interface FieldError {
  key: MessageKey;
  vars?: Vars;
}
export type FieldErrors = Record<string, FieldError>;

// What the wizard's components show besides errors.
export { cidrFromGateway, formatCidr } from '../../../../../core/src/contract/ipv4';
export { countVlans, parseVlanRanges } from '../../../../../core/src/contract/zone-plan';

/** Addresses in start..end as typed (0 unless a valid range). */
export function rangeSize(startip: string, endip: string): number {
  return addressCount(startip.trim(), endip.trim());
}

/** A planner check's problem as a message: `wizard.error.<code>`, "Required" for a missing value. */
const MESSAGE: Record<ProblemCode, MessageKey> = {
  required: 'common.required',
  ip: 'wizard.error.ip',
  netmask: 'wizard.error.netmask',
  cidr: 'wizard.error.cidr',
  cidrNetwork: 'wizard.error.cidrNetwork',
  outsideCidr: 'wizard.error.outsideCidr',
  reservedAddress: 'wizard.error.reservedAddress',
  endBeforeStart: 'wizard.error.endBeforeStart',
  gatewayInRange: 'wizard.error.gatewayInRange',
  gatewayInOtherRange: 'wizard.error.gatewayInOtherRange',
  overlap: 'wizard.error.overlap',
  vlanFormat: 'wizard.error.vlanFormat',
  vlanBounds: 'wizard.error.vlanBounds',
  vlanOrder: 'wizard.error.vlanOrder',
  vlanSelfOverlap: 'wizard.error.vlanSelfOverlap',
  vlanTag: 'wizard.error.vlanTag',
  vlanInGuestRange: 'wizard.error.vlanInGuestRange',
  subnetOtherVlan: 'wizard.error.subnetOtherVlan',
  subnetGateway: 'wizard.error.subnetGateway',
  networkDomain: 'wizard.error.networkDomain',
  tags: 'wizard.error.tags',
  hostUrl: 'wizard.error.hostUrl',
  simulatorUrl: 'wizard.error.simulatorUrl',
  storageUrl: 'wizard.error.storageUrl',
  duplicateName: 'wizard.error.duplicateName',
  duplicateUrl: 'wizard.error.duplicateUrl',
};

export function fieldError(problem: Problem): FieldError {
  return problem.vars ? { key: MESSAGE[problem.code], vars: problem.vars } : { key: MESSAGE[problem.code] };
}

/** Errors by field path; the first error of a field stays. */
class Collector {
  readonly errors: FieldErrors = {};

  put(path: string, problem: Problem | FieldError | undefined): void {
    if (!problem || this.errors[path]) return;
    this.errors[path] = 'code' in problem ? fieldError(problem) : problem;
  }
}

const atLeastOne: FieldError = { key: 'wizard.error.atLeastOne' };

/** One IP range on its own; its span (for the checks between ranges) when well-formed. */
function checkRange(e: Collector, path: string, range: Omit<IpRangeDraft, 'uid' | 'vlan'>) {
  const { problems, span } = checkIpRange(range);
  for (const [field, problem] of Object.entries(problems)) e.put(`${path}.${field}`, problem);
  return span ? { ...span, id: path } : undefined;
}

function checkZone(e: Collector, draft: ZoneDraft): void {
  const z = draft.zone;
  e.put('zone.name', requiredProblem(z.name));
  e.put('zone.dns1', ipv4Problem(z.dns1));
  e.put('zone.dns2', ipv4Problem(z.dns2, true));
  e.put('zone.internaldns1', ipv4Problem(z.internaldns1));
  e.put('zone.internaldns2', ipv4Problem(z.internaldns2, true));
  if (draft.networktype === 'Advanced') e.put('zone.guestcidraddress', guestCidrProblem(z.guestcidraddress));
  e.put('zone.networkdomain', networkDomainProblem(z.networkdomain));
}

/** Physical networks and the traffic they carry; answers the guest VLAN ranges. */
function checkNetworks(e: Collector, draft: ZoneDraft): VlanRange[] {
  const advanced = draft.networktype === 'Advanced';
  const networks = advanced ? draft.physicalNetworks : draft.physicalNetworks.slice(0, 1);
  const types = trafficTypesFor(draft.networktype);
  const duplicateName = duplicateCheck('duplicateName');
  let guestVlans: VlanRange[] = [];
  for (const n of networks) {
    const path = `network.${n.uid}`;
    e.put(`${path}.name`, requiredProblem(n.name) ?? duplicateName(n.name));
    const carried = types.filter((t) => draft.traffic[t].network === n.uid || !advanced);
    if (carried.length === 0) e.put(`${path}.traffic`, { key: 'wizard.error.noTraffic' });
    e.put(`${path}.tags`, tagsProblem(n.tags));
    if (advanced && carried.includes('Guest') && n.vlan.trim() !== '') {
      const parsed = parseVlanRanges(n.vlan);
      if (!parsed.ok) e.put(`${path}.vlan`, parsed.problem);
      else guestVlans = parsed.ranges;
    }
  }
  if (advanced) {
    for (const t of types) {
      if (!networks.some((n) => n.uid === draft.traffic[t].network)) e.put(`traffic.${t}.network`, requiredProblem(''));
    }
  }
  return guestVlans;
}

/** Public ranges: each on its own, its VLAN outside the guest VLANs, one VLAN and gateway per subnet. */
function checkPublicRanges(e: Collector, draft: ZoneDraft, guestVlans: VlanRange[]) {
  const spans: (AddressSpan & { id: string })[] = [];
  const tagged: { id: string; vlan: number | null; gateway: string; netmask: string }[] = [];
  for (const r of draft.publicRanges) {
    const path = `publicRange.${r.uid}`;
    const span = checkRange(e, path, r);
    if (span) spans.push(span);
    const tag = parseVlanTag(r.vlan);
    if (!tag.ok) {
      e.put(`${path}.vlan`, tag.problem);
      continue;
    }
    e.put(`${path}.vlan`, vlanInRangesProblem(tag.vlan, guestVlans));
    tagged.push({ id: path, vlan: tag.vlan, gateway: r.gateway, netmask: r.netmask });
  }
  for (const p of subnetVlanProblems(tagged)) e.put(`${p.id}.${p.field}`, p.problem);
  if (draft.publicRanges.length === 0) e.put('publicRange.list', atLeastOne);
  return spans;
}

/** The pod's range and the public (advanced) or guest (basic) ranges, then against each other. */
function checkRanges(e: Collector, draft: ZoneDraft, guestVlans: VlanRange[]): void {
  e.put('pod.name', requiredProblem(draft.pod.name));
  const spans: (AddressSpan & { id: string })[] = [];
  const pod = checkRange(e, 'pod', draft.pod);
  if (pod) spans.push(pod);
  if (draft.networktype === 'Advanced') spans.push(...checkPublicRanges(e, draft, guestVlans));
  else {
    const guest = checkRange(e, 'guestRange', draft.guestRange);
    if (guest) spans.push(guest);
  }
  for (const p of spanProblems(spans)) e.put(`${p.id}.${p.field}`, p.problem);
}

function checkHosts(e: Collector, draft: ZoneDraft): void {
  const duplicateUrl = duplicateCheck('duplicateUrl', normaliseUrl);
  for (const h of draft.hosts) {
    const path = `host.${h.uid}`;
    e.put(`${path}.url`, hostUrlProblem(h.url, draft.cluster.hypervisor) ?? duplicateUrl(h.url));
    e.put(`${path}.username`, requiredProblem(h.username));
    e.put(`${path}.password`, h.password === '' ? requiredProblem('') : undefined);
    e.put(`${path}.tags`, tagsProblem(h.tags));
  }
  if (draft.hosts.length === 0) e.put('host.list', atLeastOne);
}

/** A storage URL well-formed and not used by an earlier pool or store (remembered in `seen`). */
function storageUrlError(url: string, seen: Set<string>): Problem | FieldError | undefined {
  const problem = storageUrlProblem(url);
  if (problem) return problem;
  if (seen.has(normaliseUrl(url))) return { key: 'wizard.error.duplicateUrl' };
  seen.add(normaliseUrl(url));
  return undefined;
}

/** Primary and secondary storage; a URL serves one pool or store. */
function checkStorage(e: Collector, draft: ZoneDraft): void {
  const duplicateName = duplicateCheck('duplicateName');
  const urls = new Set<string>();
  for (const s of draft.primaryStorages) {
    const path = `primary.${s.uid}`;
    e.put(`${path}.name`, requiredProblem(s.name) ?? duplicateName(s.name));
    e.put(`${path}.url`, storageUrlError(s.url, urls));
    e.put(`${path}.tags`, tagsProblem(s.tags));
  }
  if (draft.primaryStorages.length === 0) e.put('primary.list', atLeastOne);
  for (const s of draft.secondaryStorages) e.put(`secondary.${s.uid}.url`, storageUrlError(s.url, urls));
  if (draft.secondaryStorages.length === 0) e.put('secondary.list', atLeastOne);
}

/** Every field error of the draft, keyed by field path ("zone.dns1", "host.<uid>.url", ...). */
export function validateDraft(draft: ZoneDraft): FieldErrors {
  const e = new Collector();
  checkZone(e, draft);
  const guestVlans = checkNetworks(e, draft);
  checkRanges(e, draft, guestVlans);
  e.put('cluster.name', requiredProblem(draft.cluster.name));
  checkHosts(e, draft);
  checkStorage(e, draft);
  return e.errors;
}
