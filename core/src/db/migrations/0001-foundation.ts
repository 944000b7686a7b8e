import type { Kysely } from 'kysely';
import { idColumn, type MigrationDialect } from './helpers';

export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('domains')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('domains.id'))
    .addColumn('id_path', 'varchar(1024)', (c) => c.notNull())
    .addColumn('path', 'varchar(2048)', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('network_domain', 'varchar(255)')
    .addColumn('state', 'varchar(32)', (c) => c.notNull())
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addColumn('removed', 'varchar(32)')
    .execute();
  await db.schema.createIndex('domains_id_path').on('domains').column('id_path').execute();
  await db.schema.createIndex('domains_parent').on('domains').columns(['parent_id', 'name']).execute();

  await db.schema
    .createTable('roles')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('description', 'varchar(1024)')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addColumn('removed', 'varchar(32)')
    .execute();
  await db.schema.createIndex('roles_name').on('roles').column('name').execute();

  await db.schema
    .createTable('role_permissions')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('role_id', 'integer', (c) => c.notNull().references('roles.id'))
    .addColumn('rule', 'varchar(255)', (c) => c.notNull())
    .addColumn('permission', 'varchar(8)', (c) => c.notNull())
    .addColumn('description', 'varchar(1024)')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('role_permissions_role')
    .on('role_permissions')
    .columns(['role_id', 'sort_order'])
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('domain_id', 'integer', (c) => c.notNull().references('domains.id'))
    .addColumn('type', 'integer', (c) => c.notNull())
    .addColumn('role_id', 'integer', (c) => c.notNull().references('roles.id'))
    .addColumn('state', 'varchar(32)', (c) => c.notNull())
    .addColumn('network_domain', 'varchar(255)')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addColumn('removed', 'varchar(32)')
    .execute();
  await db.schema.createIndex('accounts_domain_name').on('accounts').columns(['domain_id', 'name']).execute();
  await db.schema.createIndex('accounts_role').on('accounts').column('role_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('username', 'varchar(255)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(512)', (c) => c.notNull())
    .addColumn('firstname', 'varchar(255)', (c) => c.notNull())
    .addColumn('lastname', 'varchar(255)', (c) => c.notNull())
    .addColumn('email', 'varchar(255)')
    .addColumn('timezone', 'varchar(64)')
    .addColumn('state', 'varchar(32)', (c) => c.notNull())
    .addColumn('api_key', 'varchar(255)', (c) => c.unique())
    .addColumn('secret_key', 'varchar(1024)')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('incorrect_login_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addColumn('removed', 'varchar(32)')
    .execute();
  await db.schema.createIndex('users_account').on('users').columns(['account_id', 'id']).execute();
  await db.schema.createIndex('users_username').on('users').column('username').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('key_hash', 'varchar(128)', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('async_jobs')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.notNull())
    .addColumn('domain_id', 'integer', (c) => c.notNull())
    .addColumn('command', 'varchar(255)', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('result_code', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result', 'text')
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_text', 'varchar(1024)')
    .addColumn('instance_type', 'varchar(64)')
    .addColumn('instance_id', 'varchar(40)')
    .addColumn('sync_key', 'varchar(255)')
    .addColumn('owner_server', 'varchar(40)')
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addColumn('started', 'varchar(32)')
    .addColumn('completed', 'varchar(32)')
    .addColumn('heartbeat', 'varchar(32)')
    .execute();
  await db.schema.createIndex('async_jobs_status').on('async_jobs').columns(['status', 'id']).execute();
  await db.schema.createIndex('async_jobs_account').on('async_jobs').columns(['account_id', 'id']).execute();
  await db.schema.createIndex('async_jobs_sync').on('async_jobs').columns(['sync_key', 'status']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('type', 'varchar(64)', (c) => c.notNull())
    .addColumn('level', 'varchar(16)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('description', 'varchar(2048)', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('account_id', 'integer')
    .addColumn('domain_id', 'integer')
    .addColumn('resource_type', 'varchar(64)')
    .addColumn('resource_id', 'varchar(40)')
    .addColumn('parent_id', 'integer')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_account').on('events').columns(['account_id', 'id']).execute();
  await db.schema.createIndex('events_domain').on('events').columns(['domain_id', 'id']).execute();
  await db.schema.createIndex('events_type').on('events').columns(['type', 'id']).execute();
  await db.schema.createIndex('events_created').on('events').column('created').execute();

  await db.schema
    .createTable('configurations')
    .addColumn('name', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('value', 'text')
    .addColumn('updated', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('management_servers')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('state', 'varchar(32)', (c) => c.notNull())
    .addColumn('started', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_heartbeat', 'varchar(32)', (c) => c.notNull())
    .execute();
}
