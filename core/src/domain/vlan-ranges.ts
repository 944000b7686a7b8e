/**
 * Guest VLAN ranges as CloudStack writes them ("100-200,300,400-450", each VLAN within 1-4094),
 * with the errors the API answers. The arithmetic is the contract's (shared with the zone planner).
 */
import { formatVlanRange, readVlanRanges, readVlanTag, VLAN_MAX, VLAN_MIN, type VlanRange } from '../contract/vlans';
import { message, type ServerMessage } from './messages';

export { countVlans, VLAN_MAX, VLAN_MIN, type VlanRange } from '../contract/vlans';

export type ParsedVlanRanges = { ok: true; ranges: VlanRange[] } | { ok: false; error: ServerMessage };

const BOUNDS = { min: VLAN_MIN, max: VLAN_MAX };

/** Parses and validates a range list; overlapping ranges within the list are an error. */
export function parseVlanRanges(text: string): ParsedVlanRanges {
  const read = readVlanRanges(text);
  if (read.ok) return read;
  const fail = (error: ServerMessage): ParsedVlanRanges => ({ ok: false, error });
  switch (read.reason) {
    case 'empty':
      return fail(message('error.vlan.emptyRange', {}));
    case 'format':
      return fail(message('error.vlan.rangeFormat', { range: read.part }));
    case 'bounds':
      return fail(message('error.vlan.rangeBounds', { range: read.part, ...BOUNDS }));
    case 'order':
      return fail(message('error.vlan.rangeOrder', { range: read.part }));
    case 'overlap':
      return fail(
        message('error.vlan.rangesOverlap', { range: formatVlanRange(read.a), otherRange: formatVlanRange(read.b) }),
      );
  }
}

export function formatVlanRanges(ranges: readonly VlanRange[]): string {
  return ranges.map(formatVlanRange).join(',');
}

/** Merges adjacent or overlapping ranges (used when updatePhysicalNetwork adds a range). */
export function mergeVlanRanges(ranges: readonly VlanRange[]): VlanRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: VlanRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

export function vlanRangesOverlap(a: readonly VlanRange[], b: readonly VlanRange[]): boolean {
  return a.some((x) => b.some((y) => x.start <= y.end && y.start <= x.end));
}

/** Parses a public range's VLAN: "50", "vlan://50" or "untagged". */
export function parseVlanTag(
  text: string | undefined,
): { ok: true; tag: string } | { ok: false; error: ServerMessage } {
  const vlan = readVlanTag(text);
  if (vlan === undefined) return { ok: false, error: message('error.vlan.badTag', { vlan: String(text), ...BOUNDS }) };
  return { ok: true, tag: vlan === null ? 'untagged' : `vlan://${vlan}` };
}
