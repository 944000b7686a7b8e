/**
 * The IPv4 checks the range forms make as the operator types (the core checks again, including
 * overlaps with existing ranges). The arithmetic is the contract's (core/src/contract/ipv4), which
 * takes addresses as written: operator input is trimmed here first.
 */
import {
  cidrContains,
  cidrFromGateway,
  type Cidr,
  ipToNumber,
  netmaskToPrefix,
  rangeSize,
} from '../../../../../core/src/contract/ipv4';
import type { MessageKey } from '../../../lib/i18n';

export interface RangeInput {
  gateway: string;
  netmask: string;
  startip: string;
  /** Optional in CloudStack: a range of one address when empty. */
  endip: string;
}

/** How many addresses the range holds (one when the end is empty), 0 when it is not a valid range. */
export function rangeInputSize(input: Pick<RangeInput, 'startip' | 'endip'>): number {
  return rangeSize(input.startip.trim(), (input.endip || input.startip).trim());
}

/** The block the typed gateway and netmask describe, undefined while either is not valid. */
export function rangeInputCidr(input: Pick<RangeInput, 'gateway' | 'netmask'>): Cidr | undefined {
  return cidrFromGateway(input.gateway.trim(), input.netmask.trim());
}

export type RangeErrors = Partial<Record<keyof RangeInput, MessageKey>>;

/**
 * Field errors of a gateway/netmask/start/end range: well-formed addresses, a contiguous mask,
 * start <= end, both inside the gateway's CIDR, and the gateway not inside the range.
 */
export function validateRange(input: RangeInput, options: { endRequired?: boolean } = {}): RangeErrors {
  const errors: RangeErrors = {};
  const gateway = ipToNumber(input.gateway.trim());
  const start = ipToNumber(input.startip.trim());
  const end = input.endip.trim() ? ipToNumber(input.endip.trim()) : undefined;

  if (!input.gateway.trim()) errors.gateway = 'common.required';
  else if (gateway === undefined) errors.gateway = 'infra.ip.invalid';

  if (!input.netmask.trim()) errors.netmask = 'common.required';
  else if (netmaskToPrefix(input.netmask.trim()) === undefined) errors.netmask = 'infra.ip.invalidNetmask';

  if (!input.startip.trim()) errors.startip = 'common.required';
  else if (start === undefined) errors.startip = 'infra.ip.invalid';

  if (!input.endip.trim()) {
    if (options.endRequired) errors.endip = 'common.required';
  } else if (end === undefined) errors.endip = 'infra.ip.invalid';

  if (start !== undefined && end !== undefined && end < start && !errors.endip)
    errors.endip = 'infra.ip.endBeforeStart';

  const block = errors.gateway || errors.netmask ? undefined : rangeInputCidr(input);
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
