import crypto from 'node:crypto';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { invalidParameter, notFound } from '../../domain/errors';
import { message } from '../../domain/messages';
import {
  CHOOSABLE_CAPABILITIES,
  NETWORK_SERVICES,
  type Availability,
  type GuestIpType,
  type NetworkOfferingState,
} from '../../domain/network-offerings';
import { ALL_ZONES, cleanTags, PUBLIC_DOMAINS } from '../../domain/offerings';
import { nowIso, toCloudStackDate } from '../../domain/time';
import { inPageOrder, pageOfIds } from '../../db/list-page';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import type { Database, NetworkOfferingRow } from '../../db/schema';
import { compact } from '../../api/schemas/fields';
import type {
  CreateNetworkOfferingInput,
  ListNetworkOfferingsInput,
  NetworkOffering,
  UpdateNetworkOfferingInput,
} from '../../api/schemas/network-offerings';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { keywordPattern } from '../tenancy/shared';
import { lockOffering, recordOfferingEvent } from './changes';
import { BY_SORT_KEY, scopeCondition, visibilityOf, type OfferingEb } from './lists';
import { flagsOf, serviceNamed, servicesOf } from './network-rules';
import { displayTextOf } from './rules';
import {
  requireOffering,
  resolveDomains,
  resolveZones,
  sameIds,
  scopeFields,
  scopeOf,
  scopesOf,
  updatedList,
  withoutSubdomains,
  writeScope,
  type OfferingScope,
} from './scope';

type Db = CoreServices['store']['db'];
type NetworkEb = ExpressionBuilder<Database, 'network_offerings'>;

const bad = (code: string, m: ReturnType<typeof message>) => invalidParameter(`NETWORK_OFFERING.${code}`, m);

/** A service of an offering and its provider, as the services table keeps them. */
export interface OfferingServiceRow {
  service: string;
  provider: string;
}

/** The services of offerings, by offering id, in CloudStack's order of services. */
async function servicesOfOfferings(db: Db, ids: readonly number[]): Promise<Map<number, OfferingServiceRow[]>> {
  const byOffering = new Map<number, OfferingServiceRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byOffering;
  const rows = await db
    .selectFrom('network_offering_services')
    .select(['offering_id', 'service', 'provider'])
    .where('offering_id', 'in', [...ids])
    .execute();
  const rank = (s: string) => NETWORK_SERVICES.indexOf(s as (typeof NETWORK_SERVICES)[number]);
  for (const r of rows) byOffering.get(r.offering_id)?.push({ service: r.service, provider: r.provider });
  for (const list of byOffering.values()) list.sort((a, b) => rank(a.service) - rank(b.service));
  return byOffering;
}

/** The capability an offering chose for a service, as CloudStack's CapabilityResponse reports it. */
function capabilityOf(row: NetworkOfferingRow, service: string) {
  const chosen =
    service === 'SourceNat'
      ? { rule: CHOOSABLE_CAPABILITIES.SourceNat, value: row.source_nat_type }
      : service === 'Lb'
        ? { rule: CHOOSABLE_CAPABILITIES.Lb, value: row.lb_isolation }
        : undefined;
  if (!chosen || chosen.value === null) return undefined;
  return [{ name: chosen.rule.name, value: chosen.value, canchooseservicecapability: true }];
}

/**
 * CloudStack's NetworkOfferingResponse of a row, its services and where it is offered; an offering
 * without a network rate reports the default one (network.throttling.rate), as CloudStack does.
 */
export function networkOfferingResponse(
  row: NetworkOfferingRow,
  services: readonly OfferingServiceRow[],
  scope: OfferingScope,
  defaultRate: number,
): NetworkOffering {
  return compact({
    id: row.uuid,
    name: row.name,
    displaytext: row.display_text,
    tags: row.tags,
    created: toCloudStackDate(row.created),
    traffictype: row.traffic_type,
    isdefault: row.is_default === 1,
    specifyvlan: row.specify_vlan === 1,
    conservemode: row.conserve_mode === 1,
    specifyipranges: row.specify_ip_ranges === 1,
    availability: row.availability as Availability,
    networkrate: row.network_rate ?? defaultRate,
    state: row.state as NetworkOfferingState,
    guestiptype: row.guest_ip_type as GuestIpType,
    service: services.map((s) =>
      compact({ name: s.service, provider: [{ name: s.provider }], capability: capabilityOf(row, s.service) }),
    ),
    forvpc: row.for_vpc === 1,
    ispersistent: row.is_persistent === 1,
    egressdefaultpolicy: row.egress_default_policy === 1,
    ...scopeFields(scope),
  });
}

/** CloudStack allows one offering with availability Required: the live one other than this, if any. */
async function otherRequired(db: Db, exceptId?: number) {
  let q = db
    .selectFrom('network_offerings')
    .select(['id', 'uuid', 'name'])
    .where('availability', '=', 'Required')
    .where('removed', 'is', null);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/**
 * Inside the caller's transaction: refuses a second Required offering. On PostgreSQL the check
 * holds a transaction lock first, so two servers cannot each find none and both add one (SQLite
 * runs one write transaction at a time).
 */
async function checkRequiredFree(db: Db, dialect: string, exceptId?: number): Promise<void> {
  if (dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(hashtext('network_offerings.required'))`.execute(db);
  const taken = await otherRequired(db, exceptId);
  if (taken)
    throw bad('REQUIRED_TAKEN', message('error.networkOffering.requiredTaken', { name: taken.name, id: taken.uuid }));
}

/** The conditions of listNetworkOfferings' filters other than where an offering is offered. */
function fieldConditions(eb: NetworkEb, input: ListNetworkOfferingsInput): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [eb('removed', 'is', null)];
  const flag = (column: 'is_default' | 'specify_vlan' | 'specify_ip_ranges' | 'for_vpc', value?: boolean) => {
    if (value !== undefined) conditions.push(eb(column, '=', value ? 1 : 0));
  };
  if (input.id) conditions.push(eb('uuid', '=', input.id));
  if (input.name) conditions.push(equalsIgnoreCase('name', input.name));
  if (input.displaytext) conditions.push(equalsIgnoreCase('display_text', input.displaytext));
  const pattern = keywordPattern(input.keyword);
  if (pattern) conditions.push(eb.or([ilike('name', pattern), ilike('display_text', pattern)]));
  if (input.traffictype) conditions.push(eb('traffic_type', '=', input.traffictype));
  if (input.guestiptype) conditions.push(eb('guest_ip_type', '=', input.guestiptype));
  if (input.state) conditions.push(eb('state', '=', input.state));
  if (input.availability) conditions.push(eb('availability', '=', input.availability));
  if (input.tags) conditions.push(eb('tags', '=', input.tags));
  flag('is_default', input.isdefault);
  flag('specify_vlan', input.specifyvlan);
  flag('specify_ip_ranges', input.specifyipranges);
  flag('for_vpc', input.forvpc);
  const offering = (service: string) =>
    eb.exists(
      eb
        .selectFrom('network_offering_services')
        .select('network_offering_services.offering_id')
        .whereRef('network_offering_services.offering_id', '=', 'network_offerings.id')
        .where('network_offering_services.service', '=', service),
    );
  for (const service of new Set((input.supportedservices ?? []).map(serviceNamed))) conditions.push(offering(service));
  if (input.sourcenatsupported !== undefined) {
    conditions.push(input.sourcenatsupported ? offering('SourceNat') : eb.not(offering('SourceNat')));
  }
  return conditions;
}

/** Network offerings: createNetworkOffering, updateNetworkOffering, deleteNetworkOffering, listNetworkOfferings. */
export class NetworkOfferingService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  /** A new offering, Disabled unless `enable` is given, as CloudStack makes it. */
  async create(caller: Caller, input: CreateNetworkOfferingInput): Promise<NetworkOffering> {
    const guestType = input.guestiptype;
    const offered = servicesOf(input, guestType);
    const flags = flagsOf(input, guestType, offered);
    const domains = withoutSubdomains(await resolveDomains(this.db, input.domainid ?? []));
    const zones = await resolveZones(this.db, input.zoneid ?? []);
    const values = {
      uuid: crypto.randomUUID(),
      name: input.name,
      unique_name: null,
      display_text: displayTextOf(input),
      traffic_type: input.traffictype,
      guest_ip_type: guestType,
      ...flags,
      source_nat_type: offered.source_nat_type,
      lb_isolation: offered.lb_isolation,
      tags: cleanTags(input.tags),
      is_default: 0,
      sort_key: 0,
      state: input.enable ? 'Enabled' : 'Disabled',
      created: nowIso(),
      removed: null,
    };
    const scope = { domains, zones };
    const services = [...offered.providers].map(([service, provider]) => ({ service, provider }));
    const row = await this.db.transaction().execute(async (trx) => {
      if (values.availability === 'Required') await checkRequiredFree(trx, this.services.store.dialect);
      const inserted = await trx
        .insertInto('network_offerings')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (services.length > 0) {
        await trx
          .insertInto('network_offering_services')
          .values(services.map((s) => ({ offering_id: inserted.id, ...s })))
          .execute();
      }
      await writeScope(trx, 'network', inserted.id, scope);
      return inserted;
    });
    await recordOfferingEvent(this.services, caller, 'network', 'create', row);
    return this.response(row.id);
  }

  /**
   * updateNetworkOffering: the name, display text, sort key, availability, state, tags and the
   * domains and zones; the services and the rest stay as the offering was made.
   */
  async update(caller: Caller, input: UpdateNetworkOfferingInput): Promise<NetworkOffering> {
    const { db } = this;
    const row = await requireOffering(db, 'network', input.id);
    if (input.displaytext !== undefined && input.displaytext.trim() === '') {
      throw bad(
        'DISPLAY_TEXT',
        message('error.offering.emptyDisplayText', { resource: 'network offering', name: row.name }),
      );
    }
    if (input.availability === 'Required' && row.availability !== 'Required') {
      const services = (await servicesOfOfferings(db, [row.id])).get(row.id) ?? [];
      if (row.guest_ip_type !== 'Isolated' || !services.some((s) => s.service === 'SourceNat')) {
        throw bad('AVAILABILITY', message('error.networkOffering.requiredNeedsSourceNat', {}));
      }
    }
    const existing = await scopeOf(db, 'network', row.id);
    const domainUuids = updatedList(input.domainid, PUBLIC_DOMAINS);
    const zoneUuids = updatedList(input.zoneid, ALL_ZONES);
    const scope = {
      domains: domainUuids === undefined ? existing.domains : withoutSubdomains(await resolveDomains(db, domainUuids)),
      zones: zoneUuids === undefined ? existing.zones : await resolveZones(db, zoneUuids),
    };
    const scopeChanged = !sameIds(existing.domains, scope.domains) || !sameIds(existing.zones, scope.zones);
    const fields = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.displaytext !== undefined ? { display_text: input.displaytext } : {}),
      ...(input.sortkey !== undefined ? { sort_key: input.sortkey } : {}),
      ...(input.availability !== undefined ? { availability: input.availability } : {}),
      ...(input.state !== undefined ? { state: input.state } : {}),
      ...(input.tags !== undefined ? { tags: cleanTags(input.tags) } : {}),
    };
    await db.transaction().execute(async (trx) => {
      await lockOffering(this.services, trx, 'network', row.id);
      const live = await trx
        .selectFrom('network_offerings')
        .select('id')
        .where('id', '=', row.id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (!live) {
        throw notFound(
          'NETWORK_OFFERING.NOT_FOUND',
          message('error.notFound', { resource: 'network offering', id: row.uuid }),
        );
      }
      if (input.availability === 'Required') await checkRequiredFree(trx, this.services.store.dialect, row.id);
      if (Object.keys(fields).length > 0) {
        await trx.updateTable('network_offerings').set(fields).where('id', '=', row.id).execute();
      }
      if (scopeChanged) await writeScope(trx, 'network', row.id, scope);
    });
    await recordOfferingEvent(this.services, caller, 'network', 'edit', {
      uuid: row.uuid,
      name: input.name ?? row.name,
    });
    return this.response(row.id);
  }

  /**
   * deleteNetworkOffering: the offering is no longer listed nor usable; its row stays (removed),
   * so the networks made from it keep it. CloudStack's default offerings cannot be deleted.
   */
  async delete(caller: Caller, uuid: string): Promise<void> {
    const row = await requireOffering(this.db, 'network', uuid);
    if (row.is_default === 1) {
      throw bad('DEFAULT', message('error.networkOffering.defaultNoDelete', { name: row.name }));
    }
    const result = await this.db
      .updateTable('network_offerings')
      .set({ removed: nowIso() })
      .where('id', '=', row.id)
      .where('removed', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw notFound(
        'NETWORK_OFFERING.NOT_FOUND',
        message('error.notFound', { resource: 'network offering', id: uuid }),
      );
    }
    await recordOfferingEvent(this.services, caller, 'network', 'delete', row);
  }

  /**
   * CloudStack's listNetworkOfferings in sort-key order: the offerings the caller's domain may use
   * (public ones, its domain's and its parent domains'), in the zone asked for.
   */
  async list(caller: Caller, input: ListNetworkOfferingsInput): Promise<{ items: NetworkOffering[]; count: number }> {
    const visibility = await visibilityOf(this.db, caller, { zoneid: input.zoneid, domainid: input.domainid });
    const filtered = () =>
      this.db
        .selectFrom('network_offerings')
        .where((eb) =>
          eb.and([
            ...fieldConditions(eb, input),
            ...scopeCondition('network', eb as unknown as OfferingEb, visibility),
          ]),
        );
    const { ids, count } = await pageOfIds(this.db, filtered, pageWindow(input, this.services.config), BY_SORT_KEY);
    if (ids.length === 0) return { items: [], count };
    const [rows, services, scopes] = await Promise.all([
      this.db.selectFrom('network_offerings').selectAll().where('id', 'in', ids).execute(),
      servicesOfOfferings(this.db, ids),
      scopesOf(this.db, 'network', ids),
    ]);
    const items = inPageOrder(rows, ids).map((r) =>
      networkOfferingResponse(
        r,
        services.get(r.id) ?? [],
        scopes.get(r.id) ?? { domains: [], zones: [] },
        this.defaultRate(),
      ),
    );
    return { items, count };
  }

  private async response(id: number): Promise<NetworkOffering> {
    const row = await this.db
      .selectFrom('network_offerings')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const services = (await servicesOfOfferings(this.db, [id])).get(id) ?? [];
    return networkOfferingResponse(row, services, await scopeOf(this.db, 'network', id), this.defaultRate());
  }

  private defaultRate(): number {
    return this.services.config.get<number>('network.throttling.rate');
  }
}
