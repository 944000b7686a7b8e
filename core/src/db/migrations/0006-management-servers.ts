import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

interface ServerRow {
  id: number;
  uuid: string;
  name: string;
}

/**
 * Management servers with stable ids: one row per server name (a restarted server keeps its
 * uuid, which is its hosts' managementserverid), with what listManagementServers reports.
 * Earlier runs recorded one row per start; the newest row of each name is kept and the hosts and
 * jobs of the older rows move to it, so they are neither lost nor orphaned.
 */
export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  const schema = db.schema;
  for (const column of [
    'version',
    'service_ip',
    'runtime_version',
    'os_distribution',
    'kernel_version',
    'last_boot',
    'last_stop',
  ]) {
    await schema.alterTable('management_servers').addColumn(column, 'varchar(255)').execute();
  }
  await mergeRowsOfOneName(
    db as Kysely<{
      management_servers: ServerRow;
      hosts: { owner_server: string | null };
      async_jobs: { owner_server: string | null };
    }>,
  );
  await schema.createIndex('management_servers_name').on('management_servers').column('name').unique().execute();
}

async function mergeRowsOfOneName(
  db: Kysely<{
    management_servers: ServerRow;
    hosts: { owner_server: string | null };
    async_jobs: { owner_server: string | null };
  }>,
): Promise<void> {
  const rows = await db.selectFrom('management_servers').select(['id', 'uuid', 'name']).orderBy('id', 'desc').execute();
  const keep = new Map<string, string>();
  for (const row of rows) {
    const kept = keep.get(row.name);
    if (kept === undefined) {
      keep.set(row.name, row.uuid);
      continue;
    }
    await db.updateTable('hosts').set({ owner_server: kept }).where('owner_server', '=', row.uuid).execute();
    await db.updateTable('async_jobs').set({ owner_server: kept }).where('owner_server', '=', row.uuid).execute();
    await db.deleteFrom('management_servers').where('id', '=', row.id).execute();
  }
}
