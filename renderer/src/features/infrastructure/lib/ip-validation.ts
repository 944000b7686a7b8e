/**
 * The IPv4 checks the range forms make as the operator types (the core checks again, including
 * overlaps with existing ranges). Addresses are unsigned 32-bit numbers.
 */
import type { MessageKey } from '../../../lib/i18n';

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

export function ipToNumber(text: string): number | undefined {
  const parts = text.trim().split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Prefix length of a contiguous netmask (255.255.255.0 -> 24), undefined otherwise. */
export function netmaskToPrefix(netmask: string): number | undefined {
  const n = ipToNumber(netmask);
  if (n === undefined) return undefined;
  const inverted = ~n >>> 0;
  if ((inverted & (inverted + 1)) !== 0) return undefined;
  return 32 - Math.log2(inverted + 1);
}

export interface Block {
  first: number;
  last: number;
  prefix: number;
}

/** The block gateway/netmask describe (172.16.15.1 + 255.255.255.0 -> 172.16.15.0/24). */
export function blockOf(gateway: string, netmask: string): Block | undefined {
  const g = ipToNumber(gateway);
  const prefix = netmaskToPrefix(netmask);
  if (g === undefined || prefix === undefined) return undefined;
  const size = 2 ** (32 - prefix);
  const first = Math.floor(g / size) * size;
  return { first, last: first + size - 1, prefix };
}

export function formatBlock(block: Block): string {
  return `${numberToIp(block.first)}/${block.prefix}`;
}

/** How many addresses start..end holds (inclusive), 0 when not a valid range. */
export function rangeSize(start: string, end: string): number {
  const s = ipToNumber(start);
  const e = ipToNumber(end || start);
  if (s === undefined || e === undefined || e < s) return 0;
  return e - s + 1;
}

export interface RangeInput {
  gateway: string;
  netmask: string;
  startip: string;
  /** Optional in CloudStack: a range of one address when empty. */
  endip: string;
}

export type RangeErrors = Partial<Record<keyof RangeInput, MessageKey>>;

/**
 * Field errors of a gateway/netmask/start/end range: well-formed addresses, a contiguous mask,
 * start <= end, both inside the gateway's CIDR, and the gateway not inside the range.
 */
export function validateRange(input: RangeInput, options: { endRequired?: boolean } = {}): RangeErrors {
  const errors: RangeErrors = {};
  const gateway = ipToNumber(input.gateway);
  const start = ipToNumber(input.startip);
  const end = input.endip.trim() ? ipToNumber(input.endip) : undefined;

  if (!input.gateway.trim()) errors.gateway = 'common.required';
  else if (gateway === undefined) errors.gateway = 'infra.ip.invalid';

  if (!input.netmask.trim()) errors.netmask = 'common.required';
  else if (netmaskToPrefix(input.netmask) === undefined) errors.netmask = 'infra.ip.invalidNetmask';

  if (!input.startip.trim()) errors.startip = 'common.required';
  else if (start === undefined) errors.startip = 'infra.ip.invalid';

  if (!input.endip.trim()) {
    if (options.endRequired) errors.endip = 'common.required';
  } else if (end === undefined) errors.endip = 'infra.ip.invalid';

  if (start !== undefined && end !== undefined && end < start && !errors.endip)
    errors.endip = 'infra.ip.endBeforeStart';

  const block = errors.gateway || errors.netmask ? undefined : blockOf(input.gateway, input.netmask);
  if (block) {
    const outside = (n: number) => n < block.first || n > block.last;
    if (start !== undefined && !errors.startip && outside(start)) errors.startip = 'infra.ip.outsideCidr';
    if (end !== undefined && !errors.endip && outside(end)) errors.endip = 'infra.ip.outsideCidr';
    if (
      gateway !== undefined &&
      start !== undefined &&
      !errors.startip &&
      !errors.endip &&
      gateway >= start &&
      gateway <= (end ?? start)
    )
      errors.gateway = 'infra.ip.gatewayInRange';
  }
  return errors;
}

/** host:port or URL checks for the storage and host forms. */
export function isUrlWithScheme(value: string, schemes: readonly string[]): boolean {
  const match = /^([a-z][a-z0-9+.-]*):\/\/[^\s/]+/i.exec(value.trim());
  return match !== null && schemes.includes((match[1] ?? '').toLowerCase());
}
