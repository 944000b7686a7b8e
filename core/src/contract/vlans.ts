/**
 * VLAN arithmetic shared by the core (which words its errors as CloudStack does) and the zone
 * planner's checks (which give problem codes the UI words): guest VLAN ranges as CloudStack
 * writes them ("100-200,300,400-450", each VLAN within 1-4094) and a public range's VLAN tag.
 */

export const VLAN_MIN = 1;
export const VLAN_MAX = 4094;

/** An inclusive range of VLAN ids. */
export interface VlanRange {
  start: number;
  end: number;
}

/** Why a range list was refused: `part` is the piece of text at fault. */
export type VlanRangesFault =
  | { reason: 'empty' }
  | { reason: 'format' | 'bounds' | 'order'; part: string }
  | { reason: 'overlap'; a: VlanRange; b: VlanRange };

export type VlanRangesRead = { ok: true; ranges: VlanRange[] } | ({ ok: false } & VlanRangesFault);

/** Sorted ranges within VLAN_MIN-VLAN_MAX that do not overlap each other; empty parts are skipped. */
export function readVlanRanges(text: string): VlanRangesRead {
  const ranges: VlanRange[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return { ok: false, reason: 'format', part };
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    if (start < VLAN_MIN || end < VLAN_MIN || start > VLAN_MAX || end > VLAN_MAX) {
      return { ok: false, reason: 'bounds', part };
    }
    if (start > end) return { ok: false, reason: 'order', part };
    ranges.push({ start, end });
  }
  if (ranges.length === 0) return { ok: false, reason: 'empty' };
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const a = ranges[i - 1] as VlanRange;
    const b = ranges[i] as VlanRange;
    if (b.start <= a.end) return { ok: false, reason: 'overlap', a, b };
  }
  return { ok: true, ranges };
}

export function formatVlanRange(r: VlanRange): string {
  return r.start === r.end ? String(r.start) : `${r.start}-${r.end}`;
}

export function countVlans(ranges: readonly VlanRange[]): number {
  return ranges.reduce((n, r) => n + r.end - r.start + 1, 0);
}

/**
 * A public range's VLAN: absent, empty or "untagged" (also "vlan://untagged") is null; "50" or
 * "vlan://50" is 50; anything else (or a VLAN out of bounds) is undefined.
 */
export function readVlanTag(text: string | undefined): number | null | undefined {
  const trimmed = (text ?? '').trim();
  if (/^((vlan:\/\/)?untagged)?$/i.test(trimmed)) return null;
  const m = /^(?:vlan:\/\/)?(\d+)$/i.exec(trimmed);
  const n = m ? Number(m[1]) : NaN;
  return n >= VLAN_MIN && n <= VLAN_MAX ? n : undefined;
}
