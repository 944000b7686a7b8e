import { toCloudStackDate } from '../../domain/time';
import type { AccountView } from '../../db/repositories/accounts';
import type { DomainView } from '../../db/repositories/domains';
import type { RulePermissionView } from '../../db/repositories/roles';
import type { UserListRow, UserRowPublic } from '../../db/repositories/users';
import type { RoleRow } from '../../db/schema';
import type { Caller } from '../caller';
import { compact } from './shared';

/** CloudStack's DomainResponse. */
export function domainResponse(d: DomainView): Record<string, unknown> {
  return compact({
    id: d.uuid,
    name: d.name,
    level: d.level,
    parentdomainid: d.parent_uuid,
    parentdomainname: d.parent_name,
    haschild: d.has_child,
    path: d.path,
    networkdomain: d.network_domain,
    state: d.state,
    created: wireDate(d.created),
  });
}

const STORED_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** CloudStack's date format; stored ISO-8601 UTC text is converted without a Date round trip (lists of thousands). */
export function wireDate(value: string): string | undefined {
  return STORED_ISO.test(value) ? `${value.slice(0, 19)}+0000` : toCloudStackDate(value);
}

/**
 * CloudStack's UserResponse. Never carries the password hash nor API keys. Built field by field
 * (no generic compact) as listUsers and listAccounts build thousands of them per page.
 */
export function userResponse(u: UserListRow, caller: Pick<Caller, 'domainId'>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: u.uuid,
    username: u.username,
    firstname: u.firstname,
    lastname: u.lastname,
  };
  if (u.email !== null) out.email = u.email;
  out.created = wireDate(u.created);
  out.state = u.state;
  out.account = u.account_name;
  out.accountid = u.account_uuid;
  out.accounttype = u.account_type;
  out.roleid = u.role_uuid;
  out.rolename = u.role_name;
  out.roletype = u.role_type;
  out.domainid = u.domain_uuid;
  out.domain = u.domain_name;
  out.domainpath = u.domain_path;
  if (u.timezone !== null) out.timezone = u.timezone;
  out.isdefault = u.is_default === 1;
  out.iscallerchilddomain = u.domain_id !== caller.domainId;
  out.usersource = 'native';
  return out;
}

/** CloudStack's AccountResponse with its `user` array. */
export function accountResponse(
  a: AccountView,
  users: UserRowPublic[],
  caller: Pick<Caller, 'domainId'>,
): Record<string, unknown> {
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
    roletype: a.role_type,
    domainid: a.domain_uuid,
    domain: a.domain_name,
    domainpath: a.domain_path,
    state: a.state,
    created: wireDate(a.created),
    networkdomain: a.network_domain,
    isdefault: a.is_default === 1,
    user,
  });
}

/** CloudStack's RoleResponse. */
export function roleResponse(r: RoleRow): Record<string, unknown> {
  return compact({
    id: r.uuid,
    name: r.name,
    type: r.type,
    description: r.description,
    isdefault: r.is_default === 1,
  });
}

/** CloudStack's RolePermissionResponse. */
export function rulePermissionResponse(p: RulePermissionView): Record<string, unknown> {
  return compact({
    id: p.uuid,
    roleid: p.role_uuid,
    rolename: p.role_name,
    roletype: p.role_type,
    rule: p.rule,
    permission: p.permission,
    description: p.description,
  });
}
