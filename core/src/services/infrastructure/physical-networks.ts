import crypto from 'node:crypto';
import { message, type ServerMessage } from '../../domain/messages';
import type { Kysely } from 'kysely';
import { conflict, inUse, invalidParameter, notFound, permissionDenied } from '../../domain/errors';
import { DEFAULT_PROVIDERS, ISOLATION_METHODS } from '../../domain/infrastructure';
import { checkName } from '../../domain/names';
import { nowIso } from '../../domain/time';
import {
  formatVlanRanges,
  mergeVlanRanges,
  parseVlanRanges,
  vlanRangesOverlap,
  type VlanRange,
} from '../../domain/vlan-ranges';
import { findDomainByUuid } from '../../db/repositories/domains';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import type { Database, PhysicalNetworkRow, ZoneRow } from '../../db/schema';
import type {
  CreatePhysicalNetworkInput,
  DeletePhysicalNetworkInput,
  ListPhysicalNetworksInput,
  PhysicalNetwork,
  UpdatePhysicalNetworkInput,
} from '../../api/schemas/physical-networks';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { keywordPattern } from '../tenancy/shared';
import { requirePhysicalNetwork, requireZone } from './lookups';
import { physicalNetworkResponse, type PhysicalNetworkView } from './zone-responses';

type Db = Kysely<Database>;

/** Progress of an async job, when the command runs as one. */
export interface JobHandle {
  readonly jobId: string;
  report(percent: number, text?: string): Promise<void>;
}

/** Providers a new physical network gets, in CloudStack's order; SecurityGroupProvider where security groups apply. */
function defaultProviders(zone: ZoneRow): string[] {
  const sg = zone.network_type === 'Basic' || zone.security_group_enabled === 1;
  return ['VirtualRouter', ...(sg ? ['SecurityGroupProvider'] : []), 'VpcVirtualRouter', 'InternalLbVm', 'ConfigDrive'];
}

/** Virtual router element types by provider (CloudStack's VirtualRouterProvider.Type). */
export const ELEMENT_TYPES: Readonly<Record<string, string>> = {
  VirtualRouter: 'VirtualRouter',
  VpcVirtualRouter: 'VPCVirtualRouter',
};

export function canonicalIsolationMethod(text: string): string {
  const hit = ISOLATION_METHODS.find((m) => m.toLowerCase() === text.trim().toLowerCase());
  if (!hit) {
    throw invalidParameter(
      'PHYSICAL_NETWORK.BAD_ISOLATION',
      message('error.physicalNetwork.badIsolation', { method: text, methods: ISOLATION_METHODS.join(', ') }),
    );
  }
  return hit;
}

function parseRanges(text: string): VlanRange[] {
  const parsed = parseVlanRanges(text);
  if (!parsed.ok) throw invalidParameter('PHYSICAL_NETWORK.BAD_VLAN', parsed.error);
  return mergeVlanRanges(parsed.ranges);
}

/** Locks a zone's row for the rest of the transaction (PostgreSQL) and reads it. */
export async function lockZoneRow(db: Db, dialect: string, zoneId: number): Promise<ZoneRow | undefined> {
  let q = db.selectFrom('zones').selectAll().where('id', '=', zoneId);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The uuid chosen for the resource when the job was queued (returned as `id` with the jobid). */
export async function reservedUuid(db: Db, job: JobHandle | undefined): Promise<string> {
  if (!job) return crypto.randomUUID();
  const row = await db.selectFrom('async_jobs').select('instance_id').where('uuid', '=', job.jobId).executeTakeFirst();
  return row?.instance_id ?? crypto.randomUUID();
}

/** CloudStack answers an unknown uuid in a list filter with an error; a removed one lists nothing. */
export async function requireEverExisted(
  db: Db,
  table: 'physical_networks' | 'zones' | 'network_service_providers',
  uuid: string,
  label: string,
): Promise<void> {
  const row = await db.selectFrom(table).select('id').where('uuid', '=', uuid).executeTakeFirst();
  if (!row) throw notFound('INFRA.NOT_FOUND', message('error.notFound', { resource: label, id: uuid }));
}

/** The checks of createPhysicalNetwork's fields that need no database; basic is the zone's network type. */
function checkCreateFields(input: CreatePhysicalNetworkInput, basic: boolean) {
  if (input.tags && input.tags.length > 1) {
    throw invalidParameter('PHYSICAL_NETWORK.TAGS', message('error.physicalNetwork.oneTag', {}));
  }
  if (input.isolationmethods && input.isolationmethods.length > 1) {
    throw invalidParameter('PHYSICAL_NETWORK.ISOLATION', message('error.physicalNetwork.oneIsolationMethod', {}));
  }
  const isolation = input.isolationmethods?.map(canonicalIsolationMethod) ?? [];
  if (input.vlan !== undefined && basic) {
    throw invalidParameter('PHYSICAL_NETWORK.BASIC_VLAN', message('error.physicalNetwork.basicZoneVlan', {}));
  }
  const ranges = input.vlan === undefined ? undefined : parseRanges(input.vlan);
  if (input.broadcastdomainrange === 'ZONE' && basic) {
    throw invalidParameter('PHYSICAL_NETWORK.BROADCAST', message('error.physicalNetwork.basicBroadcast', {}));
  }
  if (input.broadcastdomainrange === 'POD' && !basic) {
    throw invalidParameter('PHYSICAL_NETWORK.BROADCAST', message('error.physicalNetwork.advancedBroadcast', {}));
  }
  return { isolation, ranges };
}

/** Adds the default network service providers (and their virtual router elements) to a new physical network. */
async function insertDefaultProviders(trx: Db, networkId: number, providers: string[], created: string) {
  for (const name of providers) {
    const provider = await trx
      .insertInto('network_service_providers')
      .values({
        uuid: crypto.randomUUID(),
        physical_network_id: networkId,
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
}

const networkNotFound = (uuid: string) =>
  notFound('PHYSICAL_NETWORK.NOT_FOUND', message('error.notFound', { resource: 'physical network', id: uuid }));

/**
 * Physical networks (CloudStack's NetworkService physical network operations). A new physical
 * network gets the default network service providers; deleting one removes its traffic types,
 * providers and virtual router elements. Traffic types are in traffic-types.ts, providers and
 * elements in network-providers.ts.
 */
export class PhysicalNetworkService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  private get dialect() {
    return this.services.store.dialect;
  }

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
          message('error.physicalNetwork.vlanOverlap', {
            vlan: formatVlanRanges(ranges),
            otherVlan: String(other.vlan),
            network: other.name,
            zone: zone.name,
          }),
        );
      }
    }
  }

  /** A named physical network may be added to the zone: it is disabled, and a basic zone has none yet. */
  private async checkZoneTakesNetwork(db: Db, zone: ZoneRow, name: string): Promise<void> {
    if (name.trim().length === 0) {
      throw invalidParameter('PHYSICAL_NETWORK.EMPTY_NAME', message('error.physicalNetwork.emptyName', {}));
    }
    if (zone.allocation_state === 'Enabled') {
      // CloudStack's PermissionDeniedException: a zone's networks are set up while it is disabled.
      throw permissionDenied(
        'PHYSICAL_NETWORK.ZONE_ENABLED',
        message('error.physicalNetwork.zoneEnabled', { zone: zone.name }),
      );
    }
    if (zone.network_type !== 'Basic') return;
    const existing = await db
      .selectFrom('physical_networks')
      .select('id')
      .where('zone_id', '=', zone.id)
      .where('removed', 'is', null)
      .executeTakeFirst();
    if (existing) {
      throw conflict(
        'PHYSICAL_NETWORK.BASIC_ZONE',
        message('error.physicalNetwork.basicZoneTaken', { zone: zone.name }),
      );
    }
  }

  /** Every check of createPhysicalNetwork; run before the job is queued and again inside its transaction. */
  private async planCreate(db: Db, input: CreatePhysicalNetworkInput, zoneRow?: ZoneRow) {
    const name = checkName(input.name, 'Physical network name');
    const zone = zoneRow ?? (await requireZone(db, input.zoneid, 'zoneid'));
    await this.checkZoneTakesNetwork(db, zone, name);
    const basic = zone.network_type === 'Basic';
    const { isolation, ranges } = checkCreateFields(input, basic);
    let domainId: number | null = null;
    if (input.domainid !== undefined) {
      const domain = await findDomainByUuid(db, input.domainid);
      if (!domain)
        throw notFound('DOMAIN.NOT_FOUND', message('error.notFound', { resource: 'domain', id: input.domainid }));
      domainId = domain.id;
    }
    const sameName = await db
      .selectFrom('physical_networks')
      .select('id')
      .where('zone_id', '=', zone.id)
      .where('removed', 'is', null)
      .where(equalsIgnoreCase('name', name))
      .executeTakeFirst();
    if (sameName) {
      throw conflict(
        'PHYSICAL_NETWORK.NAME_TAKEN',
        message('error.physicalNetwork.nameTaken', { name, zone: zone.name }),
      );
    }
    if (ranges) await this.checkZoneVlans(db, zone, ranges);
    return {
      zone,
      name,
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

  async create(caller: Caller, input: CreatePhysicalNetworkInput, job?: JobHandle): Promise<PhysicalNetwork> {
    const uuid = await reservedUuid(this.db, job);
    const zone = await requireZone(this.db, input.zoneid, 'zoneid');
    const providers = defaultProviders(zone);
    const created = nowIso();
    const network = await this.db.transaction().execute(async (trx) => {
      const fresh = await lockZoneRow(trx, this.dialect, zone.id);
      if (!fresh || fresh.removed)
        throw notFound('ZONE.NOT_FOUND', message('error.zone.notFoundByZoneId', { id: zone.uuid }));
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
      await insertDefaultProviders(trx, row.id, providers, created);
      return row;
    });
    await job?.report(90, `Added network service providers ${providers.join(', ')}`);
    await this.services.events.record({
      type: 'PHYSICAL.NETWORK.CREATE',
      message: message('event.physicalNetwork.created', { name: network.name, id: network.uuid, zone: zone.name }),
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
      throw invalidParameter('PHYSICAL_NETWORK.BASIC_VLAN', message('error.physicalNetwork.basicZoneVlan', {}));
    }
    if (input.tags && input.tags.length > 1) {
      throw invalidParameter('PHYSICAL_NETWORK.TAGS', message('error.physicalNetwork.moreThanOneTag', {}));
    }
    const ranges = input.vlan === undefined ? undefined : parseRanges(input.vlan);
    if (ranges) await this.checkZoneVlans(db, zone, ranges, network.id);
    return { network, zone, vlan: ranges ? formatVlanRanges(ranges) : undefined };
  }

  /** Checks an updatePhysicalNetwork before its job is queued. */
  async updateTarget(input: UpdatePhysicalNetworkInput): Promise<PhysicalNetworkRow> {
    return (await this.planUpdate(this.db, input)).network;
  }

  async update(caller: Caller, input: UpdatePhysicalNetworkInput, job?: JobHandle): Promise<PhysicalNetwork> {
    const { network } = await this.planUpdate(this.db, input);
    await job?.report(30, 'Validated the update');
    await this.db.transaction().execute(async (trx) => {
      await lockZoneRow(trx, this.dialect, network.zone_id);
      const plan = await this.planUpdate(trx, input);
      const changes = {
        ...(input.state !== undefined ? { state: input.state } : {}),
        ...(plan.vlan !== undefined ? { vlan: plan.vlan } : {}),
        ...(input.networkspeed !== undefined ? { speed: input.networkspeed } : {}),
        ...(input.tags !== undefined ? { tags: input.tags[0] ?? null } : {}),
      };
      // Nothing to change answers the network as it is, as CloudStack does.
      if (Object.keys(changes).length > 0) {
        await trx.updateTable('physical_networks').set(changes).where('id', '=', network.id).execute();
      }
    });
    await this.services.events.record({
      type: 'PHYSICAL.NETWORK.UPDATE',
      message: input.state
        ? message('event.physicalNetwork.stateChanged', { name: network.name, id: network.uuid, state: input.state })
        : message('event.physicalNetwork.updated', { name: network.name, id: network.uuid }),
      resourceType: 'PhysicalNetwork',
      resourceId: network.uuid,
      caller,
    });
    return this.networkResponse(network.id);
  }

  private async deleteBlocker(db: Db, networkId: number): Promise<ServerMessage | undefined> {
    const range = await db
      .selectFrom('vlan_ip_ranges')
      .select('id')
      .where('physical_network_id', '=', networkId)
      .where('removed', 'is', null)
      .limit(1)
      .executeTakeFirst();
    return range ? message('error.physicalNetwork.hasIpRanges', {}) : undefined;
  }

  /** Checks a deletePhysicalNetwork before its job is queued. */
  async deleteTarget(input: DeletePhysicalNetworkInput): Promise<PhysicalNetworkRow> {
    const network = await requirePhysicalNetwork(this.db, input.id);
    const blocker = await this.deleteBlocker(this.db, network.id);
    if (blocker) throw inUse('PHYSICAL_NETWORK.IN_USE', blocker);
    return network;
  }

  /** Removes a physical network with its traffic types, providers and virtual router elements. */
  async delete(caller: Caller, input: DeletePhysicalNetworkInput, job?: JobHandle): Promise<void> {
    const network = await this.deleteTarget(input);
    await this.db.transaction().execute(async (trx) => {
      await lockZoneRow(trx, this.dialect, network.zone_id);
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
      message: message('event.physicalNetwork.deleted', { name: network.name, id: network.uuid }),
      resourceType: 'PhysicalNetwork',
      resourceId: network.uuid,
      caller,
    });
  }

  async list(input: ListPhysicalNetworksInput): Promise<{ items: PhysicalNetwork[]; count: number }> {
    if (input.id !== undefined) await requireEverExisted(this.db, 'physical_networks', input.id, 'physical network');
    let q = this.db
      .selectFrom('physical_networks as n')
      .innerJoin('zones as z', 'z.id', 'n.zone_id')
      .where('n.removed', 'is', null);
    if (input.zoneid !== undefined) {
      await requireEverExisted(this.db, 'zones', input.zoneid, 'zone');
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

  private async networkResponse(id: number): Promise<PhysicalNetwork> {
    const view = (await this.networkViews([id]))[0];
    if (!view) throw notFound('PHYSICAL_NETWORK.NOT_FOUND', message('error.physicalNetwork.notFound', {}));
    return physicalNetworkResponse(view);
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
