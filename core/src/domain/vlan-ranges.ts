/** Guest VLAN ranges as CloudStack writes them: "100-200,300,400-450", each VLAN within 1-4094. */

export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;

export interface VlanRange {
  start: number;
  end: number;
}

export type ParsedVlanRanges = { ok: true; ranges: VlanRange[] } | { ok: false; error: string };

/** Parses and validates a range list; overlapping ranges within the list are an error. */
export function parseVlanRanges(text: string): ParsedVlanRanges {
  const ranges: VlanRange[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return { ok: false, error: `Invalid VLAN range "${part}": expected a number or start-end` };
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    if (start < VLAN_MIN || end > VLAN_MAX || start > VLAN_MAX || end < VLAN_MIN) {
      return { ok: false, error: `Invalid VLAN range "${part}": VLANs must be within ${VLAN_MIN}-${VLAN_MAX}` };
    }
    if (start > end) return { ok: false, error: `Invalid VLAN range "${part}": the start is greater than the end` };
    ranges.push({ start, end });
  }
  if (ranges.length === 0) return { ok: false, error: 'Empty VLAN range' };
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1]!;
    const cur = ranges[i]!;
    if (cur.start <= prev.end) {
      return { ok: false, error: `VLAN ranges ${formatRange(prev)} and ${formatRange(cur)} overlap` };
    }
  }
  return { ok: true, ranges };
}

function formatRange(r: VlanRange): string {
  return r.start === r.end ? String(r.start) : `${r.start}-${r.end}`;
}

export function formatVlanRanges(ranges: readonly VlanRange[]): string {
  return ranges.map(formatRange).join(',');
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

export function countVlans(ranges: readonly VlanRange[]): number {
  return ranges.reduce((n, r) => n + r.end - r.start + 1, 0);
}

/** Parses a public range's VLAN: "50", "vlan://50" or "untagged". */
export function parseVlanTag(text: string | undefined): { ok: true; tag: string } | { ok: false; error: string } {
  if (text === undefined || /^\s*(vlan:\/\/)?untagged\s*$|^\s*$/i.test(text)) return { ok: true, tag: 'untagged' };
  const m = /^(?:vlan:\/\/)?(\d+)$/i.exec(text.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!(n >= VLAN_MIN && n <= VLAN_MAX)) {
    return { ok: false, error: `Invalid VLAN "${text}": VLANs must be within ${VLAN_MIN}-${VLAN_MAX} or untagged` };
  }
  return { ok: true, tag: `vlan://${n}` };
}
