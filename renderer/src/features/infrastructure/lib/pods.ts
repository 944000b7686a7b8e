import type { Pod, PodIpRange } from '../api/types';

const asList = (value: string[] | string | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : value.split(',').filter(Boolean);

/** A pod's management ranges: `ipranges` when the core sends them, else startip[i]..endip[i]. */
export function podRanges(pod: Pod): PodIpRange[] {
  if (pod.ipranges && pod.ipranges.length > 0) return pod.ipranges;
  const starts = asList(pod.startip);
  const ends = asList(pod.endip);
  return starts.map((startip, i) => ({ startip, endip: ends[i] ?? startip, gateway: pod.gateway }));
}

/** "10.1.1.10 – 10.1.1.100" (+n) for a table cell. */
export function podRangeText(pod: Pod): string {
  const ranges = podRanges(pod);
  const first = ranges[0];
  if (!first) return '';
  const text = first.endip && first.endip !== first.startip ? `${first.startip} – ${first.endip}` : first.startip;
  return ranges.length > 1 ? `${text} (+${ranges.length - 1})` : text;
}
