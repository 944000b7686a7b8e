import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { InfrastructureTables } from './schema-infrastructure';

export type * from './schema-infrastructure';

/**
 * Table types shared by both dialects. Booleans are stored as 0/1 integers and timestamps as
 * ISO-8601 text so that SQLite and PostgreSQL rows have the same shape.
 */
export interface DomainTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  parent_id: number | null;
  /** Materialized id path, e.g. "/1/4/9/", for subtree queries with a prefix index. */
  id_path: string;
  /** CloudStack's display path, e.g. "ROOT/Sales". */
  path: string;
  level: number;
  network_domain: string | null;
  state: string;
  created: string;
  removed: string | null;
}

export interface RoleTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  type: string;
  description: string | null;
  is_default: number;
  created: string;
  removed: string | null;
}

export interface RolePermissionTable {
  id: Generated<number>;
  uuid: string;
  role_id: number;
  rule: string;
  permission: string;
  description: string | null;
  sort_order: number;
}

export interface AccountTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  domain_id: number;
  type: number;
  role_id: number;
  state: string;
  network_domain: string | null;
  is_default: number;
  created: string;
  removed: string | null;
}

export interface UserTable {
  id: Generated<number>;
  uuid: string;
  account_id: number;
  username: string;
  password_hash: string;
  firstname: string;
  lastname: string;
  email: string | null;
  timezone: string | null;
  state: string;
  api_key: string | null;
  /** Encrypted with the server's secret box; never returned except by getUserKeys. */
  secret_key: string | null;
  is_default: number;
  incorrect_login_attempts: number;
  created: string;
  removed: string | null;
}

export interface SessionTable {
  id: Generated<number>;
  /** SHA-256 of the session key; the key itself is never stored. */
  key_hash: string;
  user_id: number;
  created: string;
  last_seen: string;
  expires: string;
}

export interface AsyncJobTable {
  id: Generated<number>;
  uuid: string;
  user_id: number;
  account_id: number;
  domain_id: number;
  command: string;
  params: string;
  /** 0 pending/running, 1 succeeded, 2 failed */
  status: number;
  result_code: number;
  result: string | null;
  progress: number;
  progress_text: string | null;
  instance_type: string | null;
  instance_id: string | null;
  /** Jobs with the same sync key run one at a time, in order of creation. */
  sync_key: string | null;
  owner_server: string | null;
  created: string;
  started: string | null;
  completed: string | null;
  heartbeat: string | null;
}

export interface EventTable {
  id: Generated<number>;
  uuid: string;
  type: string;
  level: string;
  state: string;
  description: string;
  user_id: number | null;
  account_id: number | null;
  domain_id: number | null;
  resource_type: string | null;
  resource_id: string | null;
  parent_id: number | null;
  archived: number;
  created: string;
}

export interface ConfigurationTable {
  name: string;
  value: string | null;
  updated: string;
}

export interface ManagementServerTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  state: string;
  started: string;
  last_heartbeat: string;
}

export interface Database extends InfrastructureTables {
  domains: DomainTable;
  roles: RoleTable;
  role_permissions: RolePermissionTable;
  accounts: AccountTable;
  users: UserTable;
  sessions: SessionTable;
  async_jobs: AsyncJobTable;
  events: EventTable;
  configurations: ConfigurationTable;
  management_servers: ManagementServerTable;
}

export type DomainRow = Selectable<DomainTable>;
export type RoleRow = Selectable<RoleTable>;
export type RolePermissionRow = Selectable<RolePermissionTable>;
export type AccountRow = Selectable<AccountTable>;
export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type AsyncJobRow = Selectable<AsyncJobTable>;
export type EventRow = Selectable<EventTable>;
export type ConfigurationRow = Selectable<ConfigurationTable>;

export type NewDomain = Insertable<DomainTable>;
export type NewAccount = Insertable<AccountTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
