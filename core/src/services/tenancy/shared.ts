import { invalidParameter } from '../../domain/errors';
import { checkName } from '../../domain/names';
import { message, type ServerMessage } from '../../domain/messages';
import type { RoleType } from '../../domain/roles';
import { likePattern } from '../../db/query-helpers';
import type { PageParams } from '../paging';
import { storedRoleType } from '../access';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';

export interface ListWindowParams extends PageParams {
  keyword?: string;
}

export function keywordPattern(keyword: string | undefined): string | undefined {
  return keyword === undefined || keyword.length === 0 ? undefined : likePattern(keyword);
}

/** A name that follows the one name rule (domain/names.ts), and the caller's extra restriction if any. */
export function requireName(
  value: string,
  field: string,
  options: { max?: number; forbid?: RegExp; forbidMessage?: ServerMessage } = {},
): string {
  checkName(value, field, options.max);
  if (options.forbid?.test(value))
    throw invalidParameter(
      'TENANCY.BAD_NAME',
      options.forbidMessage ?? message('error.name.notAllowedCharacters', { field }),
    );
  return value;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]+$/;

export function validateEmail(email: string): string {
  if (email.length > 255 || !EMAIL.test(email))
    throw invalidParameter('USER.BAD_EMAIL', message('error.user.badEmail', { email }));
  return email;
}

/** An IANA time zone name as CloudStack's timezone parameter takes ("Europe/Paris", "UTC"). */
export function validateTimezone(timezone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return timezone;
  } catch {
    throw invalidParameter('USER.BAD_TIMEZONE', message('error.user.badTimezone', { timezone }));
  }
}

export function validatePassword(password: string): string {
  if (password.trim().length === 0)
    throw invalidParameter('USER.EMPTY_PASSWORD', message('error.user.emptyPassword', {}));
  return password;
}

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** CloudStack's NetUtils.verifyDomainName: labels of 1-63 [a-z0-9-], not starting/ending with '-'; total <= 190. */
export function validateNetworkDomain(networkDomain: string): string {
  const ok = networkDomain.length <= 190 && networkDomain.split('.').every((label) => LABEL.test(label));
  if (!ok) {
    throw invalidParameter('TENANCY.BAD_NETWORK_DOMAIN', message('error.domain.badNetworkDomain', {}));
  }
  return networkDomain;
}

export interface TenancyEvent {
  type: string;
  message: ServerMessage;
  resourceType: 'Domain' | 'Account' | 'User' | 'Role' | 'RolePermission';
  resourceId: string;
}

/** Records a CloudStack event for the caller. Call after the transaction commits. */
export async function recordEvent(services: CoreServices, caller: Caller, event: TenancyEvent): Promise<void> {
  await services.events.record({ ...event, caller });
}

/** Progress of an async job, when the command runs as one. */
export interface Progress {
  report(percent: number, text?: string): Promise<void>;
}

/**
 * The role type of an account being acted on. An unknown stored type counts as the most
 * privileged, so only root admins may touch it.
 */
export const targetRoleType: (value: string) => RoleType = storedRoleType;
