import type { RoleType } from '../domain/roles';

/** Who is making a call, resolved once per request by the auth layer. */
export interface Caller {
  userId: number;
  userUuid: string;
  username: string;
  accountId: number;
  accountUuid: string;
  accountName: string;
  accountType: number;
  domainId: number;
  domainUuid: string;
  /** Materialized id path of the caller's domain ("/1/4/"), for subtree checks. */
  domainIdPath: string;
  domainPath: string;
  roleId: number;
  roleType: RoleType;
  via: 'session' | 'apikey' | 'ipc' | 'system';
}

export const isRootAdmin = (caller: Caller) => caller.roleType === 'Admin';
export const isDomainAdmin = (caller: Caller) => caller.roleType === 'DomainAdmin';
/** Root and resource admins see every domain; domain admins see their subtree. */
export const seesAllDomains = (caller: Caller) => caller.roleType === 'Admin' || caller.roleType === 'ResourceAdmin';
