import crypto from 'node:crypto';
import { message } from '../../domain/messages';
import net from 'node:net';
import { sql, type Kysely } from 'kysely';
import { inUse, invalidParameter, notFound } from '../../domain/errors';
import { allocationEventType } from '../../domain/event-types';
import { cidrOf, isIpv4, parseCidr, type Cidr } from '../../contract/ipv4';
import { allocationChange, INITIAL_ALLOCATION_STATE } from '../../domain/state-machines/allocation-state';
import { checkName } from '../../domain/names';
import { nowIso } from '../../domain/time';
import { findDomainByUuid } from '../../db/repositories/domains';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import { inPageOrder, orderedBy } from '../../db/list-page';
import type { Database, ZoneRow } from '../../db/schema';
import { seesAllDomains, type Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { listOrder, pageWindow } from '../paging';

/** The zones column behind each listZones sort key. */
const ZONE_SORT_COLUMNS: Record<(typeof ZONE_SORT_KEYS)[number], string> = {
  name: 'z.name',
  networktype: 'z.network_type',
  allocationstate: 'z.allocation_state',
  created: 'z.created',
};

import { keywordPattern, validateNetworkDomain } from '../tenancy/shared';
import { requireZone } from './lookups';
import type {
  CreateZoneInput,
  DeleteZoneInput,
  ListZonesInput,
  UpdateZoneInput,
  Zone,
  ZONE_SORT_KEYS,
} from '../../api/schemas/zones';
import { trafficTypesInZone } from './traffic-types';
import { zoneResponse, type ZoneView } from './zone-responses';

type Db = Kysely<Database>;

/** RFC 1918 blocks; CloudStack's NetUtils.validateGuestCidr accepts a guest CIDR only inside one of them. */
const PRIVATE_BLOCKS: readonly Cidr[] = [cidrOf(0x0a000000, 8), cidrOf(0xac100000, 12), cidrOf(0xc0a80000, 16)];

function checkIpv4(value: string | undefined, label: string): void {
  if (value !== undefined && !isIpv4(value)) {
    throw invalidParameter('ZONE.BAD_DNS', message('error.zone.badIpAddress', { field: label }));
  }
}

function checkIpv6(value: string | undefined, label: string): void {
  if (value !== undefined && !net.isIPv6(value)) {
    throw invalidParameter('ZONE.BAD_DNS', message('error.zone.badIpSixAddress', { field: label }));
  }
}

/** A guest CIDR as CloudStack accepts it: a valid IPv4 CIDR inside the RFC 1918 private blocks. */
export function checkGuestCidr(text: string): string {
  const cidr = parseCidr(text);
  const ok =
    cidr !== undefined &&
    cidr.prefix >= 1 &&
    PRIVATE_BLOCKS.some((b) => cidr.first >= b.first && cidr.last <= b.last && cidr.prefix >= b.prefix);
  if (!ok) {
    throw invalidParameter('ZONE.BAD_GUEST_CIDR', message('error.zone.badGuestCidr', { cidr: text }));
  }
  return text;
}

/** The columns an updateZone changes: only those it was given a value for. */
function zoneChanges(input: UpdateZoneInput, name: string | undefined, fresh: ZoneRow) {
  return {
    ...(name !== undefined ? { name } : {}),
    ...(input.dns1 !== undefined ? { dns1: input.dns1 } : {}),
    ...(input.dns2 !== undefined ? { dns2: input.dns2 } : {}),
    ...(input.ip6dns1 !== undefined ? { ip6_dns1: input.ip6dns1 } : {}),
    ...(input.ip6dns2 !== undefined ? { ip6_dns2: input.ip6dns2 } : {}),
    ...(input.internaldns1 !== undefined ? { internal_dns1: input.internaldns1 } : {}),
    ...(input.internaldns2 !== undefined ? { internal_dns2: input.internaldns2 } : {}),
    ...(input.guestcidraddress !== undefined ? { guest_cidr: input.guestcidraddress } : {}),
    ...(input.domain !== undefined ? { network_domain: input.domain } : {}),
    ...(input.localstorageenabled !== undefined ? { local_storage_enabled: input.localstorageenabled ? 1 : 0 } : {}),
    ...(input.allocationstate !== undefined
      ? {
          allocation_state: allocationChange(fresh.allocation_state, input.allocationstate, {
            kind: 'Zone',
            name: fresh.name,
          }),
        }
      : {}),
    // ispublic=true releases a dedicated zone; a public zone is not dedicated this way.
    ...(input.ispublic === true ? { domain_id: null } : {}),
  };
}

/** The addresses and domain a createZone or updateZone may set. */
type ZoneAddresses = Pick<
  UpdateZoneInput,
  'dns1' | 'dns2' | 'internaldns1' | 'internaldns2' | 'ip6dns1' | 'ip6dns2' | 'guestcidraddress' | 'domain'
>;

function checkAddresses(input: ZoneAddresses): void {
  checkIpv4(input.dns1, 'DNS1');
  checkIpv4(input.dns2, 'DNS2');
  checkIpv4(input.internaldns1, 'internal DNS1');
  checkIpv4(input.internaldns2, 'internal DNS2');
  checkIpv6(input.ip6dns1, 'IP6 DNS1');
  checkIpv6(input.ip6dns2, 'IP6 DNS2');
  if (input.guestcidraddress !== undefined) checkGuestCidr(input.guestcidraddress);
  if (input.domain !== undefined) validateNetworkDomain(input.domain);
}

/** Serializes name checks across servers on PostgreSQL; SQLite runs one write transaction at a time. */
async function lockKey(db: Db, dialect: string, key: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
}

async function lockZoneRow(db: Db, dialect: string, zoneId: number): Promise<ZoneRow | undefined> {
  let q = db.selectFrom('zones').selectAll().where('id', '=', zoneId);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

async function zoneNameTaken(db: Db, name: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('zones').select('id').where('removed', 'is', null).where(equalsIgnoreCase('name', name));
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

const NAME_TAKEN = message('error.zone.nameTaken', {});

/** What keeps a zone from being deleted, checked in this order (CloudStack's checkIfZoneIsDeletable). */
const DELETE_BLOCKERS = [
  { table: 'hosts', text: 'error.zone.hasHosts' },
  { table: 'pods', text: 'error.zone.hasPods' },
  { table: 'vlan_ip_ranges', text: 'error.zone.hasIpRanges' },
  { table: 'physical_networks', text: 'error.zone.hasPhysicalNetworks' },
  { table: 'storage_pools', text: 'error.zone.hasStoragePools' },
  { table: 'image_stores', text: 'error.zone.hasImageStores' },
] as const;

/** Zones (CloudStack's data centers): create, update, delete, and the caller-scoped list. */
export class ZoneService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  private get dialect() {
    return this.services.store.dialect;
  }

  async create(caller: Caller, input: CreateZoneInput): Promise<Zone> {
    const name = checkName(input.name, 'Zone name');
    const basic = input.networktype === 'Basic';
    if (basic && input.guestcidraddress !== undefined) {
      throw invalidParameter('ZONE.GUEST_CIDR_BASIC', message('error.zone.guestCidrInBasicZone', {}));
    }
    checkAddresses(input);
    let domainId: number | null = null;
    if (input.domainid !== undefined) {
      const domain = await findDomainByUuid(this.db, input.domainid);
      if (!domain) throw invalidParameter('ZONE.BAD_DOMAIN', message('error.zone.badDomain', {}));
      domainId = domain.id;
    }
    const uuid = crypto.randomUUID();
    await this.db.transaction().execute(async (trx) => {
      await lockKey(trx, this.dialect, 'zones.name');
      if (await zoneNameTaken(trx, name)) throw invalidParameter('ZONE.NAME_TAKEN', NAME_TAKEN);
      await trx
        .insertInto('zones')
        .values({
          uuid,
          name,
          description: null,
          network_type: input.networktype,
          dns1: input.dns1,
          dns2: input.dns2 ?? null,
          ip6_dns1: input.ip6dns1 ?? null,
          ip6_dns2: input.ip6dns2 ?? null,
          internal_dns1: input.internaldns1,
          internal_dns2: input.internaldns2 ?? null,
          guest_cidr: input.guestcidraddress ?? null,
          network_domain: input.domain ?? null,
          domain_id: domainId,
          // A basic zone always isolates guests with security groups.
          security_group_enabled: basic || input.securitygroupenabled === true ? 1 : 0,
          local_storage_enabled: input.localstorageenabled === true ? 1 : 0,
          // New zones stay Disabled until the admin has set up networks and enables them.
          allocation_state: input.allocationstate ?? INITIAL_ALLOCATION_STATE.Zone,
          created: nowIso(),
          removed: null,
        })
        .execute();
    });
    await this.services.events.record({
      type: 'ZONE.CREATE',
      message: message('event.zone.created', { name, id: uuid }),
      resourceType: 'Zone',
      resourceId: uuid,
      caller,
    });
    return this.response(uuid, true);
  }

  async update(caller: Caller, input: UpdateZoneInput): Promise<Zone> {
    const name = input.name === undefined ? undefined : checkName(input.name, 'Zone name');
    checkAddresses(input);
    const zone = await requireZone(this.db, input.id);
    if (zone.network_type === 'Basic' && input.guestcidraddress !== undefined) {
      throw invalidParameter('ZONE.GUEST_CIDR_BASIC', message('error.zone.guestCidrInBasicZone', {}));
    }
    const enabling = input.allocationstate === 'Enabled';
    const addedStorage = await this.db.transaction().execute(async (trx) => {
      const fresh = await lockZoneRow(trx, this.dialect, zone.id);
      if (!fresh || fresh.removed)
        throw notFound('ZONE.NOT_FOUND', message('error.notFound', { resource: 'zone', id: zone.uuid }));
      if (name !== undefined && name !== fresh.name) {
        await lockKey(trx, this.dialect, 'zones.name');
        if (await zoneNameTaken(trx, name, fresh.id)) throw invalidParameter('ZONE.NAME_TAKEN', NAME_TAKEN);
      }
      const storageTraffic = enabling ? await this.checkEnable(trx, fresh) : undefined;
      const changes = zoneChanges(input, name, fresh);
      // Nothing to change (only the id, or empty values) answers the zone as it is, as CloudStack does.
      if (Object.keys(changes).length > 0) {
        await trx.updateTable('zones').set(changes).where('id', '=', fresh.id).execute();
      }
      if (storageTraffic) await trx.insertInto('traffic_types').values(storageTraffic).execute();
      return storageTraffic;
    });
    const shownName = name ?? zone.name;
    const allocation = input.allocationstate;
    await this.services.events.record({
      type: allocation === undefined ? 'ZONE.EDIT' : allocationEventType('ZONE', allocation === 'Enabled'),
      message: message(
        allocation === undefined
          ? 'event.zone.updated'
          : allocation === 'Enabled'
            ? 'event.zone.enabled'
            : 'event.zone.disabled',
        { name: shownName, id: zone.uuid },
      ),
      resourceType: 'Zone',
      resourceId: zone.uuid,
      caller,
    });
    if (addedStorage) {
      await this.services.events.record({
        type: 'TRAFFIC.TYPE.CREATE',
        message: message('event.zone.storageTrafficAdded', { name: shownName }),
        resourceType: 'TrafficType',
        resourceId: addedStorage.uuid,
        caller,
      });
    }
    return this.response(zone.uuid, true);
  }

  /**
   * CloudStack's checks before a zone is enabled: a physical network carries Management traffic,
   * and Public traffic too in an advanced zone without security groups. Without Storage traffic,
   * it goes with the management traffic: returns that row to insert.
   */
  private async checkEnable(trx: Db, zone: ZoneRow) {
    const missing = (trafficType: string) =>
      invalidParameter('ZONE.CANNOT_ENABLE', message('error.zone.cannotEnable', { trafficType, id: zone.uuid }));
    const management = (await trafficTypesInZone(trx, zone.id, 'Management'))[0];
    if (!management) throw missing('Management');
    if (zone.network_type === 'Advanced' && zone.security_group_enabled !== 1) {
      if ((await trafficTypesInZone(trx, zone.id, 'Public')).length === 0) throw missing('Public');
    }
    if ((await trafficTypesInZone(trx, zone.id, 'Storage')).length > 0) return undefined;
    return {
      uuid: crypto.randomUUID(),
      physical_network_id: management.physical_network_id,
      traffic_type: 'Storage',
      kvm_label: management.kvm_label,
      vmware_label: management.vmware_label,
      xen_label: management.xen_label,
      hyperv_label: management.hyperv_label,
      ovm3_label: management.ovm3_label,
      vlan: management.vlan,
      created: nowIso(),
    };
  }

  /** The first thing that keeps the zone from being deleted, or undefined. */
  private async deleteBlocker(db: Db, zoneId: number): Promise<(typeof DELETE_BLOCKERS)[number]['text'] | undefined> {
    for (const { table, text } of DELETE_BLOCKERS) {
      const row = await db
        .selectFrom(table)
        .select('id')
        .where('zone_id', '=', zoneId)
        .where('removed', 'is', null)
        .limit(1)
        .executeTakeFirst();
      if (row) return text;
    }
    return undefined;
  }

  async delete(caller: Caller, input: DeleteZoneInput): Promise<void> {
    const zone = await requireZone(this.db, input.id);
    const refuse = (key: (typeof DELETE_BLOCKERS)[number]['text']) => inUse('ZONE.NOT_EMPTY', message(key, {}));
    const blocker = await this.deleteBlocker(this.db, zone.id);
    if (blocker) throw refuse(blocker);
    await this.db.transaction().execute(async (trx) => {
      const fresh = await lockZoneRow(trx, this.dialect, zone.id);
      if (!fresh || fresh.removed)
        throw notFound('ZONE.NOT_FOUND', message('error.notFound', { resource: 'zone', id: zone.uuid }));
      const late = await this.deleteBlocker(trx, zone.id);
      if (late) throw refuse(late);
      await trx.updateTable('zones').set({ removed: nowIso() }).where('id', '=', zone.id).execute();
    });
    await this.services.events.record({
      type: 'ZONE.DELETE',
      message: message('event.zone.deleted', { name: zone.name, id: zone.uuid }),
      resourceType: 'Zone',
      resourceId: zone.uuid,
      caller,
    });
  }

  /**
   * CloudStack's listZones: root and resource admins see every zone; everyone else only Enabled
   * zones that are public or dedicated to their domain or one above it (a domain admin also those
   * dedicated below its domain).
   */
  async list(caller: Caller, input: ListZonesInput): Promise<{ items: Zone[]; count: number }> {
    const full = seesAllDomains(caller);
    if (input.id !== undefined) {
      const any = await this.db.selectFrom('zones').select('id').where('uuid', '=', input.id).executeTakeFirst();
      if (!any) throw notFound('ZONE.NOT_FOUND', message('error.notFound', { resource: 'zone', id: input.id }));
    }
    let dedicatedTo: number | undefined;
    if (input.domainid !== undefined) {
      const domain = await findDomainByUuid(this.db, input.domainid);
      if (!domain)
        throw notFound('DOMAIN.NOT_FOUND', message('error.notFound', { resource: 'domain', id: input.domainid }));
      dedicatedTo = domain.id;
    }
    const keyword = keywordPattern(input.keyword);
    const ancestors = caller.domainIdPath
      .split('/')
      .filter((s) => s.length > 0)
      .map(Number);
    let q = this.db.selectFrom('zones as z').where('z.removed', 'is', null);
    if (input.id !== undefined) q = q.where('z.uuid', '=', input.id);
    if (input.name !== undefined) q = q.where(equalsIgnoreCase('z.name', input.name));
    if (input.networktype !== undefined) q = q.where('z.network_type', '=', input.networktype);
    if (dedicatedTo !== undefined) q = q.where('z.domain_id', '=', dedicatedTo);
    if (keyword !== undefined) q = q.where((eb) => eb.or([ilike('z.name', keyword), ilike('z.description', keyword)]));
    if (!full) {
      q = q
        .where('z.allocation_state', '=', 'Enabled')
        .where((eb) =>
          eb.or([
            eb('z.domain_id', 'is', null),
            ...(ancestors.length > 0 ? [eb('z.domain_id', 'in', ancestors)] : []),
            ...(caller.roleType === 'DomainAdmin'
              ? [
                  eb(
                    'z.domain_id',
                    'in',
                    eb.selectFrom('domains').select('id').where('id_path', 'like', `${caller.domainIdPath}%`),
                  ),
                ]
              : []),
          ]),
        );
    }
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const count = Number(n);
    const window = pageWindow(input, this.services.config);
    const order = listOrder(input, ZONE_SORT_COLUMNS, { id: 'z.id', direction: 'asc' });
    let idq = orderedBy(q.select('z.id'), order);
    if (window) idq = idq.limit(window.limit).offset(window.offset);
    const ids = (await idq.execute()).map((r) => r.id);
    if (ids.length === 0) return { items: [], count };
    const rows = inPageOrder(await this.views(this.db, ids), ids);
    return { items: rows.map((r) => zoneResponse(r, full)), count };
  }

  private async views(db: Db, ids: number[]): Promise<ZoneView[]> {
    return db
      .selectFrom('zones as z')
      .leftJoin('domains as d', 'd.id', 'z.domain_id')
      .selectAll('z')
      .select(['d.uuid as domain_uuid', 'd.name as domain_name'])
      .where('z.id', 'in', ids)
      .orderBy('z.id')
      .execute();
  }

  private async response(uuid: string, full: boolean): Promise<Zone> {
    const row = await this.db.selectFrom('zones').select('id').where('uuid', '=', uuid).executeTakeFirst();
    const view = row ? (await this.views(this.db, [row.id]))[0] : undefined;
    if (!view) throw notFound('ZONE.NOT_FOUND', message('error.notFound', { resource: 'zone', id: uuid }));
    return zoneResponse(view, full);
  }
}

const cache = new WeakMap<CoreServices, ZoneService>();

/** The zone service over a core's services; built once per core. */
export function zones(services: CoreServices): ZoneService {
  let s = cache.get(services);
  if (!s) {
    s = new ZoneService(services);
    cache.set(services, s);
  }
  return s;
}
