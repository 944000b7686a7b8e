/**
 * IPv4 arithmetic the forms check as the operator types: addresses, netmasks, CIDR blocks and
 * ranges. Addresses are unsigned 32-bit numbers. (The renderer may not import the core; this
 * mirrors core/src/domain/ipv4.ts, which checks again on the server.)
 */

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** A dotted quad, as written (no surrounding white space). */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => OCTET.test(p));
}

/** The numeric form of an address (surrounding white space ignored), undefined when malformed. */
export function ipToNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!isIpv4(trimmed)) return undefined;
  return trimmed.split('.').reduce((n, p) => n * 256 + Number(p), 0);
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Prefix length of a contiguous netmask (255.255.255.0 -> 24); undefined otherwise. */
export function netmaskToPrefix(netmask: string): number | undefined {
  const n = ipToNumber(netmask);
  if (n === undefined) return undefined;
  const inverted = ~n >>> 0;
  if ((inverted & (inverted + 1)) !== 0) return undefined;
  return 32 - Math.log2(inverted + 1);
}

export interface Cidr {
  network: number;
  prefix: number;
  first: number;
  last: number;
}

/** The block of `prefix` bits that holds `address`. */
export function cidrOf(address: number, prefix: number): Cidr {
  const size = 2 ** (32 - prefix);
  const network = Math.floor(address / size) * size;
  return { network, prefix, first: network, last: network + size - 1 };
}

/** "10.1.1.0/24" -> the block; undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText, extra] = text.trim().split('/');
  if (address === undefined || prefixText === undefined || extra !== undefined) return undefined;
  if (!/^\d{1,2}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const n = ipToNumber(address);
  if (n === undefined || prefix > 32) return undefined;
  return cidrOf(n, prefix);
}

export function formatCidr(cidr: Cidr): string {
  return `${numberToIp(cidr.network)}/${cidr.prefix}`;
}

/** The block gateway/netmask describe: 172.16.15.1 + 255.255.255.0 -> 172.16.15.0/24. */
export function cidrFromGateway(gateway: string, netmask: string): Cidr | undefined {
  const g = ipToNumber(gateway);
  const prefix = netmaskToPrefix(netmask);
  if (g === undefined || prefix === undefined) return undefined;
  return cidrOf(g, prefix);
}

export function cidrContains(cidr: Cidr, address: number): boolean {
  return address >= cidr.first && address <= cidr.last;
}

/** An inclusive range of numbers (addresses, VLAN ids). */
export interface NumRange {
  start: number;
  end: number;
}

export function rangesOverlap(a: NumRange, b: NumRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Addresses in startip..endip, inclusive (0 when it is not a valid range). */
export function rangeSize(startip: string, endip: string): number {
  const s = ipToNumber(startip);
  const e = ipToNumber(endip);
  return s === undefined || e === undefined || e < s ? 0 : e - s + 1;
}
