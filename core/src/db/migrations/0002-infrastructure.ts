import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { idColumn, type MigrationDialect } from './helpers';

/** The physical model: zones, physical networks, pods, IP ranges, clusters, hosts, storage, capacity, alerts. */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const id = idColumn(dialect);
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  const float = dialect === 'postgres' ? 'double precision' : 'real';
  const uuid = (t: CreateTableBuilder<string, never>) =>
    t.addColumn('id', 'integer', id).addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique());
  const lifetime = (t: CreateTableBuilder<string, never>) =>
    t.addColumn('created', 'varchar(32)', (c) => c.notNull()).addColumn('removed', 'varchar(32)');

  await lifetime(
    uuid(db.schema.createTable('zones'))
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('description', 'varchar(1024)')
      .addColumn('network_type', 'varchar(16)', (c) => c.notNull())
      .addColumn('dns1', 'varchar(64)')
      .addColumn('dns2', 'varchar(64)')
      .addColumn('ip6_dns1', 'varchar(64)')
      .addColumn('ip6_dns2', 'varchar(64)')
      .addColumn('internal_dns1', 'varchar(64)', (c) => c.notNull())
      .addColumn('internal_dns2', 'varchar(64)')
      .addColumn('guest_cidr', 'varchar(64)')
      .addColumn('network_domain', 'varchar(255)')
      .addColumn('domain_id', 'integer', (c) => c.references('domains.id'))
      .addColumn('security_group_enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('local_storage_enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('allocation_state', 'varchar(16)', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('zones_name').on('zones').column('name').execute();

  await lifetime(
    uuid(db.schema.createTable('physical_networks'))
      .addColumn('zone_id', 'integer', (c) => c.notNull().references('zones.id'))
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('vlan', 'varchar(4096)')
      .addColumn('isolation_methods', 'varchar(255)')
      .addColumn('tags', 'varchar(255)')
      .addColumn('speed', 'varchar(32)')
      .addColumn('broadcast_domain_range', 'varchar(16)', (c) => c.notNull())
      .addColumn('domain_id', 'integer', (c) => c.references('domains.id'))
      .addColumn('state', 'varchar(16)', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('physical_networks_zone').on('physical_networks').column('zone_id').execute();

  await uuid(db.schema.createTable('traffic_types'))
    .addColumn('physical_network_id', 'integer', (c) => c.notNull().references('physical_networks.id'))
    .addColumn('traffic_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('kvm_label', 'varchar(255)')
    .addColumn('vmware_label', 'varchar(255)')
    .addColumn('xen_label', 'varchar(255)')
    .addColumn('hyperv_label', 'varchar(255)')
    .addColumn('ovm3_label', 'varchar(255)')
    .addColumn('vlan', 'varchar(255)')
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('traffic_types_network')
    .on('traffic_types')
    .columns(['physical_network_id', 'traffic_type'])
    .unique()
    .execute();

  await lifetime(
    uuid(db.schema.createTable('network_service_providers'))
      .addColumn('physical_network_id', 'integer', (c) => c.notNull().references('physical_networks.id'))
      .addColumn('name', 'varchar(64)', (c) => c.notNull())
      .addColumn('state', 'varchar(16)', (c) => c.notNull())
      .addColumn('destination_physical_network_id', 'integer')
      .addColumn('services', 'varchar(1024)', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('network_service_providers_network')
    .on('network_service_providers')
    .columns(['physical_network_id', 'name'])
    .execute();

  await uuid(db.schema.createTable('virtual_router_elements'))
    .addColumn('provider_id', 'integer', (c) => c.notNull().references('network_service_providers.id'))
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('virtual_router_elements_provider')
    .on('virtual_router_elements')
    .column('provider_id')
    .execute();

  await lifetime(
    uuid(db.schema.createTable('pods'))
      .addColumn('zone_id', 'integer', (c) => c.notNull().references('zones.id'))
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('gateway', 'varchar(64)', (c) => c.notNull())
      .addColumn('netmask', 'varchar(64)', (c) => c.notNull())
      .addColumn('cidr', 'varchar(64)', (c) => c.notNull())
      .addColumn('start_ip', 'varchar(64)', (c) => c.notNull())
      .addColumn('end_ip', 'varchar(64)', (c) => c.notNull())
      .addColumn('allocation_state', 'varchar(16)', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('pods_zone').on('pods').columns(['zone_id', 'name']).execute();

  await lifetime(
    uuid(db.schema.createTable('vlan_ip_ranges'))
      .addColumn('zone_id', 'integer', (c) => c.notNull().references('zones.id'))
      .addColumn('pod_id', 'integer', (c) => c.references('pods.id'))
      .addColumn('physical_network_id', 'integer', (c) => c.references('physical_networks.id'))
      .addColumn('network_id', 'integer')
      .addColumn('vlan_tag', 'varchar(64)', (c) => c.notNull())
      .addColumn('gateway', 'varchar(64)', (c) => c.notNull())
      .addColumn('netmask', 'varchar(64)', (c) => c.notNull())
      .addColumn('start_ip', 'varchar(64)', (c) => c.notNull())
      .addColumn('end_ip', 'varchar(64)', (c) => c.notNull())
      .addColumn('start_num', big, (c) => c.notNull())
      .addColumn('end_num', big, (c) => c.notNull())
      .addColumn('for_virtual_network', 'integer', (c) => c.notNull())
      .addColumn('for_system_vms', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
      .addColumn('domain_id', 'integer', (c) => c.references('domains.id'))
      .addColumn('description', 'varchar(1024)'),
  ).execute();
  await db.schema.createIndex('vlan_ip_ranges_zone').on('vlan_ip_ranges').columns(['zone_id', 'start_num']).execute();
  await db.schema.createIndex('vlan_ip_ranges_pod').on('vlan_ip_ranges').column('pod_id').execute();

  await lifetime(
    uuid(db.schema.createTable('clusters'))
      .addColumn('zone_id', 'integer', (c) => c.notNull().references('zones.id'))
      .addColumn('pod_id', 'integer', (c) => c.notNull().references('pods.id'))
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('hypervisor_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('cluster_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('allocation_state', 'varchar(16)', (c) => c.notNull())
      .addColumn('managed_state', 'varchar(16)', (c) => c.notNull())
      .addColumn('arch', 'varchar(16)', (c) => c.notNull())
      .addColumn('cpu_overcommit_ratio', float, (c) => c.notNull().defaultTo(1))
      .addColumn('memory_overcommit_ratio', float, (c) => c.notNull().defaultTo(1)),
  ).execute();
  await db.schema.createIndex('clusters_pod').on('clusters').columns(['pod_id', 'name']).execute();
  await db.schema.createIndex('clusters_zone').on('clusters').column('zone_id').execute();

  await lifetime(
    uuid(db.schema.createTable('hosts'))
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('zone_id', 'integer', (c) => c.notNull().references('zones.id'))
      .addColumn('pod_id', 'integer', (c) => c.notNull().references('pods.id'))
      .addColumn('cluster_id', 'integer', (c) => c.notNull().references('clusters.id'))
      .addColumn('type', 'varchar(32)', (c) => c.notNull())
      .addColumn('hypervisor_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('hypervisor_version', 'varchar(64)')
      .addColumn('url', 'varchar(1024)', (c) => c.notNull())
      .addColumn('private_ip', 'varchar(64)', (c) => c.notNull())
      .addColumn('username', 'varchar(255)')
      .addColumn('password', 'varchar(1024)')
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('resource_state', 'varchar(32)', (c) => c.notNull())
      .addColumn('cpu_sockets', 'integer', (c) => c.notNull())
      .addColumn('cpu_number', 'integer', (c) => c.notNull())
      .addColumn('cpu_speed', 'integer', (c) => c.notNull())
      .addColumn('total_memory', big, (c) => c.notNull())
      .addColumn('cpu_allocated', big, (c) => c.notNull().defaultTo(0))
      .addColumn('memory_allocated', big, (c) => c.notNull().defaultTo(0))
      .addColumn('cpu_used_percent', float, (c) => c.notNull().defaultTo(0))
      .addColumn('memory_used', big, (c) => c.notNull().defaultTo(0))
      .addColumn('capabilities', 'varchar(1024)')
      .addColumn('arch', 'varchar(16)', (c) => c.notNull())
      .addColumn('last_ping', 'varchar(32)')
      .addColumn('status_changed', 'varchar(32)', (c) => c.notNull())
      .addColumn('owner_server', 'varchar(40)'),
  ).execute();
  // Heartbeats rewrite every host row each round: leave room in each page so PostgreSQL can update
  // rows in place (HOT) instead of growing the table and its indexes until autovacuum catches up.
  if (dialect === 'postgres') await sql`ALTER TABLE hosts SET (fillfactor = 70)`.execute(db);
  await db.schema.createIndex('hosts_cluster').on('hosts').columns(['cluster_id', 'id']).execute();
  await db.schema.createIndex('hosts_pod').on('hosts').column('pod_id').execute();
  await db.schema.createIndex('hosts_zone').on('hosts').columns(['zone_id', 'id']).execute();
  await db.schema.createIndex('hosts_name').on('hosts').column('name').execute();
  await db.schema.createIndex('hosts_url').on('hosts').column('url').execute();
  await db.schema.createIndex('hosts_status').on('hosts').columns(['status', 'id']).execute();
  await db.schema.createIndex('hosts_owner').on('hosts').columns(['owner_server', 'id']).execute();

  await db.schema
    .createTable('host_tags')
    .addColumn('host_id', 'integer', (c) => c.notNull().references('hosts.id'))
    .addColumn('tag', 'varchar(255)', (c) => c.notNull())
    .addPrimaryKeyConstraint('host_tags_pk', ['host_id', 'tag'])
    .execute();
  await db.schema.createIndex('host_tags_tag').on('host_tags').column('tag').execute();

  await lifetime(
    uuid(db.schema.createTable('storage_pools'))
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('zone_id', 'integer', (c) => c.notNull().references('zones.id'))
      .addColumn('pod_id', 'integer', (c) => c.references('pods.id'))
      .addColumn('cluster_id', 'integer', (c) => c.references('clusters.id'))
      .addColumn('scope', 'varchar(16)', (c) => c.notNull())
      .addColumn('pool_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('url', 'varchar(1024)', (c) => c.notNull())
      .addColumn('host_address', 'varchar(255)', (c) => c.notNull())
      .addColumn('path', 'varchar(1024)', (c) => c.notNull())
      .addColumn('hypervisor', 'varchar(32)')
      .addColumn('provider', 'varchar(64)', (c) => c.notNull())
      .addColumn('capacity_bytes', big, (c) => c.notNull())
      .addColumn('used_bytes', big, (c) => c.notNull().defaultTo(0))
      .addColumn('allocated_bytes', big, (c) => c.notNull().defaultTo(0))
      .addColumn('capacity_iops', big)
      .addColumn('status', 'varchar(32)', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('storage_pools_cluster').on('storage_pools').column('cluster_id').execute();
  await db.schema.createIndex('storage_pools_zone').on('storage_pools').columns(['zone_id', 'id']).execute();

  await db.schema
    .createTable('storage_pool_tags')
    .addColumn('pool_id', 'integer', (c) => c.notNull().references('storage_pools.id'))
    .addColumn('tag', 'varchar(255)', (c) => c.notNull())
    .addPrimaryKeyConstraint('storage_pool_tags_pk', ['pool_id', 'tag'])
    .execute();

  await lifetime(
    uuid(db.schema.createTable('image_stores'))
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('zone_id', 'integer', (c) => c.references('zones.id'))
      .addColumn('provider', 'varchar(32)', (c) => c.notNull())
      .addColumn('protocol', 'varchar(32)', (c) => c.notNull())
      .addColumn('url', 'varchar(1024)', (c) => c.notNull())
      .addColumn('scope', 'varchar(16)', (c) => c.notNull())
      .addColumn('read_only', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('total_bytes', big, (c) => c.notNull())
      .addColumn('used_bytes', big, (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema.createIndex('image_stores_zone').on('image_stores').column('zone_id').execute();

  await db.schema
    .createTable('capacity_history')
    .addColumn('id', 'integer', id)
    .addColumn('sampled', 'varchar(32)', (c) => c.notNull())
    .addColumn('capacity_type', 'integer', (c) => c.notNull())
    .addColumn('zone_id', 'integer')
    .addColumn('pod_id', 'integer')
    .addColumn('cluster_id', 'integer')
    .addColumn('total', big, (c) => c.notNull())
    .addColumn('used', big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('capacity_history_type_time')
    .on('capacity_history')
    .columns(['capacity_type', 'sampled'])
    .execute();
  await db.schema
    .createIndex('capacity_history_zone')
    .on('capacity_history')
    .columns(['zone_id', 'capacity_type', 'sampled'])
    .execute();
  await db.schema
    .createIndex('capacity_history_cluster')
    .on('capacity_history')
    .columns(['cluster_id', 'capacity_type', 'sampled'])
    .execute();

  await uuid(db.schema.createTable('alerts'))
    .addColumn('type', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('subject', 'varchar(2048)', (c) => c.notNull())
    .addColumn('zone_id', 'integer')
    .addColumn('pod_id', 'integer')
    .addColumn('cluster_id', 'integer')
    .addColumn('resource_id', 'varchar(40)')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_sent', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_archived').on('alerts').columns(['archived', 'id']).execute();
  await db.schema.createIndex('alerts_resource').on('alerts').columns(['type', 'resource_id']).execute();

  await lifetime(
    uuid(db.schema.createTable('simulator_mocks'))
      .addColumn('zone_id', 'integer')
      .addColumn('pod_id', 'integer')
      .addColumn('cluster_id', 'integer')
      .addColumn('host_id', 'integer')
      .addColumn('name', 'varchar(64)', (c) => c.notNull())
      .addColumn('value', 'varchar(255)', (c) => c.notNull())
      .addColumn('nth', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('calls_seen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('remaining', 'integer')
      .addColumn('json_response', 'varchar(4096)'),
  ).execute();
}
