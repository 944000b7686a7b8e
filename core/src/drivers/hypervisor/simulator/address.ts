import { ipToNumber, numberToIp, parseCidr } from '../../../contract/ipv4';
import type { PodNetwork } from '../types';
import { hash32 } from './metrics';

/**
 * A Simulator host's management addresses inside its pod's subnet, in the order to try them, as
 * CloudStack's simulator gives: a stable first pick (from the URL) among the pod's addresses
 * outside the range reserved for system VMs and the gateway, then every other such address once,
 * round the subnet. The caller takes the first one no other host has. Nothing when the subnet has
 * no such address.
 */
export function* podAddresses(url: string, pod: PodNetwork): Generator<string> {
  const cidr = parseCidr(pod.cidr);
  if (!cidr || cidr.prefix > 30) return;
  const start = ipToNumber(pod.reservedStart) ?? -1;
  const end = ipToNumber(pod.reservedEnd) ?? -2;
  const gateway = ipToNumber(pod.gateway) ?? -1;
  // Usable host addresses minus the reserved range, then minus the gateway.
  let segments: [number, number][] = [[cidr.first + 1, cidr.last - 1]];
  const cut = (lo: number, hi: number) => {
    segments = segments.flatMap(([a, b]): [number, number][] => {
      if (hi < a || lo > b) return [[a, b]];
      const out: [number, number][] = [];
      if (lo > a) out.push([a, lo - 1]);
      if (hi < b) out.push([hi + 1, b]);
      return out;
    });
  };
  if (start <= end) cut(start, end);
  cut(gateway, gateway);
  const total = segments.reduce((n, [a, b]) => n + (b - a + 1), 0);
  if (total <= 0) return;
  const at = (k: number): string => {
    for (const [a, b] of segments) {
      const size = b - a + 1;
      if (k < size) return numberToIp(a + k);
      k -= size;
    }
    throw new Error('unreachable: k < total');
  };
  const first = hash32(url) % total;
  for (let step = 0; step < total; step++) yield at((first + step) % total);
}
