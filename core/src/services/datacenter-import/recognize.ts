import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { PlanStep } from './plan';

type Db = Kysely<Database>;

/** What a step that may have taken effect left behind: found (with the id it produced, if any). */
export type Recognized = { id?: string } | undefined;

type Lookup = (db: Db, p: Record<string, string>) => Promise<Recognized>;

const found = (row: { uuid: string } | undefined): Recognized => (row ? { id: row.uuid } : undefined);

const zoneId = (db: Db, uuid: string | undefined) =>
  db
    .selectFrom('zones')
    .select('id')
    .where('uuid', '=', uuid ?? '');

/**
 * How to find the effect of each step that creates something, by what makes it unique (a zone by
 * its name, a pod by its zone and name, a host by its cluster and URL ...). Steps missing here
 * change a state or look something up: running them again is harmless.
 */
const LOOKUPS: Partial<Record<PlanStep['command'], Lookup>> = {
  createZone: async (db, p) =>
    found(
      await db
        .selectFrom('zones')
        .select('uuid')
        .where('name', '=', p.name ?? '')
        .where('removed', 'is', null)
        .executeTakeFirst(),
    ),
  createPhysicalNetwork: async (db, p) =>
    found(
      await db
        .selectFrom('physical_networks')
        .select('uuid')
        .where('zone_id', 'in', zoneId(db, p.zoneid))
        .where('name', '=', p.name ?? '')
        .where('removed', 'is', null)
        .executeTakeFirst(),
    ),
  addTrafficType: async (db, p) =>
    found(
      await db
        .selectFrom('traffic_types')
        .select('traffic_types.uuid')
        .innerJoin('physical_networks', 'physical_networks.id', 'traffic_types.physical_network_id')
        .where('physical_networks.uuid', '=', p.physicalnetworkid ?? '')
        .where('traffic_types.traffic_type', '=', p.traffictype ?? '')
        .executeTakeFirst(),
    ),
  createPod: async (db, p) =>
    found(
      await db
        .selectFrom('pods')
        .select('uuid')
        .where('zone_id', 'in', zoneId(db, p.zoneid))
        .where('name', '=', p.name ?? '')
        .where('removed', 'is', null)
        .executeTakeFirst(),
    ),
  createVlanIpRange: async (db, p) =>
    found(
      await db
        .selectFrom('vlan_ip_ranges')
        .select('uuid')
        .where('zone_id', 'in', zoneId(db, p.zoneid))
        .where('start_ip', '=', p.startip ?? '')
        .where('end_ip', '=', p.endip ?? p.startip ?? '')
        .where('removed', 'is', null)
        .executeTakeFirst(),
    ),
  addCluster: async (db, p) =>
    found(
      await db
        .selectFrom('clusters')
        .select('clusters.uuid')
        .innerJoin('pods', 'pods.id', 'clusters.pod_id')
        .where('pods.uuid', '=', p.podid ?? '')
        .where('clusters.name', '=', p.clustername ?? '')
        .where('clusters.removed', 'is', null)
        .executeTakeFirst(),
    ),
  addHost: async (db, p) =>
    found(
      await db
        .selectFrom('hosts')
        .select('hosts.uuid')
        .innerJoin('clusters', 'clusters.id', 'hosts.cluster_id')
        .where('clusters.uuid', '=', p.clusterid ?? '')
        .where('hosts.url', '=', (p.url ?? '').trim())
        .where('hosts.removed', 'is', null)
        .executeTakeFirst(),
    ),
  createStoragePool: async (db, p) => {
    let q = db
      .selectFrom('storage_pools')
      .select('uuid')
      .where('zone_id', 'in', zoneId(db, p.zoneid))
      .where('name', '=', p.name ?? '')
      .where('removed', 'is', null);
    if (p.clusterid)
      q = q.where('cluster_id', 'in', db.selectFrom('clusters').select('id').where('uuid', '=', p.clusterid));
    return found(await q.executeTakeFirst());
  },
  addImageStore: async (db, p) =>
    found(
      await db
        .selectFrom('image_stores')
        .select('uuid')
        .where((eb) => eb.or([eb('name', '=', p.name ?? p.url ?? ''), eb('url', '=', p.url ?? '')]))
        .where('removed', 'is', null)
        .executeTakeFirst(),
    ),
};

/**
 * Finds the effect of a step that ran but was not recorded: the server died after the step's
 * command committed and before the journal did. Only the first step after the recorded ones can
 * be in that state, since each step is recorded before the next one starts.
 */
export function recognizeStep(db: Db, step: PlanStep, params: Record<string, string>): Promise<Recognized> {
  const lookup = LOOKUPS[step.command];
  return lookup ? lookup(db, params) : Promise.resolve(undefined);
}
