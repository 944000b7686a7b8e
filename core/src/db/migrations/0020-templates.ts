import type { Kysely } from 'kysely';
import { idColumn, trackWrites, type MigrationDialect } from './helpers';

/**
 * Guest OS catalogue, templates and ISOs (CloudStack's guest_os_category, guest_os, vm_template,
 * template_store_ref and launch_permission).
 *
 * - os_categories / os_types: the catalogue the first start fills (unique names: a restart or a
 *   second server never adds a row twice).
 * - templates: one row per template or ISO (format 'ISO'), owned by an account; removed set once
 *   it is deleted from its last zone.
 * - template_zones: one row per (template, zone) with the image store it is kept on and its
 *   download state, percentage and bytes; the downloader advances rows in DOWNLOAD_IN_PROGRESS
 *   (indexed by state) and each advance is conditioned on the row's last progress time, so two
 *   servers never count the same second twice.
 * - template_permissions: the accounts a private template is shared with (updateTemplatePermissions).
 */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  const id = idColumn(dialect);

  await db.schema
    .createTable('os_categories')
    .addColumn('id', 'integer', id)
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(255)', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('os_types')
    .addColumn('id', 'integer', id)
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('os_categories.id'))
    .addColumn('description', 'varchar(255)', (c) => c.notNull().unique())
    .addColumn('is_user_defined', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('templates')
    .addColumn('id', 'integer', id)
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('unique_name', 'varchar(255)', (c) => c.unique())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('display_text', 'varchar(4096)', (c) => c.notNull())
    .addColumn('format', 'varchar(16)', (c) => c.notNull())
    .addColumn('template_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('hypervisor', 'varchar(32)', (c) => c.notNull())
    .addColumn('url', 'varchar(2048)')
    .addColumn('checksum', 'varchar(255)')
    .addColumn('os_type_id', 'integer', (c) => c.notNull().references('os_types.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('domain_id', 'integer', (c) => c.notNull().references('domains.id'))
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('featured', 'integer', (c) => c.notNull())
    .addColumn('extractable', 'integer', (c) => c.notNull())
    .addColumn('password_enabled', 'integer', (c) => c.notNull())
    .addColumn('requires_hvm', 'integer', (c) => c.notNull())
    .addColumn('ssh_key_enabled', 'integer', (c) => c.notNull())
    .addColumn('bootable', 'integer', (c) => c.notNull())
    .addColumn('dynamically_scalable', 'integer', (c) => c.notNull())
    .addColumn('cross_zones', 'integer', (c) => c.notNull())
    .addColumn('bits', 'integer', (c) => c.notNull())
    .addColumn('template_tag', 'varchar(255)')
    .addColumn('details', 'varchar(8192)')
    .addColumn('sort_key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source_template_id', 'integer')
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addColumn('removed', 'varchar(32)')
    .execute();
  await db.schema.createIndex('templates_by_account').on('templates').columns(['account_id', 'removed']).execute();
  await db.schema
    .createIndex('templates_by_visibility')
    .on('templates')
    .columns(['is_public', 'featured', 'removed'])
    .execute();

  await db.schema
    .createTable('template_zones')
    .addColumn('id', 'integer', id)
    .addColumn('template_id', 'integer', (c) => c.notNull().references('templates.id'))
    .addColumn('zone_id', 'integer', (c) => c.notNull().references('zones.id'))
    .addColumn('image_store_id', 'integer', (c) => c.references('image_stores.id'))
    .addColumn('download_state', 'varchar(32)', (c) => c.notNull())
    .addColumn('download_pct', 'integer', (c) => c.notNull())
    .addColumn('downloaded_bytes', big, (c) => c.notNull())
    .addColumn('size', big, (c) => c.notNull())
    .addColumn('physical_size', big, (c) => c.notNull())
    .addColumn('error_text', 'varchar(1024)')
    .addColumn('last_progress', 'varchar(32)', (c) => c.notNull())
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('template_zones_one_per_zone', ['template_id', 'zone_id'])
    .execute();
  await db.schema.createIndex('template_zones_by_zone').on('template_zones').columns(['zone_id']).execute();
  await db.schema
    .createIndex('template_zones_by_state')
    .on('template_zones')
    .columns(['download_state', 'id'])
    .execute();

  await db.schema
    .createTable('template_permissions')
    .addColumn('template_id', 'integer', (c) => c.notNull().references('templates.id'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addPrimaryKeyConstraint('template_permissions_pk', ['template_id', 'account_id'])
    .execute();
  await db.schema
    .createIndex('template_permissions_by_account')
    .on('template_permissions')
    .columns(['account_id', 'template_id'])
    .execute();

  for (const table of ['os_categories', 'os_types', 'templates', 'template_zones', 'template_permissions']) {
    await trackWrites(db, dialect, table);
  }
}
