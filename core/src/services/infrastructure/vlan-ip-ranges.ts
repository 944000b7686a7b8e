import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { invalidParameter, notFound } from '../../domain/errors';
import { cidrContains, cidrFromGateway, cidrsOverlap, formatCidr, ipToNumber, numberToIp } from '../../domain/ipv4';
import { nowIso } from '../../domain/time';
import { parseVlanRanges, parseVlanTag } from '../../domain/vlan-ranges';
import { findAccountViewByName } from '../../db/repositories/accounts';
import { findDomainByUuid } from '../../db/repositories/domains';
import { ilike, pageOfIds } from '../../db/query-helpers';
import type { Database, PhysicalNetworkRow, PodRow, VlanIpRangeRow, ZoneRow } from '../../db/schema';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { compact, keywordPattern, type ListWindowParams } from '../tenancy/shared';
import { namesById, requirePhysicalNetwork, requirePod, requireZone } from './lookups';
import { lockZone } from './pods';

type Db = Kysely<Database>;

export interface CreateVlanIpRangeInput {
  zoneid?: string;
  podid?: string;
  physicalnetworkid?: string;
  networkid?: string;
  vlan?: string;
  gateway?: string;
  netmask?: string;
  startip?: string;
  endip?: string;
  forvirtualnetwork?: boolean;
  forsystemvms?: boolean;
  account?: string;
  domainid?: string;
}

export interface ListVlanIpRangesInput extends ListWindowParams {
  id?: string;
  zoneid?: string;
  podid?: string;
  physicalnetworkid?: string;
  vlan?: string;
  forvirtualnetwork?: boolean;
  account?: string;
  domainid?: string;
}

export interface DedicateInput {
  id: string;
  account?: string;
  domainid?: string;
}

/** Who a range is dedicated to: an account (with its domain) or a whole domain. */
interface Owner {
  accountId: number | null;
  domainId: number;
  label: string;
}

const bad = (message: string) => invalidParameter('VLAN.INVALID', message);

/**
 * IP ranges (CloudStack's `vlan` table): public ranges of advanced zones, and guest (direct)
 * ranges of a basic zone's pods.
 */
export class VlanIpRangeService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  async create(caller: Caller, input: CreateVlanIpRangeInput): Promise<Record<string, unknown>> {
    if (input.networkid !== undefined) {
      throw bad(
        'Adding IP ranges to a guest network (networkid) is not supported yet; give a zone (public range) or a pod (basic zone guest range).',
      );
    }
    const pod = input.podid === undefined ? undefined : await requirePod(this.db, input.podid, 'podid');
    const physical =
      input.physicalnetworkid === undefined
        ? undefined
        : await requirePhysicalNetwork(this.db, input.physicalnetworkid, 'physicalnetworkid');
    const zone = await this.resolveZone(input.zoneid, pod, physical);
    if (pod && pod.zone_id !== zone.id) throw bad(`Pod ${pod.name} doesn't belong to zone ${zone.name}.`);
    if (physical && physical.zone_id !== zone.id) {
      throw bad(`Physical network ${physical.name} doesn't belong to zone ${zone.name}.`);
    }

    const advanced = zone.network_type === 'Advanced';
    const forVirtualNetwork = input.forvirtualnetwork ?? advanced;
    const forSystemVms = input.forsystemvms ?? false;
    let physicalNetworkId: number | null;
    if (advanced) {
      if (!forVirtualNetwork) {
        throw bad(
          `Direct IP ranges (forvirtualnetwork=false) belong to shared guest networks, which are not supported yet; zone ${zone.name} takes public IP ranges only.`,
        );
      }
      if (pod) {
        throw bad(`A pod (podid) can be given only for guest IP ranges in a Basic zone; ${zone.name} is Advanced.`);
      }
      physicalNetworkId = (await this.publicPhysicalNetwork(zone, physical)).id;
    } else {
      if (forVirtualNetwork) {
        throw bad(
          `Basic zone ${zone.name} has no public IP ranges: its ranges are guest ranges of a pod (forvirtualnetwork=false).`,
        );
      }
      if (!pod) throw bad(`A pod (podid) is required for a guest IP range in Basic zone ${zone.name}.`);
      if (forSystemVms) throw bad('forsystemvms applies to public IP ranges only.');
      if (input.account !== undefined || input.domainid !== undefined) {
        throw bad('An IP range can be dedicated to an account or a domain only in an Advanced zone.');
      }
      physicalNetworkId = physical?.id ?? (await this.guestPhysicalNetworkId(zone));
    }

    const range = validateRange(input);
    const tag = parseVlanTag(input.vlan === undefined ? undefined : input.vlan.trim());
    if (!tag.ok) throw bad(tag.error);
    const owner =
      input.account !== undefined || input.domainid !== undefined
        ? await this.resolveOwner(caller, input.account, input.domainid)
        : undefined;
    if (owner && forSystemVms) {
      throw bad('An IP range for system VMs (forsystemvms=true) cannot be dedicated to an account or a domain.');
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
      `Created ${forVirtualNetwork ? 'public' : 'guest'} IP range ${row.start_ip}-${row.end_ip} (${row.vlan_tag}) in zone ${zone.name}${pod ? ` pod ${pod.name}` : ''}`,
      row.uuid,
    );
    return (await this.responses([row]))[0] as Record<string, unknown>;
  }

  async list(
    caller: Caller,
    input: ListVlanIpRangesInput,
  ): Promise<{ items: Record<string, unknown>[]; count: number }> {
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
    const { ids, count } = await pageOfIds(filtered, pageWindow(input, this.services.config));
    if (ids.length === 0) return { items: [], count };
    const rows = await this.db.selectFrom('vlan_ip_ranges').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return { items: await this.responses(rows), count };
  }

  async delete(caller: Caller, input: { id: string }): Promise<void> {
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
      `Deleted IP range ${range.start_ip}-${range.end_ip} (${range.vlan_tag})`,
      range.uuid,
    );
  }

  async dedicate(caller: Caller, input: DedicateInput): Promise<Record<string, unknown>> {
    const range = await this.require(input.id);
    if (!range.for_virtual_network) {
      throw bad(
        `IP range ${range.start_ip}-${range.end_ip} is not a public IP range; only public ranges can be dedicated.`,
      );
    }
    if (range.for_system_vms) {
      throw bad(
        `Public IP range ${range.start_ip}-${range.end_ip} is reserved for system VMs and cannot be dedicated.`,
      );
    }
    if (input.account === undefined && input.domainid === undefined) {
      throw bad('Please specify the domain (domainid), and optionally the account, to dedicate the range to.');
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
        throw bad(`Public IP range ${fresh.start_ip}-${fresh.end_ip} is already dedicated; release it first.`);
      }
      return trx
        .updateTable('vlan_ip_ranges')
        .set({ account_id: owner.accountId, domain_id: owner.domainId })
        .where('id', '=', range.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    await this.record(
      caller,
      'VLAN.IP.RANGE.DEDICATE',
      `Dedicated public IP range ${row.start_ip}-${row.end_ip} to ${owner.label}`,
      row.uuid,
    );
    return (await this.responses([row]))[0] as Record<string, unknown>;
  }

  async release(caller: Caller, input: { id: string }): Promise<void> {
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
        throw bad(`Public IP range ${fresh.start_ip}-${fresh.end_ip} is not dedicated to an account or a domain.`);
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
      `Released public IP range ${range.start_ip}-${range.end_ip}`,
      range.uuid,
    );
  }

  /** CloudStack's vlan response for each row, in order. */
  async responses(rows: VlanIpRangeRow[]): Promise<Record<string, unknown>[]> {
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

  private async record(caller: Caller, type: string, description: string, uuid: string): Promise<void> {
    await this.services.events.record({ type, description, caller, resourceType: 'VlanIpRange', resourceId: uuid });
  }

  private async resolveZone(
    zoneUuid: string | undefined,
    pod: PodRow | undefined,
    physical: PhysicalNetworkRow | undefined,
  ): Promise<ZoneRow> {
    if (zoneUuid !== undefined) return requireZone(this.db, zoneUuid, 'zoneid');
    const zoneId = pod?.zone_id ?? physical?.zone_id;
    if (zoneId === undefined) throw bad('Please specify a zone (zoneid), a pod (podid) or a physical network.');
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
      throw bad(
        `Physical network ${given.name} does not carry Public traffic; add the Public traffic type to it before adding public IP ranges.`,
      );
    }
    throw bad(
      `No physical network in zone ${zone.name} carries Public traffic; add the Public traffic type to a physical network before adding public IP ranges.`,
    );
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
    if (domainUuid === undefined) throw bad('Please specify the domain (domainid) of the account.');
    const domain = await findDomainByUuid(this.db, domainUuid);
    if (!domain) throw notFound('DOMAIN.NOT_FOUND', `Unable to find domain by domainid ${domainUuid}`);
    if (account === undefined) return { accountId: null, domainId: domain.id, label: `domain ${domain.path}` };
    const a = await findAccountViewByName(this.db, domain.id, account);
    if (!a) throw notFound('ACCOUNT.NOT_FOUND', `Unable to find account ${account} in domain id=${domain.uuid}`);
    return { accountId: a.id, domainId: domain.id, label: `account ${a.name} in domain ${domain.path}` };
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

function rangeNotFound(uuid: string) {
  return notFound('VLAN.NOT_FOUND', `Unable to find IP range by id ${uuid}`);
}

interface RangeInput {
  gateway: string;
  netmask: string;
  startIp: string;
  endIp: string;
  start: number;
  end: number;
}

/** The address checks that need no database: valid addresses, inside gateway/netmask, ordered, gateway outside. */
function validateRange(input: CreateVlanIpRangeInput): RangeInput {
  const gateway = input.gateway?.trim();
  const netmask = input.netmask?.trim();
  const startText = input.startip?.trim();
  if (!startText) throw bad('Please specify the start IP address of the range (startip).');
  if (!gateway || ipToNumber(gateway) === undefined) {
    throw bad(`Please specify a valid gateway${gateway ? `: ${gateway} is not an IPv4 address` : ''}.`);
  }
  if (!netmask) throw bad('Please specify a valid netmask.');
  const cidr = cidrFromGateway(gateway, netmask);
  if (!cidr) throw bad(`Please specify a valid netmask: ${netmask} is not a contiguous mask such as 255.255.255.0.`);
  const start = ipToNumber(startText);
  if (start === undefined) throw bad(`The start IP address ${startText} is not a valid IPv4 address.`);
  const endText = input.endip?.trim() || startText;
  const end = ipToNumber(endText);
  if (end === undefined) throw bad(`The end IP address ${endText} is not a valid IPv4 address.`);
  const cidrText = formatCidr(cidr);
  for (const [label, n, text] of [
    ['start IP address', start, startText],
    ['end IP address', end, endText],
  ] as const) {
    if (!cidrContains(cidr, n)) {
      throw bad(
        `Please specify a valid IP range or valid netmask or valid gateway: the ${label} ${text} is not in ${cidrText} (gateway ${gateway}, netmask ${netmask}).`,
      );
    }
  }
  if (start > end) {
    throw bad(`The start IP address (${startText}) must have a lower value than the end IP address (${endText}).`);
  }
  const g = ipToNumber(gateway) as number;
  if (g >= start && g <= end) {
    throw bad(`The gateway ${gateway} shouldn't overlap the start/end IP addresses ${startText}-${endText}.`);
  }
  return { gateway, netmask, startIp: numberToIp(start), endIp: numberToIp(end), start, end };
}

/**
 * The checks against the rest of the zone, inside the transaction holding the zone's lock: no
 * overlap with another range nor a pod's reserved range; a subnet shared with ranges on the same
 * VLAN uses their gateway and netmask, and a public subnet is not shared across VLANs; a tagged
 * VLAN is outside every physical network's guest VLAN ranges.
 */
async function checkAgainstZone(
  trx: Db,
  zone: ZoneRow,
  range: RangeInput & { tag: string; forVirtualNetwork: boolean },
): Promise<void> {
  const cidr = cidrFromGateway(range.gateway, range.netmask);
  if (!cidr) return;
  const ranges = await trx
    .selectFrom('vlan_ip_ranges')
    .selectAll()
    .where('zone_id', '=', zone.id)
    .where('removed', 'is', null)
    .orderBy('start_num')
    .execute();
  const text = `${range.startIp}-${range.endIp}`;
  for (const other of ranges) {
    if (Number(other.start_num) <= range.end && range.start <= Number(other.end_num)) {
      throw bad(
        `The IP range ${text} overlaps the existing IP range ${other.start_ip}-${other.end_ip} (${other.vlan_tag}) in zone ${zone.name}. Please specify a different start IP/end IP.`,
      );
    }
  }
  for (const other of ranges) {
    const otherCidr = cidrFromGateway(other.gateway, other.netmask);
    if (!otherCidr || !cidrsOverlap(cidr, otherCidr)) continue;
    if (other.vlan_tag === range.tag) {
      if (other.gateway !== range.gateway || other.netmask !== range.netmask) {
        throw bad(
          `The IP range has already been added on ${other.vlan_tag} with gateway ${other.gateway} and netmask ${other.netmask}; use the same gateway/netmask to extend it, or a subnet that does not overlap ${formatCidr(otherCidr)}.`,
        );
      }
    } else if (range.forVirtualNetwork || other.for_virtual_network) {
      throw bad(
        `The IP range with tag: ${other.vlan_tag} in zone ${zone.name} has overlapped with the subnet ${formatCidr(cidr)}. Please specify a different gateway/netmask.`,
      );
    }
  }
  const pods = await trx
    .selectFrom('pods')
    .select(['name', 'start_ip', 'end_ip'])
    .where('zone_id', '=', zone.id)
    .where('removed', 'is', null)
    .orderBy('id')
    .execute();
  for (const p of pods) {
    const start = ipToNumber(p.start_ip);
    const end = ipToNumber(p.end_ip);
    if (start !== undefined && end !== undefined && start <= range.end && range.start <= end) {
      throw bad(
        `The IP range ${text} overlaps the reserved system IP range ${p.start_ip}-${p.end_ip} of pod ${p.name}.`,
      );
    }
  }
  if (range.tag !== 'untagged') {
    const vlan = Number(range.tag.replace('vlan://', ''));
    const networks = await trx
      .selectFrom('physical_networks')
      .select(['name', 'vlan'])
      .where('zone_id', '=', zone.id)
      .where('removed', 'is', null)
      .where('vlan', 'is not', null)
      .orderBy('id')
      .execute();
    for (const n of networks) {
      const parsed = parseVlanRanges(n.vlan ?? '');
      if (parsed.ok && parsed.ranges.some((r) => vlan >= r.start && vlan <= r.end)) {
        throw bad(
          `The VLAN tag ${vlan} is already being used for dynamic vlan allocation for the guest network in zone ${zone.name} (guest VLAN range ${n.vlan} of physical network ${n.name}).`,
        );
      }
    }
  }
}
