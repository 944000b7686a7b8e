/**
 * Guest VLAN ranges as CloudStack writes them ("100-200,300,400-450", each VLAN within 1-4094),
 * with the errors the API answers. The arithmetic is the contract's (shared with the zone planner).
 */
import { formatVlanRange, readVlanRanges, readVlanTag, VLAN_MAX, VLAN_MIN, type VlanRange } from '../contract/vlans';

export { countVlans, VLAN_MAX, VLAN_MIN, type VlanRange } from '../contract/vlans';

export type ParsedVlanRanges = { ok: true; ranges: VlanRange[] } | { ok: false; error: string };

/** Parses and validates a range list; overlapping ranges within the list are an error. */
export function parseVlanRanges(text: string): ParsedVlanRanges {
  const read = readVlanRanges(text);
  if (read.ok) return read;
  switch (read.reason) {
    case 'empty':
      return { ok: false, error: 'Empty VLAN range' };
    case 'format':
      return { ok: false, error: `Invalid VLAN range "${read.part}": expected a number or start-end` };
    case 'bounds':
      return { ok: false, error: `Invalid VLAN range "${read.part}": VLANs must be within ${VLAN_MIN}-${VLAN_MAX}` };
    case 'order':
      return { ok: false, error: `Invalid VLAN range "${read.part}": the start is greater than the end` };
    case 'overlap':
      return {
        ok: false,
        error: `VLAN ranges ${formatVlanRange(read.a)} and ${formatVlanRange(read.b)} overlap`,
      };
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
export function parseVlanTag(text: string | undefined): { ok: true; tag: string } | { ok: false; error: string } {
  const vlan = readVlanTag(text);
  if (vlan === undefined) {
    return { ok: false, error: `Invalid VLAN "${text}": VLANs must be within ${VLAN_MIN}-${VLAN_MAX} or untagged` };
  }
  return { ok: true, tag: vlan === null ? 'untagged' : `vlan://${vlan}` };
}
