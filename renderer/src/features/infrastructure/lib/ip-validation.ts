/**
 * The IPv4 checks the range forms make as the operator types (the core checks again, including
 * overlaps with existing ranges). The arithmetic is lib/ipv4's.
 */
import type { MessageKey } from '../../../lib/i18n';
import { cidrContains, cidrFromGateway, ipToNumber, netmaskToPrefix, rangeSize } from '../../../lib/ipv4';

export interface RangeInput {
  gateway: string;
  netmask: string;
  startip: string;
  /** Optional in CloudStack: a range of one address when empty. */
  endip: string;
}

/** How many addresses the range holds (one when the end is empty), 0 when it is not a valid range. */
export function rangeInputSize(input: Pick<RangeInput, 'startip' | 'endip'>): number {
  return rangeSize(input.startip, input.endip || input.startip);
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

  const block = errors.gateway || errors.netmask ? undefined : cidrFromGateway(input.gateway, input.netmask);
  if (block) {
    const outside = (n: number) => !cidrContains(block, n);
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
