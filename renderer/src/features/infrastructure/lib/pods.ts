import type { Pod, PodIpRange } from '../../../lib/contract';

/** A pod's management range as the UI shows it: the fields it does not know stay empty. */
export type PodRange = Pick<PodIpRange, 'startip' | 'endip'> & Partial<PodIpRange>;

const asList = (value: readonly string[] | string | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? value.split(',').filter(Boolean) : value;

/** A pod's management ranges: `ipranges` when the core sends them, else startip[i]..endip[i]. */
export function podRanges(pod: Pod): PodRange[] {
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
