import type { RoleType, RulePermission } from '../../domain/roles';
import type { AccountState, DomainState } from '../../domain/states';
import { toCloudStackDate } from '../../domain/time';
import type { AccountView } from '../../db/repositories/accounts';
import type { DomainView } from '../../db/repositories/domains';
import type { RulePermissionView } from '../../db/repositories/roles';
import type { UserListRow, UserRowPublic } from '../../db/repositories/users';
import type { RoleRow } from '../../db/schema';
import type { Account } from '../../api/schemas/accounts';
import type { Domain } from '../../api/schemas/domains';
import { compact } from '../../api/schemas/fields';
import type { Role, RolePermission } from '../../api/schemas/roles';
import type { User } from '../../api/schemas/users';
import type { Caller } from '../caller';

/** CloudStack's DomainResponse. */
export function domainResponse(d: DomainView): Domain {
  return compact({
    id: d.uuid,
    name: d.name,
    level: d.level,
    parentdomainid: d.parent_uuid,
    parentdomainname: d.parent_name,
    haschild: d.has_child,
    path: d.path,
    networkdomain: d.network_domain,
    // The column only ever holds Active or Inactive (see the domain repository).
    state: d.state as DomainState,
    created: wireDate(d.created),
  });
}

const STORED_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** CloudStack's date format; stored ISO-8601 UTC text is converted without a Date round trip (lists of thousands). */
export function wireDate(value: string): string {
  return STORED_ISO.test(value) ? `${value.slice(0, 19)}+0000` : toCloudStackDate(value);
}

/**
 * CloudStack's UserResponse. Never carries the password hash nor API keys. Built field by field
 * (no generic compact) as listUsers and listAccounts build thousands of them per page.
 */
export function userResponse(u: UserListRow, caller: Pick<Caller, 'domainId'>): User {
  const out: User = {
    id: u.uuid,
    username: u.username,
    firstname: u.firstname,
    lastname: u.lastname,
    created: wireDate(u.created),
    // User states are enabled, disabled or locked; role types are ROLE_TYPES (both checked on write).
    state: u.state as AccountState,
    account: u.account_name,
    accountid: u.account_uuid,
    accounttype: u.account_type,
    roleid: u.role_uuid,
    rolename: u.role_name,
    roletype: u.role_type as RoleType,
    domainid: u.domain_uuid,
    domain: u.domain_name,
    domainpath: u.domain_path,
    isdefault: u.is_default === 1,
    iscallerchilddomain: u.domain_id !== caller.domainId,
    usersource: 'native',
  };
  if (u.email !== null) out.email = u.email;
  if (u.timezone !== null) out.timezone = u.timezone;
  return out;
}

/** CloudStack's AccountResponse with its `user` array. */
export function accountResponse(a: AccountView, users: UserRowPublic[], caller: Pick<Caller, 'domainId'>): Account {
  const owner = {
    account_uuid: a.uuid,
    account_name: a.name,
    account_type: a.type,
    domain_id: a.domain_id,
    domain_uuid: a.domain_uuid,
    domain_name: a.domain_name,
    domain_path: a.domain_path,
    role_uuid: a.role_uuid,
    role_name: a.role_name,
    role_type: a.role_type,
  };
  // One scratch row reused for every user: userResponse copies what it needs at once.
  const user = users.map((u) => userResponse(Object.assign(owner, u), caller));
  return compact({
    id: a.uuid,
    name: a.name,
    accounttype: a.type,
    roleid: a.role_uuid,
    rolename: a.role_name,
    // Role types are ROLE_TYPES and account states enabled, disabled or locked (both checked on write).
    roletype: a.role_type as RoleType,
    domainid: a.domain_uuid,
    domain: a.domain_name,
    domainpath: a.domain_path,
    state: a.state as AccountState,
    created: wireDate(a.created),
    networkdomain: a.network_domain,
    isdefault: a.is_default === 1,
    user,
  });
}

/** CloudStack's RoleResponse. */
export function roleResponse(r: RoleRow): Role {
  return compact({
    id: r.uuid,
    name: r.name,
    // Role types are ROLE_TYPES: createRole and updateRole take nothing else.
    type: r.type as RoleType,
    description: r.description,
    isdefault: r.is_default === 1,
  });
}

/** CloudStack's RolePermissionResponse. */
export function rulePermissionResponse(p: RulePermissionView): RolePermission {
  return compact({
    id: p.uuid,
    roleid: p.role_uuid,
    rolename: p.role_name,
    // Role types are ROLE_TYPES and permissions allow or deny: the commands take nothing else.
    roletype: p.role_type as RoleType,
    rule: p.rule,
    permission: p.permission as RulePermission,
    description: p.description,
  });
}
