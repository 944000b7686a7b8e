import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { InfrastructureTables } from './schema-infrastructure';
import type { OfferingTables } from './schema-offerings';
import type { TemplateTables } from './schema-templates';

export type * from './schema-infrastructure';
export type * from './schema-offerings';
export type * from './schema-templates';

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
  /** The submitter's source address (migration 0014), given to the events the job records. */
  source_address: string | null;
}

export interface EventTable {
  id: Generated<number>;
  uuid: string;
  type: string;
  level: string;
  state: string;
  description: string;
  /** The catalogue key of the description (contract/messages.ts); null on rows older than 0013. */
  description_key: string | null;
  /** Its parameters, a JSON object of strings. */
  description_params: string | null;
  user_id: number | null;
  account_id: number | null;
  domain_id: number | null;
  resource_type: string | null;
  resource_id: string | null;
  parent_id: number | null;
  archived: number;
  created: string;
  /** The caller's source address (migration 0014): a client address, or "local" for the desktop app. */
  source_address: string | null;
  /** The async job (uuid) the event was recorded in (migration 0014). */
  job_id: string | null;
}

export interface ConfigurationTable {
  name: string;
  value: string | null;
  updated: string;
}

/** A setting's value on one zone, cluster, pool, image store, domain or account (migration 0013). */
export interface ScopedConfigurationTable {
  /** The registry's scope name: zone, cluster, storagepool, imagestore, domain or account. */
  scope: string;
  /** Internal id of the resource in the scope's table. */
  resource_id: number;
  name: string;
  value: string;
  updated: string;
}

/** The cluster's identity (migration 0005): one row, id 1. */
export interface ClusterIdentityTable {
  id: number;
  /** HMAC-SHA256 of a fixed label under the cluster's secret key (hex); never the key itself. */
  key_fingerprint: string;
  created: string;
}

export interface ManagementServerTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  state: string;
  started: string;
  last_heartbeat: string;
  /** What listManagementServers reports (migration 0006); null until the server describes itself. */
  version: string | null;
  service_ip: string | null;
  runtime_version: string | null;
  os_distribution: string | null;
  kernel_version: string | null;
  last_boot: string | null;
  last_stop: string | null;
}

/** A datacenter import and how far it got (migration 0004). */
export interface DataCenterImportTable {
  id: Generated<number>;
  uuid: string;
  /** SHA-256 of the normalized plan. */
  fingerprint: string;
  /** The description, sealed with the secret box. */
  config: string;
  /** JSON array of the description's zone names. */
  zones: string;
  user_id: number;
  account_id: number;
  /** The job running (or that last ran) the import, its resume or its removal. */
  job_id: string | null;
  state: string;
  total_steps: number;
  done_steps: number;
  /** JSON object: what the completed steps created, by kind. */
  counts: string;
  /** 1 once removing what the import created has started (it can no longer be resumed). */
  removal_started: Generated<number>;
  created: string;
  updated: string;
}

/** An id a completed import step produced (a resource, or a look-up such as a provider). */
export interface DataCenterImportResourceTable {
  id: Generated<number>;
  import_id: number;
  step: number;
  ref: string;
  kind: string;
  resource_uuid: string;
  label: string | null;
}

/** Recent failed logins of one username or one source address (login throttling). */
export interface LoginFailureTable {
  key: string;
  failures: number;
  last_failure: string;
  /** Attempts are refused until then (ISO time; in the past when not blocked). */
  blocked_until: string;
}

/** Signatures already used while still valid (the replay cache of signed requests). */
export interface UsedSignatureTable {
  hash: string;
  expires: string;
}

export interface Database extends InfrastructureTables, OfferingTables, TemplateTables {
  domains: DomainTable;
  roles: RoleTable;
  role_permissions: RolePermissionTable;
  accounts: AccountTable;
  users: UserTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  used_signatures: UsedSignatureTable;
  async_jobs: AsyncJobTable;
  events: EventTable;
  configurations: ConfigurationTable;
  scoped_configurations: ScopedConfigurationTable;
  management_servers: ManagementServerTable;
  cluster_identity: ClusterIdentityTable;
  datacenter_imports: DataCenterImportTable;
  datacenter_import_resources: DataCenterImportResourceTable;
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
