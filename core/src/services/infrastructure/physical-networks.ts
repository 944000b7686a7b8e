import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { conflict, inUse, invalidParameter, notFound, permissionDenied } from '../../domain/errors';
import { DEFAULT_PROVIDERS, ISOLATION_METHODS, type TrafficType } from '../../domain/infrastructure';
import { nowIso } from '../../domain/time';
import {
  formatVlanRanges,
  mergeVlanRanges,
  parseVlanRanges,
  parseVlanTag,
  vlanRangesOverlap,
  type VlanRange,
} from '../../domain/vlan-ranges';
import { findDomainByUuid } from '../../db/repositories/domains';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import type {
  Database,
  NetworkServiceProviderRow,
  PhysicalNetworkRow,
  TrafficTypeRow,
  VirtualRouterElementRow,
  ZoneRow,
} from '../../db/schema';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow, type PageParams } from '../paging';
import { keywordPattern } from '../tenancy/shared';
import { requirePhysicalNetwork, requireZone } from './lookups';
import {
  INDIVIDUAL_SERVICE_PROVIDERS,
  physicalNetworkResponse,
  providerResponse,
  trafficTypeResponse,
  virtualRouterElementResponse,
  type PhysicalNetworkView,
} from './zone-responses';

type Db = Kysely<Database>;

/** Progress of an async job, when the command runs as one. */
export interface JobHandle {
  readonly jobId: string;
  report(percent: number, text?: string): Promise<void>;
}

export interface CreatePhysicalNetworkInput {
  zoneid: string;
  name: string;
  vlan?: string;
  isolationmethods?: string[];
  tags?: string[];
  networkspeed?: string;
  broadcastdomainrange?: 'ZONE' | 'POD';
  domainid?: string;
}

export interface UpdatePhysicalNetworkInput {
  id: string;
  state?: 'Enabled' | 'Disabled';
  vlan?: string;
  networkspeed?: string;
  tags?: string[];
}

export interface ListPhysicalNetworksInput extends PageParams {
  id?: string;
  zoneid?: string;
  name?: string;
  keyword?: string;
}

export interface TrafficLabels {
  kvmnetworklabel?: string;
  vmwarenetworklabel?: string;
  xennetworklabel?: string;
  hypervnetworklabel?: string;
  ovm3networklabel?: string;
}

export interface AddTrafficTypeInput extends TrafficLabels {
  physicalnetworkid: string;
  traffictype: TrafficType;
  isolationmethod?: string;
  vlan?: string;
}

export interface ListProvidersInput extends PageParams {
  physicalnetworkid?: string;
  name?: string;
  state?: string;
}

export interface UpdateProviderInput {
  id: string;
  state?: 'Enabled' | 'Disabled' | 'Shutdown';
  servicelist?: string[];
}

export interface ListElementsInput extends PageParams {
  id?: string;
  nspid?: string;
  enabled?: boolean;
}

type ListResult = { items: Record<string, unknown>[]; count: number };

/** Traffic types of a zone's live physical networks, oldest network first. */
export async function trafficTypesInZone(db: Db, zoneId: number, type: TrafficType): Promise<TrafficTypeRow[]> {
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

/** Providers a new physical network gets, in CloudStack's order; SecurityGroupProvider where security groups apply. */
function defaultProviders(zone: ZoneRow): string[] {
  const sg = zone.network_type === 'Basic' || zone.security_group_enabled === 1;
  return ['VirtualRouter', ...(sg ? ['SecurityGroupProvider'] : []), 'VpcVirtualRouter', 'InternalLbVm', 'ConfigDrive'];
}

/** Virtual router element types by provider (CloudStack's VirtualRouterProvider.Type). */
const ELEMENT_TYPES: Readonly<Record<string, string>> = {
  VirtualRouter: 'VirtualRouter',
  VpcVirtualRouter: 'VPCVirtualRouter',
};

function canonicalIsolationMethod(text: string): string {
  const hit = ISOLATION_METHODS.find((m) => m.toLowerCase() === text.trim().toLowerCase());
  if (!hit) {
    throw invalidParameter(
      'PHYSICAL_NETWORK.BAD_ISOLATION',
      `Invalid isolation method ${text}; supported methods are ${ISOLATION_METHODS.join(', ')}`,
    );
  }
  return hit;
}

function parseRanges(text: string): VlanRange[] {
  const parsed = parseVlanRanges(text);
  if (!parsed.ok)
    throw invalidParameter('PHYSICAL_NETWORK.BAD_VLAN', `Please provide a valid vlan range: ${parsed.error}`);
  return mergeVlanRanges(parsed.ranges);
}

function checkLabel(value: string | undefined, param: string): string | null {
  if (value === undefined) return null;
  if (value.trim().length === 0) throw invalidParameter('TRAFFIC_TYPE.BAD_LABEL', `${param} cannot be blank`);
  return value;
}

async function lockZone(db: Db, dialect: string, zoneId: number): Promise<ZoneRow | undefined> {
  let q = db.selectFrom('zones').selectAll().where('id', '=', zoneId);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

const networkNotFound = (uuid: string) =>
  notFound('PHYSICAL_NETWORK.NOT_FOUND', `Unable to find physical network by id ${uuid}`);

/**
 * Physical networks with their traffic types, network service providers and virtual router
 * elements (CloudStack's NetworkService physical network operations).
 */
export class PhysicalNetworkService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  private get dialect() {
    return this.services.store.dialect;
  }

  // ---- physical networks ----------------------------------------------------------------

  /** Checks the VLAN ranges against the other live physical networks of the zone. */
  private async checkZoneVlans(db: Db, zone: ZoneRow, ranges: VlanRange[], exceptId?: number): Promise<void> {
    let q = db
      .selectFrom('physical_networks')
      .select(['id', 'name', 'vlan'])
      .where('zone_id', '=', zone.id)
      .where('removed', 'is', null)
      .where('vlan', 'is not', null);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    for (const other of await q.execute()) {
      const parsed = parseVlanRanges(other.vlan ?? '');
      if (parsed.ok && vlanRangesOverlap(ranges, parsed.ranges)) {
        throw conflict(
          'PHYSICAL_NETWORK.VLAN_OVERLAP',
          `The vlan range ${formatVlanRanges(ranges)} overlaps with the vlan range ${other.vlan} of physical network ${other.name} in zone ${zone.name}`,
        );
      }
    }
  }

  /** Every check of createPhysicalNetwork; run before the job is queued and again inside its transaction. */
  private async planCreate(db: Db, input: CreatePhysicalNetworkInput, zoneRow?: ZoneRow) {
    const zone = zoneRow ?? (await requireZone(db, input.zoneid, 'zoneid'));
    if (input.name.trim().length === 0) {
      throw invalidParameter('PHYSICAL_NETWORK.EMPTY_NAME', 'Physical network name cannot be empty or blank');
    }
    if (zone.allocation_state === 'Enabled') {
      // CloudStack's PermissionDeniedException: a zone's networks are set up while it is disabled.
      throw permissionDenied(
        'PHYSICAL_NETWORK.ZONE_ENABLED',
        `Cannot create PhysicalNetwork since the Zone is currently enabled, zone: ${zone.name}`,
      );
    }
    const basic = zone.network_type === 'Basic';
    if (basic) {
      const existing = await db
        .selectFrom('physical_networks')
        .select('id')
        .where('zone_id', '=', zone.id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (existing) {
        throw conflict(
          'PHYSICAL_NETWORK.BASIC_ZONE',
          `Cannot add the physical network to basic zone: ${zone.name}, there is a physical network already existing in this basic Zone`,
        );
      }
    }
    if (input.tags && input.tags.length > 1) {
      throw invalidParameter(
        'PHYSICAL_NETWORK.TAGS',
        'Only one tag can be specified for a physical network at this time',
      );
    }
    if (input.isolationmethods && input.isolationmethods.length > 1) {
      throw invalidParameter(
        'PHYSICAL_NETWORK.ISOLATION',
        'Only one isolationMethod can be specified for a physical network at this time',
      );
    }
    const isolation = input.isolationmethods?.map(canonicalIsolationMethod) ?? [];
    if (input.vlan !== undefined && basic) {
      throw invalidParameter(
        'PHYSICAL_NETWORK.BASIC_VLAN',
        "Can't add vnet range to the physical network in the Basic zone",
      );
    }
    const ranges = input.vlan === undefined ? undefined : parseRanges(input.vlan);
    if (input.broadcastdomainrange === 'ZONE' && basic) {
      throw invalidParameter(
        'PHYSICAL_NETWORK.BROADCAST',
        'Basic zone can have broadcast domain type of value POD only',
      );
    }
    if (input.broadcastdomainrange === 'POD' && !basic) {
      throw invalidParameter(
        'PHYSICAL_NETWORK.BROADCAST',
        'Advance zone can have broadcast domain type of value ZONE only',
      );
    }
    let domainId: number | null = null;
    if (input.domainid !== undefined) {
      const domain = await findDomainByUuid(db, input.domainid);
      if (!domain) throw notFound('DOMAIN.NOT_FOUND', `Unable to find domain by id ${input.domainid}`);
      domainId = domain.id;
    }
    const sameName = await db
      .selectFrom('physical_networks')
      .select('id')
      .where('zone_id', '=', zone.id)
      .where('removed', 'is', null)
      .where(equalsIgnoreCase('name', input.name))
      .executeTakeFirst();
    if (sameName) {
      throw conflict(
        'PHYSICAL_NETWORK.NAME_TAKEN',
        `A physical network with name ${input.name} already exists in zone ${zone.name}`,
      );
    }
    if (ranges) await this.checkZoneVlans(db, zone, ranges);
    return {
      zone,
      name: input.name,
      vlan: ranges ? formatVlanRanges(ranges) : null,
      isolation: isolation.length > 0 ? isolation.join(',') : null,
      tags: input.tags?.[0] ?? null,
      speed: input.networkspeed ?? null,
      broadcast: input.broadcastdomainrange ?? (basic ? 'POD' : 'ZONE'),
      domainId,
    };
  }

  /** Resolves and checks a createPhysicalNetwork before its job is queued; returns the uuid it will have. */
  async createTarget(input: CreatePhysicalNetworkInput): Promise<string> {
    await this.planCreate(this.db, input);
    return crypto.randomUUID();
  }

  /** The uuid chosen for the resource when the job was queued (returned as `id` with the jobid). */
  private async reservedUuid(job: JobHandle | undefined): Promise<string> {
    if (!job) return crypto.randomUUID();
    const row = await this.db
      .selectFrom('async_jobs')
      .select('instance_id')
      .where('uuid', '=', job.jobId)
      .executeTakeFirst();
    return row?.instance_id ?? crypto.randomUUID();
  }

  async create(caller: Caller, input: CreatePhysicalNetworkInput, job?: JobHandle): Promise<Record<string, unknown>> {
    const uuid = await this.reservedUuid(job);
    const zone = await requireZone(this.db, input.zoneid, 'zoneid');
    const providers = defaultProviders(zone);
    const created = nowIso();
    const network = await this.db.transaction().execute(async (trx) => {
      const fresh = await lockZone(trx, this.dialect, zone.id);
      if (!fresh || fresh.removed) throw notFound('ZONE.NOT_FOUND', `Unable to find zone by zoneid ${zone.uuid}`);
      const plan = await this.planCreate(trx, input, fresh);
      const row = await trx
        .insertInto('physical_networks')
        .values({
          uuid,
          zone_id: zone.id,
          name: plan.name,
          vlan: plan.vlan,
          isolation_methods: plan.isolation,
          tags: plan.tags,
          speed: plan.speed,
          broadcast_domain_range: plan.broadcast,
          domain_id: plan.domainId,
          state: 'Disabled',
          created,
          removed: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (const name of providers) {
        const provider = await trx
          .insertInto('network_service_providers')
          .values({
            uuid: crypto.randomUUID(),
            physical_network_id: row.id,
            name,
            state: 'Disabled',
            destination_physical_network_id: null,
            services: (DEFAULT_PROVIDERS[name] ?? []).join(','),
            created,
            removed: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const type = ELEMENT_TYPES[name];
        if (type) {
          await trx
            .insertInto('virtual_router_elements')
            .values({ uuid: crypto.randomUUID(), provider_id: provider.id, type, enabled: 0, created })
            .execute();
        }
      }
      return row;
    });
    await job?.report(90, `Added network service providers ${providers.join(', ')}`);
    await this.services.events.record({
      type: 'PHYSICAL.NETWORK.CREATE',
      description: `Created physical network ${network.name} (id: ${network.uuid}) in zone ${zone.name}`,
      resourceType: 'PhysicalNetwork',
      resourceId: network.uuid,
      caller,
    });
    return this.networkResponse(network.id);
  }

  private async planUpdate(db: Db, input: UpdatePhysicalNetworkInput) {
    const network = await requirePhysicalNetwork(db, input.id);
    const zone = await db.selectFrom('zones').selectAll().where('id', '=', network.zone_id).executeTakeFirstOrThrow();
    if (input.vlan !== undefined && zone.network_type === 'Basic') {
      throw invalidParameter(
        'PHYSICAL_NETWORK.BASIC_VLAN',
        "Can't add vnet range to the physical network in the Basic zone",
      );
    }
    if (input.tags && input.tags.length > 1) {
      throw invalidParameter('PHYSICAL_NETWORK.TAGS', 'Unable to support more than one tag on network yet');
    }
    const ranges = input.vlan === undefined ? undefined : parseRanges(input.vlan);
    if (ranges) await this.checkZoneVlans(db, zone, ranges, network.id);
    return { network, zone, vlan: ranges ? formatVlanRanges(ranges) : undefined };
  }

  /** Checks an updatePhysicalNetwork before its job is queued. */
  async updateTarget(input: UpdatePhysicalNetworkInput): Promise<PhysicalNetworkRow> {
    return (await this.planUpdate(this.db, input)).network;
  }

  async update(caller: Caller, input: UpdatePhysicalNetworkInput, job?: JobHandle): Promise<Record<string, unknown>> {
    const { network } = await this.planUpdate(this.db, input);
    await job?.report(30, 'Validated the update');
    await this.db.transaction().execute(async (trx) => {
      await lockZone(trx, this.dialect, network.zone_id);
      const plan = await this.planUpdate(trx, input);
      await trx
        .updateTable('physical_networks')
        .set({
          ...(input.state !== undefined ? { state: input.state } : {}),
          ...(plan.vlan !== undefined ? { vlan: plan.vlan } : {}),
          ...(input.networkspeed !== undefined ? { speed: input.networkspeed } : {}),
          ...(input.tags !== undefined ? { tags: input.tags[0] ?? null } : {}),
        })
        .where('id', '=', network.id)
        .execute();
    });
    await this.services.events.record({
      type: 'PHYSICAL.NETWORK.UPDATE',
      description: `Updated physical network ${network.name} (id: ${network.uuid})${input.state ? `, state ${input.state}` : ''}`,
      resourceType: 'PhysicalNetwork',
      resourceId: network.uuid,
      caller,
    });
    return this.networkResponse(network.id);
  }

  private async deleteBlocker(db: Db, networkId: number): Promise<string | undefined> {
    const range = await db
      .selectFrom('vlan_ip_ranges')
      .select('id')
      .where('physical_network_id', '=', networkId)
      .where('removed', 'is', null)
      .limit(1)
      .executeTakeFirst();
    return range
      ? 'The Physical Network is not deletable because there are IP ranges associated with this physical network'
      : undefined;
  }

  /** Checks a deletePhysicalNetwork before its job is queued. */
  async deleteTarget(input: { id: string }): Promise<PhysicalNetworkRow> {
    const network = await requirePhysicalNetwork(this.db, input.id);
    const blocker = await this.deleteBlocker(this.db, network.id);
    if (blocker) throw inUse('PHYSICAL_NETWORK.IN_USE', blocker);
    return network;
  }

  /** Removes a physical network with its traffic types, providers and virtual router elements. */
  async delete(caller: Caller, input: { id: string }, job?: JobHandle): Promise<void> {
    const network = await this.deleteTarget(input);
    await this.db.transaction().execute(async (trx) => {
      await lockZone(trx, this.dialect, network.zone_id);
      const fresh = await trx
        .selectFrom('physical_networks')
        .select(['id', 'removed'])
        .where('id', '=', network.id)
        .executeTakeFirst();
      if (!fresh || fresh.removed) throw networkNotFound(network.uuid);
      const blocker = await this.deleteBlocker(trx, network.id);
      if (blocker) throw inUse('PHYSICAL_NETWORK.IN_USE', blocker);
      const now = nowIso();
      const providerIds = trx
        .selectFrom('network_service_providers')
        .select('id')
        .where('physical_network_id', '=', network.id);
      await trx.deleteFrom('virtual_router_elements').where('provider_id', 'in', providerIds).execute();
      await trx
        .updateTable('network_service_providers')
        .set({ removed: now, state: 'Shutdown' })
        .where('physical_network_id', '=', network.id)
        .where('removed', 'is', null)
        .execute();
      await trx.deleteFrom('traffic_types').where('physical_network_id', '=', network.id).execute();
      await trx
        .updateTable('physical_networks')
        .set({ removed: now, state: 'Disabled' })
        .where('id', '=', network.id)
        .execute();
    });
    await job?.report(100, `Deleted physical network ${network.name}`);
    await this.services.events.record({
      type: 'PHYSICAL.NETWORK.DELETE',
      description: `Deleted physical network ${network.name} (id: ${network.uuid})`,
      resourceType: 'PhysicalNetwork',
      resourceId: network.uuid,
      caller,
    });
  }

  async list(input: ListPhysicalNetworksInput): Promise<ListResult> {
    if (input.id !== undefined) await this.requireEverExisted('physical_networks', input.id, 'physical network');
    let q = this.db
      .selectFrom('physical_networks as n')
      .innerJoin('zones as z', 'z.id', 'n.zone_id')
      .where('n.removed', 'is', null);
    if (input.zoneid !== undefined) {
      await this.requireEverExisted('zones', input.zoneid, 'zone');
      q = q.where('z.uuid', '=', input.zoneid);
    }
    if (input.id !== undefined) q = q.where('n.uuid', '=', input.id);
    const name = keywordPattern(input.name);
    if (name !== undefined) q = q.where(ilike('n.name', name));
    const keyword = keywordPattern(input.keyword);
    if (keyword !== undefined) q = q.where(ilike('n.name', keyword));
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const window = pageWindow(input, this.services.config);
    let idq = q.select('n.id').orderBy('n.id');
    if (window) idq = idq.limit(window.limit).offset(window.offset);
    const ids = (await idq.execute()).map((r) => r.id);
    const views = await this.networkViews(ids);
    return { items: views.map(physicalNetworkResponse), count: Number(n) };
  }

  /** CloudStack answers an unknown uuid in a list filter with an error; a removed one lists nothing. */
  private async requireEverExisted(
    table: 'physical_networks' | 'zones' | 'network_service_providers',
    uuid: string,
    label: string,
  ): Promise<void> {
    const row = await this.db.selectFrom(table).select('id').where('uuid', '=', uuid).executeTakeFirst();
    if (!row) throw notFound('INFRA.NOT_FOUND', `Unable to find ${label} by id ${uuid}`);
  }

  private async networkViews(ids: number[]): Promise<PhysicalNetworkView[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('physical_networks as n')
      .innerJoin('zones as z', 'z.id', 'n.zone_id')
      .leftJoin('domains as d', 'd.id', 'n.domain_id')
      .selectAll('n')
      .select(['z.uuid as zone_uuid', 'z.name as zone_name', 'd.uuid as domain_uuid'])
      .where('n.id', 'in', ids)
      .orderBy('n.id')
      .execute();
  }

  private async networkResponse(id: number): Promise<Record<string, unknown>> {
    const view = (await this.networkViews([id]))[0];
    if (!view) throw notFound('PHYSICAL_NETWORK.NOT_FOUND', 'Unable to find the physical network');
    return physicalNetworkResponse(view);
  }

  // ---- traffic types --------------------------------------------------------------------

  private async planTraffic(db: Db, input: AddTrafficTypeInput) {
    const network = await requirePhysicalNetwork(db, input.physicalnetworkid, 'physicalnetworkid');
    const zone = await db.selectFrom('zones').selectAll().where('id', '=', network.zone_id).executeTakeFirstOrThrow();
    const type = input.traffictype;
    if (type === 'Public' && zone.network_type === 'Basic') {
      throw invalidParameter('TRAFFIC_TYPE.BASIC_PUBLIC', 'Public traffic type is not supported in a Basic zone');
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
      throw conflict('TRAFFIC_TYPE.EXISTS', `This physical network already supports the traffic type: ${type}`);
    }
    const inZone = await trafficTypesInZone(db, zone.id, type);
    if (type !== 'Guest' && inZone.length > 0) {
      throw conflict(
        'TRAFFIC_TYPE.ZONE_HAS_IT',
        `Fail to add the traffic type to physical network because Zone already has a physical network with this traffic type: ${type}`,
      );
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
        throw conflict(
          'TRAFFIC_TYPE.UNTAGGED',
          `There are more than 1 physical network without tags in the zone: ${zone.name}; tag the physical networks that carry Guest traffic`,
        );
      }
    }
    return { network, zone, values: { traffic_type: type, vlan, ...labels } };
  }

  async addTrafficTarget(input: AddTrafficTypeInput): Promise<string> {
    await this.planTraffic(this.db, input);
    return crypto.randomUUID();
  }

  async addTraffic(caller: Caller, input: AddTrafficTypeInput, job?: JobHandle): Promise<Record<string, unknown>> {
    const uuid = await this.reservedUuid(job);
    const { network } = await this.planTraffic(this.db, input);
    const row = await this.db.transaction().execute(async (trx) => {
      await lockZone(trx, this.dialect, network.zone_id);
      const plan = await this.planTraffic(trx, input);
      return trx
        .insertInto('traffic_types')
        .values({ uuid, physical_network_id: network.id, created: nowIso(), ...plan.values })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    await this.services.events.record({
      type: 'TRAFFIC.TYPE.CREATE',
      description: `Added ${row.traffic_type} traffic to physical network ${network.name} (id: ${network.uuid})`,
      resourceType: 'TrafficType',
      resourceId: row.uuid,
      caller,
    });
    return trafficTypeResponse(row, network.uuid);
  }

  async requireTraffic(uuid: string): Promise<TrafficTypeRow & { network_uuid: string; network_name: string }> {
    const row = await this.db
      .selectFrom('traffic_types as t')
      .innerJoin('physical_networks as n', 'n.id', 't.physical_network_id')
      .selectAll('t')
      .select(['n.uuid as network_uuid', 'n.name as network_name'])
      .where('t.uuid', '=', uuid)
      .where('n.removed', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('TRAFFIC_TYPE.NOT_FOUND', `Unable to find traffic type by id ${uuid}`);
    return row;
  }

  async updateTraffic(caller: Caller, input: TrafficLabels & { id: string }): Promise<Record<string, unknown>> {
    const traffic = await this.requireTraffic(input.id);
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
      description: `Updated ${traffic.traffic_type} traffic of physical network ${traffic.network_name}`,
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

  async deleteTraffic(caller: Caller, input: { id: string }): Promise<void> {
    const traffic = await this.requireTraffic(input.id);
    await this.db.deleteFrom('traffic_types').where('id', '=', traffic.id).execute();
    await this.services.events.record({
      type: 'TRAFFIC.TYPE.DELETE',
      description: `Deleted ${traffic.traffic_type} traffic of physical network ${traffic.network_name}`,
      resourceType: 'TrafficType',
      resourceId: traffic.uuid,
      caller,
    });
  }

  async listTraffic(input: PageParams & { physicalnetworkid: string }): Promise<ListResult> {
    const network = await requirePhysicalNetwork(this.db, input.physicalnetworkid, 'physicalnetworkid');
    const q = this.db.selectFrom('traffic_types').where('physical_network_id', '=', network.id);
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const window = pageWindow(input, this.services.config);
    let rq = q.selectAll().orderBy('id');
    if (window) rq = rq.limit(window.limit).offset(window.offset);
    const rows = await rq.execute();
    return { items: rows.map((r) => trafficTypeResponse(r, network.uuid)), count: Number(n) };
  }

  // ---- network service providers and virtual router elements ----------------------------

  async requireProvider(uuid: string, db: Db = this.db): Promise<NetworkServiceProviderRow & { network_uuid: string }> {
    const row = await db
      .selectFrom('network_service_providers as p')
      .innerJoin('physical_networks as n', 'n.id', 'p.physical_network_id')
      .selectAll('p')
      .select('n.uuid as network_uuid')
      .where('p.uuid', '=', uuid)
      .where('p.removed', 'is', null)
      .where('n.removed', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('PROVIDER.NOT_FOUND', `Network Service Provider id=${uuid} doesn't exist in the system`);
    return row;
  }

  /** Checks an updateNetworkServiceProvider; returns the services to store, if any change. */
  private async planProvider(db: Db, input: UpdateProviderInput) {
    const provider = await this.requireProvider(input.id, db);
    if (input.state === 'Shutdown') {
      throw invalidParameter('PROVIDER.SHUTDOWN', "Updating the provider state to 'Shutdown' is not supported");
    }
    let services: string | undefined;
    if (input.servicelist !== undefined) {
      if (!INDIVIDUAL_SERVICE_PROVIDERS.has(provider.name)) {
        throw invalidParameter(
          'PROVIDER.SERVICES',
          `Cannot update set of Services for this Service Provider '${provider.name}'`,
        );
      }
      const offered = DEFAULT_PROVIDERS[provider.name] ?? [];
      const chosen: string[] = [];
      for (const name of input.servicelist) {
        const hit = offered.find((s) => s.toLowerCase() === name.toLowerCase());
        if (!hit) {
          throw invalidParameter(
            'PROVIDER.SERVICES',
            `${provider.name} Provider cannot provide this Service specified=${name}`,
          );
        }
        if (!chosen.includes(hit)) chosen.push(hit);
      }
      services = chosen.join(',');
    }
    if (input.state === 'Enabled' && ELEMENT_TYPES[provider.name]) {
      const element = await db
        .selectFrom('virtual_router_elements')
        .select('enabled')
        .where('provider_id', '=', provider.id)
        .executeTakeFirst();
      if (!element || element.enabled !== 1) {
        throw invalidParameter(
          'PROVIDER.NOT_READY',
          `Provider is not ready, cannot Enable the provider, please configure the provider first (enable its virtual router element with configureVirtualRouterElement)`,
        );
      }
    }
    return { provider, services };
  }

  async updateProviderTarget(input: UpdateProviderInput): Promise<NetworkServiceProviderRow> {
    return (await this.planProvider(this.db, input)).provider;
  }

  async updateProvider(caller: Caller, input: UpdateProviderInput): Promise<Record<string, unknown>> {
    const { provider } = await this.planProvider(this.db, input);
    await this.db.transaction().execute(async (trx) => {
      const plan = await this.planProvider(trx, input);
      const set = {
        ...(input.state !== undefined ? { state: input.state } : {}),
        ...(plan.services !== undefined ? { services: plan.services } : {}),
      };
      if (Object.keys(set).length > 0) {
        await trx.updateTable('network_service_providers').set(set).where('id', '=', provider.id).execute();
      }
    });
    await this.services.events.record({
      type: 'SERVICE.PROVIDER.UPDATE',
      description: `Updated network service provider ${provider.name} (id: ${provider.uuid})${input.state ? `, state ${input.state}` : ''}`,
      resourceType: 'PhysicalNetworkServiceProvider',
      resourceId: provider.uuid,
      caller,
    });
    const fresh = await this.requireProvider(provider.uuid);
    return providerResponse(fresh, fresh.network_uuid, await this.networkUuid(fresh.destination_physical_network_id));
  }

  private async networkUuid(id: number | null): Promise<string | null> {
    if (id === null) return null;
    const row = await this.db.selectFrom('physical_networks').select('uuid').where('id', '=', id).executeTakeFirst();
    return row?.uuid ?? null;
  }

  async listProviders(input: ListProvidersInput): Promise<ListResult> {
    let q = this.db
      .selectFrom('network_service_providers as p')
      .innerJoin('physical_networks as n', 'n.id', 'p.physical_network_id')
      .where('p.removed', 'is', null)
      .where('n.removed', 'is', null);
    if (input.physicalnetworkid !== undefined) {
      await this.requireEverExisted('physical_networks', input.physicalnetworkid, 'physical network');
      q = q.where('n.uuid', '=', input.physicalnetworkid);
    }
    if (input.name !== undefined) q = q.where(equalsIgnoreCase('p.name', input.name));
    if (input.state !== undefined) q = q.where(equalsIgnoreCase('p.state', input.state));
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const window = pageWindow(input, this.services.config);
    let rq = q
      .leftJoin('physical_networks as dst', 'dst.id', 'p.destination_physical_network_id')
      .selectAll('p')
      .select(['n.uuid as network_uuid', 'dst.uuid as destination_uuid'])
      .orderBy('p.id');
    if (window) rq = rq.limit(window.limit).offset(window.offset);
    const rows = await rq.execute();
    return { items: rows.map((r) => providerResponse(r, r.network_uuid, r.destination_uuid)), count: Number(n) };
  }

  private async requireElement(uuid: string): Promise<VirtualRouterElementRow & { provider_uuid: string }> {
    const row = await this.db
      .selectFrom('virtual_router_elements as e')
      .innerJoin('network_service_providers as p', 'p.id', 'e.provider_id')
      .selectAll('e')
      .select('p.uuid as provider_uuid')
      .where('e.uuid', '=', uuid)
      .where('p.removed', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('ELEMENT.NOT_FOUND', `Unable to find virtual router element by id ${uuid}`);
    return row;
  }

  async configureElementTarget(input: { id: string }): Promise<VirtualRouterElementRow> {
    return this.requireElement(input.id);
  }

  async configureElement(caller: Caller, input: { id: string; enabled: boolean }): Promise<Record<string, unknown>> {
    const element = await this.requireElement(input.id);
    await this.db
      .updateTable('virtual_router_elements')
      .set({ enabled: input.enabled ? 1 : 0 })
      .where('id', '=', element.id)
      .execute();
    await this.services.events.record({
      type: 'NETWORK.ELEMENT.CONFIGURE',
      description: `${input.enabled ? 'Enabled' : 'Disabled'} ${element.type} element (id: ${element.uuid})`,
      resourceType: 'VirtualRouterElement',
      resourceId: element.uuid,
      caller,
    });
    const fresh = await this.requireElement(element.uuid);
    return virtualRouterElementResponse(fresh, fresh.provider_uuid);
  }

  async listElements(input: ListElementsInput): Promise<ListResult> {
    let q = this.db
      .selectFrom('virtual_router_elements as e')
      .innerJoin('network_service_providers as p', 'p.id', 'e.provider_id')
      .where('p.removed', 'is', null);
    if (input.id !== undefined) q = q.where('e.uuid', '=', input.id);
    if (input.nspid !== undefined) {
      await this.requireEverExisted('network_service_providers', input.nspid, 'network service provider');
      q = q.where('p.uuid', '=', input.nspid);
    }
    if (input.enabled !== undefined) q = q.where('e.enabled', '=', input.enabled ? 1 : 0);
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const window = pageWindow(input, this.services.config);
    let rq = q.selectAll('e').select('p.uuid as provider_uuid').orderBy('e.id');
    if (window) rq = rq.limit(window.limit).offset(window.offset);
    const rows = await rq.execute();
    return { items: rows.map((r) => virtualRouterElementResponse(r, r.provider_uuid)), count: Number(n) };
  }
}

const cache = new WeakMap<CoreServices, PhysicalNetworkService>();

/** The physical network service over a core's services; built once per core. */
export function physicalNetworks(services: CoreServices): PhysicalNetworkService {
  let s = cache.get(services);
  if (!s) {
    s = new PhysicalNetworkService(services);
    cache.set(services, s);
  }
  return s;
}
