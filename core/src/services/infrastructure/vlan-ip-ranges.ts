import crypto from 'node:crypto';
import { message, type ServerMessage } from '../../domain/messages';
import { invalidParameter, notFound } from '../../domain/errors';
import { cidrFromGateway, formatCidr } from '../../contract/ipv4';
import { nowIso } from '../../domain/time';
import { parseVlanTag } from '../../domain/vlan-ranges';
import { findAccountViewByName } from '../../db/repositories/accounts';
import { findDomainByUuid } from '../../db/repositories/domains';
import { ilike } from '../../db/query-helpers';
import { pageOfIds } from '../../db/list-page';
import type { PhysicalNetworkRow, PodRow, VlanIpRangeRow, ZoneRow } from '../../db/schema';
import { compact } from '../../api/schemas/fields';
import type {
  CreateVlanIpRangeInput,
  DedicatePublicIpRangeInput,
  DeleteVlanIpRangeInput,
  ListVlanIpRangesInput,
  ReleasePublicIpRangeInput,
  VlanIpRange,
} from '../../api/schemas/vlan-ip-ranges';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { keywordPattern } from '../tenancy/shared';
import { namesById, requirePhysicalNetwork, requirePod, requireZone } from './lookups';
import { lockZone } from './pods';
import { bad, checkAgainstZone, validateRange } from './vlan-ip-range-checks';

/** Who a range is dedicated to: an account (with its domain) or a whole domain. */
interface Owner {
  accountId: number | null;
  domainId: number;
  /** The account's name (an account dedication) and the domain's path. */
  accountName?: string;
  domainPath: string;
}

/**
 * IP ranges (CloudStack's `vlan` table): public ranges of advanced zones, and guest (direct)
 * ranges of a basic zone's pods.
 */
export class VlanIpRangeService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  async create(caller: Caller, input: CreateVlanIpRangeInput): Promise<VlanIpRange> {
    const { zone, pod, forVirtualNetwork, forSystemVms, physicalNetworkId } = await this.placement(input);
    const range = validateRange(input);
    const tag = parseVlanTag(input.vlan === undefined ? undefined : input.vlan.trim());
    if (!tag.ok) throw invalidParameter('VLAN.INVALID', tag.error);
    const owner =
      input.account !== undefined || input.domainid !== undefined
        ? await this.resolveOwner(caller, input.account, input.domainid)
        : undefined;
    if (owner && forSystemVms) {
      throw bad(message('error.ipRange.systemVmsDedicated', {}));
    }

    const { store } = this.services;
    const row = await store.db.transaction().execute(async (trx) => {
      await lockZone(trx, store.dialect, zone.id);
      await checkAgainstZone(trx, zone, { ...range, tag: tag.tag, forVirtualNetwork });
      return trx
        .insertInto('vlan_ip_ranges')
        .values({
          uuid: crypto.randomUUID(),
          zone_id: zone.id,
          pod_id: pod?.id ?? null,
          physical_network_id: physicalNetworkId,
          network_id: null,
          vlan_tag: tag.tag,
          gateway: range.gateway,
          netmask: range.netmask,
          start_ip: range.startIp,
          end_ip: range.endIp,
          start_num: range.start,
          end_num: range.end,
          for_virtual_network: forVirtualNetwork ? 1 : 0,
          for_system_vms: forSystemVms ? 1 : 0,
          account_id: owner?.accountId ?? null,
          domain_id: owner?.domainId ?? null,
          description: `${range.startIp}-${range.endIp}`,
          created: nowIso(),
          removed: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    await this.record(
      caller,
      'VLAN.IP.RANGE.CREATE',
      createdMessage(forVirtualNetwork, {
        startIp: row.start_ip,
        endIp: row.end_ip,
        vlan: row.vlan_tag,
        zone: zone.name,
        pod: pod?.name,
      }),
      row.uuid,
    );
    return this.response(row);
  }

  async list(caller: Caller, input: ListVlanIpRangesInput): Promise<{ items: VlanIpRange[]; count: number }> {
    const zoneId = input.zoneid === undefined ? undefined : (await requireZone(this.db, input.zoneid, 'zoneid')).id;
    const podId = input.podid === undefined ? undefined : (await requirePod(this.db, input.podid, 'podid')).id;
    const physicalId =
      input.physicalnetworkid === undefined
        ? undefined
        : (await requirePhysicalNetwork(this.db, input.physicalnetworkid, 'physicalnetworkid')).id;
    let vlanTag: string | undefined;
    if (input.vlan !== undefined) {
      const t = parseVlanTag(input.vlan.trim());
      vlanTag = t.ok ? t.tag : input.vlan;
    }
    let accountId: number | undefined;
    let domainId: number | undefined;
    if (input.account !== undefined || input.domainid !== undefined) {
      const owner = await this.resolveOwner(caller, input.account, input.domainid);
      if (owner.accountId !== null) accountId = owner.accountId;
      else domainId = owner.domainId;
    }
    const keyword = keywordPattern(input.keyword);
    const filtered = () => {
      let q = this.db.selectFrom('vlan_ip_ranges').where('removed', 'is', null);
      if (input.id !== undefined) q = q.where('uuid', '=', input.id);
      if (zoneId !== undefined) q = q.where('zone_id', '=', zoneId);
      if (podId !== undefined) q = q.where('pod_id', '=', podId);
      if (physicalId !== undefined) q = q.where('physical_network_id', '=', physicalId);
      if (vlanTag !== undefined) q = q.where('vlan_tag', '=', vlanTag);
      if (input.forvirtualnetwork !== undefined) {
        q = q.where('for_virtual_network', '=', input.forvirtualnetwork ? 1 : 0);
      }
      if (accountId !== undefined) q = q.where('account_id', '=', accountId);
      if (domainId !== undefined) q = q.where('domain_id', '=', domainId);
      if (keyword !== undefined) {
        q = q.where((eb) =>
          eb.or([
            ilike('vlan_tag', keyword),
            ilike('start_ip', keyword),
            ilike('end_ip', keyword),
            ilike('gateway', keyword),
          ]),
        );
      }
      return q;
    };
    const { ids, count } = await pageOfIds(this.db, filtered, pageWindow(input, this.services.config));
    if (ids.length === 0) return { items: [], count };
    const rows = await this.db.selectFrom('vlan_ip_ranges').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return { items: await this.responses(rows), count };
  }

  async delete(caller: Caller, input: DeleteVlanIpRangeInput): Promise<void> {
    const range = await this.require(input.id);
    const { store } = this.services;
    await store.db.transaction().execute(async (trx) => {
      await lockZone(trx, store.dialect, range.zone_id);
      const n = await trx
        .updateTable('vlan_ip_ranges')
        .set({ removed: nowIso() })
        .where('id', '=', range.id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (Number(n.numUpdatedRows) === 0) throw rangeNotFound(range.uuid);
    });
    await this.record(
      caller,
      'VLAN.IP.RANGE.DELETE',
      message('event.ipRange.deleted', { startIp: range.start_ip, endIp: range.end_ip, vlan: range.vlan_tag }),
      range.uuid,
    );
  }

  async dedicate(caller: Caller, input: DedicatePublicIpRangeInput): Promise<VlanIpRange> {
    const range = await this.require(input.id);
    if (!range.for_virtual_network) {
      throw bad(message('error.ipRange.dedicateNotPublic', { startIp: range.start_ip, endIp: range.end_ip }));
    }
    if (range.for_system_vms) {
      throw bad(message('error.ipRange.dedicateSystemVms', { startIp: range.start_ip, endIp: range.end_ip }));
    }
    if (input.account === undefined && input.domainid === undefined) {
      throw bad(message('error.ipRange.dedicateNoDomain', {}));
    }
    const owner = await this.resolveOwner(caller, input.account, input.domainid);
    const { store } = this.services;
    const row = await store.db.transaction().execute(async (trx) => {
      await lockZone(trx, store.dialect, range.zone_id);
      const fresh = await trx
        .selectFrom('vlan_ip_ranges')
        .selectAll()
        .where('id', '=', range.id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (!fresh) throw rangeNotFound(range.uuid);
      if (fresh.account_id !== null || fresh.domain_id !== null) {
        throw bad(message('error.ipRange.alreadyDedicated', { startIp: fresh.start_ip, endIp: fresh.end_ip }));
      }
      return trx
        .updateTable('vlan_ip_ranges')
        .set({ account_id: owner.accountId, domain_id: owner.domainId })
        .where('id', '=', range.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    const ends = { startIp: row.start_ip, endIp: row.end_ip };
    await this.record(
      caller,
      'VLAN.IP.RANGE.DEDICATE',
      owner.accountName === undefined
        ? message('event.ipRange.dedicatedToDomain', { ...ends, domain: owner.domainPath })
        : message('event.ipRange.dedicatedToAccount', {
            ...ends,
            account: owner.accountName,
            domain: owner.domainPath,
          }),
      row.uuid,
    );
    return this.response(row);
  }

  async release(caller: Caller, input: ReleasePublicIpRangeInput): Promise<void> {
    const range = await this.require(input.id);
    const { store } = this.services;
    await store.db.transaction().execute(async (trx) => {
      await lockZone(trx, store.dialect, range.zone_id);
      const fresh = await trx
        .selectFrom('vlan_ip_ranges')
        .selectAll()
        .where('id', '=', range.id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (!fresh) throw rangeNotFound(range.uuid);
      if (fresh.account_id === null && fresh.domain_id === null) {
        throw bad(message('error.ipRange.notDedicated', { startIp: fresh.start_ip, endIp: fresh.end_ip }));
      }
      await trx
        .updateTable('vlan_ip_ranges')
        .set({ account_id: null, domain_id: null })
        .where('id', '=', range.id)
        .execute();
    });
    await this.record(
      caller,
      'VLAN.IP.RANGE.RELEASE',
      message('event.ipRange.released', { startIp: range.start_ip, endIp: range.end_ip }),
      range.uuid,
    );
  }

  private async response(row: VlanIpRangeRow): Promise<VlanIpRange> {
    const [range] = await this.responses([row]);
    if (!range) throw rangeNotFound(row.uuid);
    return range;
  }

  /** CloudStack's vlan response for each row, in order. */
  async responses(rows: VlanIpRangeRow[]): Promise<VlanIpRange[]> {
    const db = this.db;
    const [zones, pods, physicals] = await Promise.all([
      namesById(
        db,
        'zones',
        rows.map((r) => r.zone_id),
      ),
      namesById(
        db,
        'pods',
        rows.map((r) => r.pod_id),
      ),
      namesById(
        db,
        'physical_networks',
        rows.map((r) => r.physical_network_id),
      ),
    ]);
    const accountIds = [...new Set(rows.map((r) => r.account_id).filter((id): id is number => id !== null))];
    const domainIds = [...new Set(rows.map((r) => r.domain_id).filter((id): id is number => id !== null))];
    const accounts = new Map(
      accountIds.length
        ? (await db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', accountIds).execute()).map((a) => [
            a.id,
            a.name,
          ])
        : [],
    );
    const domains = new Map(
      domainIds.length
        ? (await db.selectFrom('domains').select(['id', 'uuid', 'name']).where('id', 'in', domainIds).execute()).map(
            (d) => [d.id, d],
          )
        : [],
    );
    return rows.map((r) => {
      const cidr = cidrFromGateway(r.gateway, r.netmask);
      const domain = r.domain_id === null ? undefined : domains.get(r.domain_id);
      return compact({
        id: r.uuid,
        forvirtualnetwork: r.for_virtual_network === 1,
        zoneid: zones.get(r.zone_id)?.uuid,
        vlan: r.vlan_tag,
        account: r.account_id === null ? undefined : accounts.get(r.account_id),
        domainid: domain?.uuid,
        domain: domain?.name,
        podid: r.pod_id === null ? undefined : pods.get(r.pod_id)?.uuid,
        podname: r.pod_id === null ? undefined : pods.get(r.pod_id)?.name,
        gateway: r.gateway,
        netmask: r.netmask,
        cidr: cidr ? formatCidr(cidr) : undefined,
        startip: r.start_ip,
        endip: r.end_ip,
        physicalnetworkid: r.physical_network_id === null ? undefined : physicals.get(r.physical_network_id)?.uuid,
        forsystemvms: r.for_system_vms === 1,
        description: r.description ?? `${r.start_ip}-${r.end_ip}`,
      });
    });
  }

  private async require(uuid: string): Promise<VlanIpRangeRow> {
    const row = await this.db
      .selectFrom('vlan_ip_ranges')
      .selectAll()
      .where('uuid', '=', uuid)
      .where('removed', 'is', null)
      .executeTakeFirst();
    if (!row) throw rangeNotFound(uuid);
    return row;
  }

  private async record(caller: Caller, type: string, said: ServerMessage, uuid: string): Promise<void> {
    await this.services.events.record({ type, message: said, caller, resourceType: 'VlanIpRange', resourceId: uuid });
  }

  /**
   * Where a new range goes: its zone, its pod in a basic zone, whether it is public (advanced
   * zones) or guest (a basic zone's pod), and the physical network that carries it.
   */
  private async placement(input: CreateVlanIpRangeInput) {
    const { zone, pod, physical } = await this.resolveLocation(input);
    const advanced = zone.network_type === 'Advanced';
    const forVirtualNetwork = input.forvirtualnetwork ?? advanced;
    const forSystemVms = input.forsystemvms ?? false;
    let physicalNetworkId: number | null;
    if (advanced) {
      if (!forVirtualNetwork) {
        throw bad(message('error.ipRange.directUnsupported', { zone: zone.name }));
      }
      if (pod) {
        throw bad(message('error.ipRange.podInAdvancedZone', { zone: zone.name }));
      }
      physicalNetworkId = (await this.publicPhysicalNetwork(zone, physical)).id;
    } else {
      if (forVirtualNetwork) {
        throw bad(message('error.ipRange.publicInBasicZone', { zone: zone.name }));
      }
      if (!pod) throw bad(message('error.ipRange.noPod', { zone: zone.name }));
      if (forSystemVms) throw bad(message('error.ipRange.systemVmsGuest', {}));
      if (input.account !== undefined || input.domainid !== undefined) {
        throw bad(message('error.ipRange.dedicateInBasicZone', {}));
      }
      physicalNetworkId = physical?.id ?? (await this.guestPhysicalNetworkId(zone));
    }
    return { zone, pod, forVirtualNetwork, forSystemVms, physicalNetworkId };
  }

  /** The zone, pod and physical network a createVlanIpRange names, which must agree. */
  private async resolveLocation(input: CreateVlanIpRangeInput) {
    if (input.networkid !== undefined) {
      throw bad(message('error.ipRange.networkUnsupported', {}));
    }
    const pod = input.podid === undefined ? undefined : await requirePod(this.db, input.podid, 'podid');
    const physical =
      input.physicalnetworkid === undefined
        ? undefined
        : await requirePhysicalNetwork(this.db, input.physicalnetworkid, 'physicalnetworkid');
    const zone = await this.resolveZone(input.zoneid, pod, physical);
    if (pod && pod.zone_id !== zone.id)
      throw bad(message('error.ipRange.podNotInZone', { pod: pod.name, zone: zone.name }));
    if (physical && physical.zone_id !== zone.id) {
      throw bad(message('error.ipRange.networkNotInZone', { network: physical.name, zone: zone.name }));
    }
    return { zone, pod, physical };
  }

  private async resolveZone(
    zoneUuid: string | undefined,
    pod: PodRow | undefined,
    physical: PhysicalNetworkRow | undefined,
  ): Promise<ZoneRow> {
    if (zoneUuid !== undefined) return requireZone(this.db, zoneUuid, 'zoneid');
    const zoneId = pod?.zone_id ?? physical?.zone_id;
    if (zoneId === undefined) throw bad(message('error.ipRange.noZone', {}));
    return this.db.selectFrom('zones').selectAll().where('id', '=', zoneId).executeTakeFirstOrThrow();
  }

  /** The physical network carrying the zone's Public traffic (the given one must carry it). */
  private async publicPhysicalNetwork(
    zone: ZoneRow,
    given: PhysicalNetworkRow | undefined,
  ): Promise<{ id: number; name: string }> {
    let q = this.db
      .selectFrom('physical_networks as pn')
      .innerJoin('traffic_types as tt', 'tt.physical_network_id', 'pn.id')
      .select(['pn.id', 'pn.name'])
      .where('pn.zone_id', '=', zone.id)
      .where('pn.removed', 'is', null)
      .where('tt.traffic_type', '=', 'Public');
    if (given) q = q.where('pn.id', '=', given.id);
    const hit = await q.orderBy('pn.id').executeTakeFirst();
    if (hit) return hit;
    if (given) {
      throw bad(message('error.ipRange.networkNotPublic', { network: given.name }));
    }
    throw bad(message('error.ipRange.noPublicNetwork', { zone: zone.name }));
  }

  /** The zone's physical network with Guest traffic, if there is one. */
  private async guestPhysicalNetworkId(zone: ZoneRow): Promise<number | null> {
    const hit = await this.db
      .selectFrom('physical_networks as pn')
      .innerJoin('traffic_types as tt', 'tt.physical_network_id', 'pn.id')
      .select('pn.id')
      .where('pn.zone_id', '=', zone.id)
      .where('pn.removed', 'is', null)
      .where('tt.traffic_type', '=', 'Guest')
      .orderBy('pn.id')
      .executeTakeFirst();
    return hit?.id ?? null;
  }

  /** An existing account (by name in a domain) or domain, for filters. */
  private async findOwner(account: string | undefined, domainUuid: string | undefined): Promise<Owner> {
    if (domainUuid === undefined) throw bad(message('error.ipRange.noAccountDomain', {}));
    const domain = await findDomainByUuid(this.db, domainUuid);
    if (!domain) throw notFound('DOMAIN.NOT_FOUND', message('error.domain.notFoundByDomainId', { id: domainUuid }));
    if (account === undefined) return { accountId: null, domainId: domain.id, domainPath: domain.path };
    const a = await findAccountViewByName(this.db, domain.id, account);
    if (!a)
      throw notFound('ACCOUNT.NOT_FOUND', message('error.account.notFoundInDomain', { account, domain: domain.uuid }));
    return { accountId: a.id, domainId: domain.id, accountName: a.name, domainPath: domain.path };
  }

  /** The owner of a dedication: an account of domainid (the caller's domain without it), or domainid itself. */
  private async resolveOwner(
    caller: Caller,
    account: string | undefined,
    domainUuid: string | undefined,
  ): Promise<Owner> {
    return this.findOwner(account, domainUuid ?? caller.domainUuid);
  }
}

/** The event text of a new range: public or guest, in a pod or zone-wide. */
function createdMessage(
  forVirtualNetwork: boolean,
  p: { startIp: string; endIp: string; vlan: string; zone: string; pod: string | undefined },
): ServerMessage {
  const { pod, ...rest } = p;
  if (pod === undefined) {
    return message(forVirtualNetwork ? 'event.ipRange.createdPublic' : 'event.ipRange.createdGuest', rest);
  }
  return message(forVirtualNetwork ? 'event.ipRange.createdPublicInPod' : 'event.ipRange.createdGuestInPod', {
    ...rest,
    pod,
  });
}

function rangeNotFound(uuid: string) {
  return notFound('VLAN.NOT_FOUND', message('error.notFound', { resource: 'IP range', id: uuid }));
}
