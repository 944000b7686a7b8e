import crypto from 'node:crypto';
import { message } from '../../domain/messages';
import type { Kysely } from 'kysely';
import { conflict, invalidParameter, notFound } from '../../domain/errors';
import type { TrafficType as TrafficTypeName } from '../../domain/infrastructure';
import { nowIso } from '../../domain/time';
import { parseVlanTag } from '../../domain/vlan-ranges';
import type { Database, TrafficTypeRow } from '../../db/schema';
import type {
  AddTrafficTypeInput,
  DeleteTrafficTypeInput,
  ListTrafficTypesInput,
  TrafficType,
  UpdateTrafficTypeInput,
} from '../../api/schemas/physical-networks';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { requirePhysicalNetwork } from './lookups';
import { canonicalIsolationMethod, lockZoneRow, reservedUuid, type JobHandle } from './physical-networks';
import { trafficTypeResponse } from './zone-responses';

type Db = Kysely<Database>;

/** Traffic types of a zone's live physical networks, oldest network first. */
export async function trafficTypesInZone(db: Db, zoneId: number, type: TrafficTypeName): Promise<TrafficTypeRow[]> {
  return db
    .selectFrom('traffic_types as t')
    .innerJoin('physical_networks as n', 'n.id', 't.physical_network_id')
    .selectAll('t')
    .where('n.zone_id', '=', zoneId)
    .where('n.removed', 'is', null)
    .where('t.traffic_type', '=', type)
    .orderBy('n.id')
    .execute();
}

function checkLabel(value: string | undefined, param: string): string | null {
  if (value === undefined) return null;
  if (value.trim().length === 0)
    throw invalidParameter('TRAFFIC_TYPE.BAD_LABEL', message('error.trafficType.blankLabel', { param }));
  return value;
}

/** The traffic a physical network carries (Guest, Management, Public, Storage) with its per-hypervisor labels. */
export class TrafficTypeService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  private get dialect() {
    return this.services.store.dialect;
  }

  /** Every check of addTrafficType; run before the job is queued and again inside its transaction. */
  private async planAdd(db: Db, input: AddTrafficTypeInput) {
    const network = await requirePhysicalNetwork(db, input.physicalnetworkid, 'physicalnetworkid');
    const zone = await db.selectFrom('zones').selectAll().where('id', '=', network.zone_id).executeTakeFirstOrThrow();
    const type = input.traffictype;
    if (type === 'Public' && zone.network_type === 'Basic') {
      throw invalidParameter('TRAFFIC_TYPE.BASIC_PUBLIC', message('error.trafficType.publicInBasicZone', {}));
    }
    const labels = {
      kvm_label: checkLabel(input.kvmnetworklabel, 'kvmnetworklabel'),
      vmware_label: checkLabel(input.vmwarenetworklabel, 'vmwarenetworklabel'),
      xen_label: checkLabel(input.xennetworklabel, 'xennetworklabel'),
      hyperv_label: checkLabel(input.hypervnetworklabel, 'hypervnetworklabel'),
      ovm3_label: checkLabel(input.ovm3networklabel, 'ovm3networklabel'),
    };
    if (input.isolationmethod !== undefined) canonicalIsolationMethod(input.isolationmethod);
    let vlan: string | null = null;
    if (input.vlan !== undefined) {
      const tag = parseVlanTag(input.vlan);
      if (!tag.ok) throw invalidParameter('TRAFFIC_TYPE.BAD_VLAN', tag.error);
      vlan = tag.tag === 'untagged' ? null : tag.tag.replace('vlan://', '');
    }
    const here = await db
      .selectFrom('traffic_types')
      .select('id')
      .where('physical_network_id', '=', network.id)
      .where('traffic_type', '=', type)
      .executeTakeFirst();
    if (here) {
      throw conflict('TRAFFIC_TYPE.EXISTS', message('error.trafficType.exists', { trafficType: type }));
    }
    const inZone = await trafficTypesInZone(db, zone.id, type);
    if (type !== 'Guest' && inZone.length > 0) {
      throw conflict('TRAFFIC_TYPE.ZONE_HAS_IT', message('error.trafficType.zoneHasIt', { trafficType: type }));
    }
    if (type === 'Guest' && !network.tags && inZone.length > 0) {
      // Several physical networks may carry guest traffic, but only when tags tell them apart.
      const untagged = await db
        .selectFrom('physical_networks')
        .select('id')
        .where('id', 'in', [...new Set(inZone.map((t) => t.physical_network_id))])
        .where('tags', 'is', null)
        .executeTakeFirst();
      if (untagged) {
        throw conflict('TRAFFIC_TYPE.UNTAGGED', message('error.trafficType.untagged', { zone: zone.name }));
      }
    }
    return { network, zone, values: { traffic_type: type, vlan, ...labels } };
  }

  /** Checks an addTrafficType before its job is queued; returns the uuid the traffic type will have. */
  async addTarget(input: AddTrafficTypeInput): Promise<string> {
    await this.planAdd(this.db, input);
    return crypto.randomUUID();
  }

  async add(caller: Caller, input: AddTrafficTypeInput, job?: JobHandle): Promise<TrafficType> {
    const uuid = await reservedUuid(this.db, job);
    const { network } = await this.planAdd(this.db, input);
    const row = await this.db.transaction().execute(async (trx) => {
      await lockZoneRow(trx, this.dialect, network.zone_id);
      const plan = await this.planAdd(trx, input);
      return trx
        .insertInto('traffic_types')
        .values({ uuid, physical_network_id: network.id, created: nowIso(), ...plan.values })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    await this.services.events.record({
      type: 'TRAFFIC.TYPE.CREATE',
      message: message('event.trafficType.added', {
        trafficType: row.traffic_type,
        network: network.name,
        id: network.uuid,
      }),
      resourceType: 'TrafficType',
      resourceId: row.uuid,
      caller,
    });
    return trafficTypeResponse(row, network.uuid);
  }

  /** A traffic type of a live physical network, with the network's uuid and name. */
  async require(uuid: string): Promise<TrafficTypeRow & { network_uuid: string; network_name: string }> {
    const row = await this.db
      .selectFrom('traffic_types as t')
      .innerJoin('physical_networks as n', 'n.id', 't.physical_network_id')
      .selectAll('t')
      .select(['n.uuid as network_uuid', 'n.name as network_name'])
      .where('t.uuid', '=', uuid)
      .where('n.removed', 'is', null)
      .executeTakeFirst();
    if (!row)
      throw notFound('TRAFFIC_TYPE.NOT_FOUND', message('error.notFound', { resource: 'traffic type', id: uuid }));
    return row;
  }

  async update(caller: Caller, input: UpdateTrafficTypeInput): Promise<TrafficType> {
    const traffic = await this.require(input.id);
    const set = {
      ...(input.kvmnetworklabel !== undefined
        ? { kvm_label: checkLabel(input.kvmnetworklabel, 'kvmnetworklabel') }
        : {}),
      ...(input.vmwarenetworklabel !== undefined
        ? { vmware_label: checkLabel(input.vmwarenetworklabel, 'vmwarenetworklabel') }
        : {}),
      ...(input.xennetworklabel !== undefined
        ? { xen_label: checkLabel(input.xennetworklabel, 'xennetworklabel') }
        : {}),
      ...(input.hypervnetworklabel !== undefined
        ? { hyperv_label: checkLabel(input.hypervnetworklabel, 'hypervnetworklabel') }
        : {}),
      ...(input.ovm3networklabel !== undefined
        ? { ovm3_label: checkLabel(input.ovm3networklabel, 'ovm3networklabel') }
        : {}),
    };
    if (Object.keys(set).length > 0) {
      await this.db.updateTable('traffic_types').set(set).where('id', '=', traffic.id).execute();
    }
    await this.services.events.record({
      type: 'TRAFFIC.TYPE.UPDATE',
      message: message('event.trafficType.updated', {
        trafficType: traffic.traffic_type,
        network: traffic.network_name,
      }),
      resourceType: 'TrafficType',
      resourceId: traffic.uuid,
      caller,
    });
    const row = await this.db
      .selectFrom('traffic_types')
      .selectAll()
      .where('id', '=', traffic.id)
      .executeTakeFirstOrThrow();
    return trafficTypeResponse(row, traffic.network_uuid);
  }

  async delete(caller: Caller, input: DeleteTrafficTypeInput): Promise<void> {
    const traffic = await this.require(input.id);
    await this.db.deleteFrom('traffic_types').where('id', '=', traffic.id).execute();
    await this.services.events.record({
      type: 'TRAFFIC.TYPE.DELETE',
      message: message('event.trafficType.deleted', {
        trafficType: traffic.traffic_type,
        network: traffic.network_name,
      }),
      resourceType: 'TrafficType',
      resourceId: traffic.uuid,
      caller,
    });
  }

  async list(input: ListTrafficTypesInput): Promise<{ items: TrafficType[]; count: number }> {
    const network = await requirePhysicalNetwork(this.db, input.physicalnetworkid, 'physicalnetworkid');
    const q = this.db.selectFrom('traffic_types').where('physical_network_id', '=', network.id);
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const window = pageWindow(input, this.services.config);
    let rq = q.selectAll().orderBy('id');
    if (window) rq = rq.limit(window.limit).offset(window.offset);
    const rows = await rq.execute();
    return { items: rows.map((r) => trafficTypeResponse(r, network.uuid)), count: Number(n) };
  }
}

const cache = new WeakMap<CoreServices, TrafficTypeService>();

/** The traffic type service over a core's services; built once per core. */
export function trafficTypes(services: CoreServices): TrafficTypeService {
  let s = cache.get(services);
  if (!s) {
    s = new TrafficTypeService(services);
    cache.set(services, s);
  }
  return s;
}
