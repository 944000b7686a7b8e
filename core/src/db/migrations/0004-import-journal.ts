import type { Kysely } from 'kysely';
import { idColumn, type MigrationDialect } from './helpers';

/** What a datacenter import created, step by step, so a crashed import can resume or be undone. */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const id = idColumn(dialect);
  await db.schema
    .createTable('datacenter_imports')
    .addColumn('id', 'integer', id)
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    // SHA-256 of the normalized plan: the same description imported again continues this import.
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    // The description, sealed with the secret box (it carries host passwords): resume re-plans it.
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('zones', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('job_id', 'varchar(40)')
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('total_steps', 'integer', (c) => c.notNull())
    .addColumn('done_steps', 'integer', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    // Set once removing what the import created has started: from then on it can only be removed.
    .addColumn('removal_started', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('datacenter_imports_fingerprint')
    .on('datacenter_imports')
    .column('fingerprint')
    .execute();

  await db.schema
    .createTable('datacenter_import_resources')
    .addColumn('id', 'integer', id)
    .addColumn('import_id', 'integer', (c) => c.notNull().references('datacenter_imports.id'))
    // 0-based index of the step that produced the id.
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('ref', 'varchar(255)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('resource_uuid', 'varchar(40)', (c) => c.notNull())
    .addColumn('label', 'varchar(1024)')
    .execute();
  await db.schema
    .createIndex('datacenter_import_resources_ref')
    .on('datacenter_import_resources')
    .columns(['import_id', 'ref'])
    .unique()
    .execute();
}
