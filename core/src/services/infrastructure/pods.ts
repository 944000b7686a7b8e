import crypto from 'node:crypto';
import { message, type ServerMessage } from '../../domain/messages';
import type { Kysely } from 'kysely';
import { conflict, inUse, invalidParameter } from '../../domain/errors';
import { allocationEventType } from '../../domain/event-types';
import type { AllocationState } from '../../domain/infrastructure';
import {
  cidrContains,
  cidrFromGateway,
  cidrsOverlap,
  formatCidr,
  ipToNumber,
  numberToIp,
  parseCidr,
  type Cidr,
} from '../../contract/ipv4';
import { allocationChange, INITIAL_ALLOCATION_STATE } from '../../domain/state-machines/allocation-state';
import { nowIso } from '../../domain/time';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import { BY_ID, inPageOrder, pageOfIds } from '../../db/list-page';
import type { Database, PodRow, ZoneRow } from '../../db/schema';
import { compact } from '../../api/schemas/fields';
import type {
  CreatePodInput,
  DeletePodInput,
  ListPodsInput,
  Pod,
  POD_SORT_KEYS,
  UpdatePodInput,
} from '../../api/schemas/pods';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { listOrder, pageWindow } from '../paging';

/** The pods column behind each listPods sort key. */
const POD_SORT_COLUMNS: Record<(typeof POD_SORT_KEYS)[number], string> = {
  name: 'name',
  allocationstate: 'allocation_state',
  created: 'created',
};

import { keywordPattern } from '../tenancy/shared';
import { checkName } from '../../domain/names';
import { namesById, requirePod, requireZone } from './lookups';

type Db = Kysely<Database>;

/** A pod's network: its CIDR and the reserved (system) range within it. */
export interface PodNetwork {
  gateway: string;
  netmask: string;
  cidr: Cidr;
  startIp: string;
  endIp: string;
  start: number;
  end: number;
}

const bad = (text: ServerMessage) => invalidParameter('POD.INVALID', text);

/**
 * Locks a zone's row for the rest of the transaction (PostgreSQL), so that concurrent changes to
 * the zone's address space (pods, IP ranges) are checked one at a time. SQLite runs one write
 * transaction at a time anyway.
 */
export async function lockZone(trx: Db, dialect: 'sqlite' | 'postgres', zoneId: number): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom('zones').select('id').where('id', '=', zoneId).forUpdate().execute();
}

/** The reserved system range of a pod, as numbers. */
export function podRange(pod: Pick<PodRow, 'start_ip' | 'end_ip'>): { start: number; end: number } {
  return { start: ipToNumber(pod.start_ip) ?? 0, end: ipToNumber(pod.end_ip) ?? 0 };
}

/**
 * Validates a pod's gateway, netmask and reserved range as CloudStack's createPod/updatePod do.
 * Without an end address the range runs to the last usable address of the CIDR.
 */
export function validatePodNetwork(input: {
  gateway: string;
  netmask: string;
  startip: string;
  endip?: string;
}): PodNetwork {
  const gateway = input.gateway.trim();
  const netmask = input.netmask.trim();
  const startIp = input.startip.trim();
  if (ipToNumber(gateway) === undefined) throw bad(message('error.pod.badGateway', { gateway }));
  const cidr = cidrFromGateway(gateway, netmask);
  if (!cidr) throw bad(message('error.pod.badNetmask', { netmask }));
  const start = ipToNumber(startIp);
  if (start === undefined) throw bad(message('error.pod.badStartIp', { ip: startIp }));
  let end: number;
  if (input.endip === undefined || input.endip.trim() === '') {
    end = cidr.prefix >= 31 ? cidr.last : cidr.last - 1;
  } else {
    const parsed = ipToNumber(input.endip.trim());
    if (parsed === undefined) {
      throw bad(message('error.pod.badEndIp', { ip: input.endip.trim() }));
    }
    end = parsed;
  }
  const cidrText = formatCidr(cidr);
  if (!cidrContains(cidr, start)) {
    throw bad(message('error.pod.startIpOutside', { ip: startIp, cidr: cidrText }));
  }
  if (!cidrContains(cidr, end)) {
    throw bad(message('error.pod.endIpOutside', { ip: numberToIp(end), cidr: cidrText }));
  }
  if (start > end) {
    throw bad(message('error.pod.startAfterEnd', { startIp, endIp: numberToIp(end) }));
  }
  const g = ipToNumber(gateway) as number;
  if (g >= start && g <= end) {
    throw bad(message('error.pod.gatewayInRange', { gateway, startIp, endIp: numberToIp(end) }));
  }
  return { gateway, netmask, cidr, startIp: numberToIp(start), endIp: numberToIp(end), start, end };
}

/**
 * The network an updatePod asks for: the given fields over the pod's current ones. A new CIDR
 * without a new range must still hold the current range.
 */
function updatedPodNetwork(pod: PodRow, input: UpdatePodInput): { net: PodNetwork; cidrChanged: boolean } {
  const gateway = input.gateway ?? pod.gateway;
  const netmask = input.netmask ?? pod.netmask;
  const newCidr = cidrFromGateway(gateway.trim(), netmask.trim());
  const oldCidr = parseCidr(pod.cidr);
  const cidrChanged =
    newCidr !== undefined && (!oldCidr || oldCidr.network !== newCidr.network || oldCidr.prefix !== newCidr.prefix);
  if (cidrChanged && input.startip === undefined && input.endip === undefined) {
    const kept = podRange(pod);
    if (!cidrContains(newCidr, kept.start) || !cidrContains(newCidr, kept.end)) {
      throw bad(
        message('error.pod.cidrExcludesRange', {
          cidr: formatCidr(newCidr),
          startIp: pod.start_ip,
          endIp: pod.end_ip,
        }),
      );
    }
  }
  const net = validatePodNetwork({
    gateway,
    netmask,
    startip: input.startip ?? pod.start_ip,
    endip: input.endip ?? (input.startip !== undefined ? undefined : pod.end_ip),
  });
  return { net, cidrChanged };
}

/** A pod's CIDR may change only while every host of the pod keeps its management address inside it. */
async function checkHostsInside(trx: Db, podId: number, cidr: Cidr): Promise<void> {
  const hosts = await trx
    .selectFrom('hosts')
    .select(['name', 'private_ip'])
    .where('pod_id', '=', podId)
    .where('removed', 'is', null)
    .execute();
  const outside = hosts.find((h) => {
    const ip = ipToNumber(h.private_ip);
    return ip !== undefined && !cidrContains(cidr, ip);
  });
  if (outside) {
    throw invalidParameter(
      'POD.CIDR_IN_USE',
      message('error.pod.cidrExcludesHost', { cidr: formatCidr(cidr), host: outside.name, ip: outside.private_ip }),
    );
  }
}

/** CloudStack's PodResponse: the pod's reserved range is its one IP range. */
function podResponse(r: PodRow, zone: { uuid: string; name: string } | undefined): Pod {
  return compact({
    id: r.uuid,
    name: r.name,
    zoneid: zone?.uuid,
    zonename: zone?.name,
    gateway: r.gateway,
    netmask: r.netmask,
    startip: [r.start_ip],
    endip: [r.end_ip],
    // The pod commands store only ALLOCATION_STATES; the column type is text.
    allocationstate: r.allocation_state as AllocationState,
    ipranges: [{ startip: r.start_ip, endip: r.end_ip, gateway: r.gateway, forsystemvms: false, vlanid: 'untagged' }],
  });
}

/** Pods (CloudStack's host_pod_ref): a zone's management subnet and the range reserved for system VMs. */
export class PodService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  async create(caller: Caller, input: CreatePodInput): Promise<Pod> {
    const zone = await requireZone(this.db, input.zoneid, 'zoneid');
    const name = checkName(input.name, 'Pod name');
    const net = validatePodNetwork(input);
    const { store } = this.services;
    const pod = await store.db.transaction().execute(async (trx) => {
      await lockZone(trx, store.dialect, zone.id);
      await this.checkInZone(trx, zone, name, net);
      return trx
        .insertInto('pods')
        .values({
          uuid: crypto.randomUUID(),
          zone_id: zone.id,
          name,
          gateway: net.gateway,
          netmask: net.netmask,
          cidr: formatCidr(net.cidr),
          start_ip: net.startIp,
          end_ip: net.endIp,
          allocation_state: input.allocationstate ?? INITIAL_ALLOCATION_STATE.Pod,
          created: nowIso(),
          removed: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    await this.services.events.record({
      type: 'POD.CREATE',
      message: message('event.pod.created', {
        name: pod.name,
        cidr: pod.cidr,
        startIp: pod.start_ip,
        endIp: pod.end_ip,
        zone: zone.name,
      }),
      caller,
      resourceType: 'Pod',
      resourceId: pod.uuid,
    });
    return podResponse(pod, zone);
  }

  async update(caller: Caller, input: UpdatePodInput): Promise<Pod> {
    const pod = await requirePod(this.db, input.id, 'id');
    const zone = await this.db.selectFrom('zones').selectAll().where('id', '=', pod.zone_id).executeTakeFirstOrThrow();
    const name = input.name === undefined ? pod.name : checkName(input.name, 'Pod name');
    const { net, cidrChanged } = updatedPodNetwork(pod, input);
    const { store } = this.services;
    const updated = await store.db.transaction().execute(async (trx) => {
      await lockZone(trx, store.dialect, zone.id);
      const fresh = await trx
        .selectFrom('pods')
        .selectAll()
        .where('id', '=', pod.id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (!fresh) throw invalidParameter('POD.NOT_FOUND', message('error.notFound', { resource: 'pod', id: pod.uuid }));
      await this.checkInZone(trx, zone, name, net, pod.id);
      if (cidrChanged) await checkHostsInside(trx, pod.id, net.cidr);
      return trx
        .updateTable('pods')
        .set({
          name,
          gateway: net.gateway,
          netmask: net.netmask,
          cidr: formatCidr(net.cidr),
          start_ip: net.startIp,
          end_ip: net.endIp,
          allocation_state:
            input.allocationstate === undefined
              ? fresh.allocation_state
              : allocationChange(fresh.allocation_state, input.allocationstate, { kind: 'Pod', name: fresh.name }),
        })
        .where('id', '=', pod.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    const allocation = input.allocationstate;
    await this.services.events.record({
      type: allocation === undefined ? 'POD.EDIT' : allocationEventType('POD', allocation === 'Enabled'),
      message: message(
        allocation === undefined
          ? 'event.pod.updated'
          : allocation === 'Enabled'
            ? 'event.pod.enabled'
            : 'event.pod.disabled',
        { name: updated.name, id: updated.uuid },
      ),
      caller,
      resourceType: 'Pod',
      resourceId: updated.uuid,
    });
    return podResponse(updated, zone);
  }

  async delete(caller: Caller, input: DeletePodInput): Promise<void> {
    const pod = await requirePod(this.db, input.id, 'id');
    const { store } = this.services;
    await store.db.transaction().execute(async (trx) => {
      await lockZone(trx, store.dialect, pod.zone_id);
      const live = async (table: 'clusters' | 'hosts' | 'storage_pools' | 'vlan_ip_ranges') =>
        (await trx
          .selectFrom(table)
          .select('id')
          .where('pod_id', '=', pod.id)
          .where('removed', 'is', null)
          .executeTakeFirst()) !== undefined;
      if (await live('hosts')) throw inUse('POD.IN_USE', message('error.pod.hasHosts', {}));
      if (await live('clusters')) throw inUse('POD.IN_USE', message('error.pod.hasClusters', {}));
      if (await live('storage_pools')) throw inUse('POD.IN_USE', message('error.pod.hasStoragePools', {}));
      if (await live('vlan_ip_ranges')) {
        throw inUse('POD.IN_USE', message('error.pod.hasIpRanges', {}));
      }
      const n = await trx
        .updateTable('pods')
        .set({ removed: nowIso() })
        .where('id', '=', pod.id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (Number(n.numUpdatedRows) === 0)
        throw invalidParameter('POD.NOT_FOUND', message('error.notFound', { resource: 'pod', id: pod.uuid }));
    });
    await this.services.events.record({
      type: 'POD.DELETE',
      message: message('event.pod.deleted', { name: pod.name, id: pod.uuid }),
      caller,
      resourceType: 'Pod',
      resourceId: pod.uuid,
    });
  }

  async list(input: ListPodsInput): Promise<{ items: Pod[]; count: number }> {
    let zoneId: number | undefined;
    if (input.zoneid !== undefined) zoneId = (await requireZone(this.db, input.zoneid, 'zoneid')).id;
    const keyword = keywordPattern(input.keyword);
    const filtered = () => {
      let q = this.db.selectFrom('pods').where('removed', 'is', null);
      if (input.id !== undefined) q = q.where('uuid', '=', input.id);
      if (input.name !== undefined) q = q.where(equalsIgnoreCase('name', input.name));
      if (zoneId !== undefined) q = q.where('zone_id', '=', zoneId);
      if (input.allocationstate !== undefined) q = q.where('allocation_state', '=', input.allocationstate);
      if (keyword !== undefined) q = q.where(ilike('name', keyword));
      return q;
    };
    const window = pageWindow(input, this.services.config);
    const order = listOrder(input, POD_SORT_COLUMNS, BY_ID);
    const { ids, count } = await pageOfIds(this.db, filtered, window, order);
    if (ids.length === 0) return { items: [], count };
    const rows = await this.db.selectFrom('pods').selectAll().where('id', 'in', ids).execute();
    return { items: await this.responses(inPageOrder(rows, ids)), count };
  }

  /** CloudStack's pod response for each row, in order. */
  async responses(rows: PodRow[]): Promise<Pod[]> {
    const zones = await namesById(
      this.db,
      'zones',
      rows.map((r) => r.zone_id),
    );
    return rows.map((r) => podResponse(r, zones.get(r.zone_id)));
  }

  /**
   * The checks against the rest of the zone, inside the transaction that holds the zone's lock:
   * a unique name, a CIDR apart from every other pod's (and from an advanced zone's guest CIDR),
   * and a reserved range clear of the zone's IP ranges.
   */
  private async checkInZone(trx: Db, zone: ZoneRow, name: string, net: PodNetwork, exceptPodId?: number) {
    let others = trx.selectFrom('pods').selectAll().where('zone_id', '=', zone.id).where('removed', 'is', null);
    if (exceptPodId !== undefined) others = others.where('id', '!=', exceptPodId);
    const pods = await others.orderBy('id').execute();
    const sameName = pods.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (sameName) {
      throw conflict('POD.NAME_TAKEN', message('error.pod.nameTaken', { name, zone: zone.name }));
    }
    const cidrText = formatCidr(net.cidr);
    for (const p of pods) {
      const other = parseCidr(p.cidr);
      if (other && cidrsOverlap(other, net.cidr)) {
        throw bad(
          message('error.pod.cidrOverlapsPod', { cidr: cidrText, pod: p.name, podCidr: p.cidr, zone: zone.name }),
        );
      }
    }
    if (zone.network_type === 'Advanced' && zone.guest_cidr) {
      const guest = parseCidr(zone.guest_cidr);
      if (guest && cidrsOverlap(guest, net.cidr)) {
        throw bad(
          message('error.pod.cidrOverlapsGuestCidr', { cidr: cidrText, guestCidr: zone.guest_cidr, zone: zone.name }),
        );
      }
    }
    const clash = await trx
      .selectFrom('vlan_ip_ranges')
      .select(['start_ip', 'end_ip', 'vlan_tag', 'for_virtual_network'])
      .where('zone_id', '=', zone.id)
      .where('removed', 'is', null)
      .where('start_num', '<=', net.end)
      .where('end_num', '>=', net.start)
      .orderBy('start_num')
      .executeTakeFirst();
    if (clash) {
      throw bad(
        message(clash.for_virtual_network ? 'error.pod.rangeOverlapsPublic' : 'error.pod.rangeOverlapsGuest', {
          startIp: net.startIp,
          endIp: net.endIp,
          otherStartIp: clash.start_ip,
          otherEndIp: clash.end_ip,
          vlan: clash.vlan_tag,
          zone: zone.name,
        }),
      );
    }
  }
}
