import crypto from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { nowIso } from '../../src/domain/time';

/**
 * Direct inserts of the physical model for tests that need a zone, pod, cluster or host to exist
 * without going through the commands that create them (those have their own tests). Values are
 * what the create commands would store.
 */
type Db = Kysely<Database>;

export async function seedZone(
  db: Db,
  values: { name?: string; networkType?: 'Basic' | 'Advanced'; allocationState?: string } = {},
) {
  return db
    .insertInto('zones')
    .values({
      uuid: crypto.randomUUID(),
      name: values.name ?? `zone-${crypto.randomBytes(3).toString('hex')}`,
      description: null,
      network_type: values.networkType ?? 'Advanced',
      dns1: '8.8.8.8',
      dns2: null,
      ip6_dns1: null,
      ip6_dns2: null,
      internal_dns1: '10.0.0.2',
      internal_dns2: null,
      guest_cidr: '10.1.1.0/24',
      network_domain: null,
      domain_id: null,
      security_group_enabled: values.networkType === 'Basic' ? 1 : 0,
      local_storage_enabled: 0,
      allocation_state: values.allocationState ?? 'Enabled',
      created: nowIso(),
      removed: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function seedPod(
  db: Db,
  zoneId: number,
  values: { name?: string; gateway?: string; netmask?: string; startIp?: string; endIp?: string } = {},
) {
  const gateway = values.gateway ?? '172.16.15.1';
  return db
    .insertInto('pods')
    .values({
      uuid: crypto.randomUUID(),
      zone_id: zoneId,
      name: values.name ?? `pod-${crypto.randomBytes(3).toString('hex')}`,
      gateway,
      netmask: values.netmask ?? '255.255.255.0',
      cidr: `${gateway.replace(/\.\d+$/, '.0')}/24`,
      start_ip: values.startIp ?? '172.16.15.2',
      end_ip: values.endIp ?? '172.16.15.200',
      allocation_state: 'Enabled',
      created: nowIso(),
      removed: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function seedCluster(
  db: Db,
  pod: { id: number; zone_id: number },
  values: { name?: string; hypervisor?: string } = {},
) {
  return db
    .insertInto('clusters')
    .values({
      uuid: crypto.randomUUID(),
      zone_id: pod.zone_id,
      pod_id: pod.id,
      name: values.name ?? `cluster-${crypto.randomBytes(3).toString('hex')}`,
      hypervisor_type: values.hypervisor ?? 'Simulator',
      cluster_type: 'CloudManaged',
      allocation_state: 'Enabled',
      managed_state: 'Managed',
      arch: 'x86_64',
      cpu_overcommit_ratio: 1,
      memory_overcommit_ratio: 1,
      created: nowIso(),
      removed: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A hosts-table row as addHost stores a Simulator host: Up, Enabled, 16 CPUs, 64 GiB, nothing allocated. */
export function hostRow(
  cluster: { id: number; pod_id: number; zone_id: number },
  name: string,
  values: Partial<Insertable<Database['hosts']>> = {},
): Insertable<Database['hosts']> {
  const now = nowIso();
  return {
    uuid: crypto.randomUUID(),
    name,
    zone_id: cluster.zone_id,
    pod_id: cluster.pod_id,
    cluster_id: cluster.id,
    type: 'Routing',
    hypervisor_type: 'Simulator',
    hypervisor_version: '1.0',
    url: `http://sim/${name}`,
    private_ip: '172.16.15.10',
    username: 'root',
    password: null,
    status: 'Up',
    resource_state: 'Enabled',
    cpu_sockets: 1,
    cpu_number: 16,
    cpu_speed: 2400,
    total_memory: 64 * 1024 ** 3,
    cpu_allocated: 0,
    memory_allocated: 0,
    cpu_used_percent: 0,
    memory_used: 0,
    capabilities: 'hvm',
    arch: 'x86_64',
    last_ping: now,
    status_changed: now,
    owner_server: null,
    created: now,
    removed: null,
    ...values,
  };
}

/** Inserts host rows in batches (a cloud of thousands of hosts without the API). */
export async function insertHostRows(db: Db, rows: Insertable<Database['hosts']>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('hosts')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function seedHost(
  db: Db,
  cluster: { id: number; pod_id: number; zone_id: number },
  values: { name?: string; status?: string; resourceState?: string; cpuNumber?: number; memoryGiB?: number } = {},
) {
  const name = values.name ?? `host-${crypto.randomBytes(3).toString('hex')}`;
  return db
    .insertInto('hosts')
    .values(
      hostRow(cluster, name, {
        status: values.status ?? 'Up',
        resource_state: values.resourceState ?? 'Enabled',
        cpu_number: values.cpuNumber ?? 16,
        total_memory: (values.memoryGiB ?? 64) * 1024 ** 3,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
