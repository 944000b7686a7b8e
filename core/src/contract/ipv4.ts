/**
 * IPv4 arithmetic for ranges, CIDRs and netmasks, shared by the core (which checks every request)
 * and the renderer (whose forms check as the operator types). Addresses are unsigned 32-bit
 * numbers; text is taken as written (callers trim user input first).
 */

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => OCTET.test(p));
}

/** The numeric form of an address, or undefined when it is not a dotted quad. */
export function ipToNumber(text: string): number | undefined {
  if (!isIpv4(text)) return undefined;
  return text.split('.').reduce((n, p) => n * 256 + Number(p), 0);
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Prefix length of a netmask like 255.255.255.0, or undefined when the mask is not contiguous. */
export function netmaskToPrefix(netmask: string): number | undefined {
  const n = ipToNumber(netmask);
  if (n === undefined) return undefined;
  const inverted = ~n >>> 0;
  if ((inverted & (inverted + 1)) !== 0) return undefined;
  return 32 - Math.log2(inverted + 1);
}

export function prefixToNetmask(prefix: number): string {
  return numberToIp(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
}

export interface Cidr {
  network: number;
  prefix: number;
  /** First and last address of the block. */
  first: number;
  last: number;
}

export function cidrOf(address: number, prefix: number): Cidr {
  const size = 2 ** (32 - prefix);
  const network = Math.floor(address / size) * size;
  return { network, prefix, first: network, last: network + size - 1 };
}

/** Parses "10.1.1.0/24"; undefined when malformed. The address need not be the network address. */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText, extra] = text.split('/');
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

/** The block that gateway/netmask describe, e.g. 172.16.15.1 + 255.255.255.0 -> 172.16.15.0/24. */
export function cidrFromGateway(gateway: string, netmask: string): Cidr | undefined {
  const g = ipToNumber(gateway);
  const prefix = netmaskToPrefix(netmask);
  if (g === undefined || prefix === undefined) return undefined;
  return cidrOf(g, prefix);
}

export function cidrContains(cidr: Cidr, address: number): boolean {
  return address >= cidr.first && address <= cidr.last;
}

export function rangesOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return rangesOverlap({ start: a.first, end: a.last }, { start: b.first, end: b.last });
}

/** Addresses in startip..endip, inclusive (0 when it is not a valid range). */
export function rangeSize(startip: string, endip: string): number {
  const s = ipToNumber(startip);
  const e = ipToNumber(endip);
  return s === undefined || e === undefined || e < s ? 0 : e - s + 1;
}
