import type { Kysely } from 'kysely';
import { invalidParameter } from '../../domain/errors';
import { message, type ServerMessage } from '../../domain/messages';
import { cidrContains, cidrFromGateway, cidrsOverlap, formatCidr, ipToNumber, numberToIp } from '../../contract/ipv4';
import { parseVlanRanges } from '../../domain/vlan-ranges';
import type { Database, ZoneRow } from '../../db/schema';
import type { CreateVlanIpRangeInput } from '../../api/schemas/vlan-ip-ranges';

/**
 * The address checks of createVlanIpRange: the range on its own (addresses, gateway and
 * netmask), then against the rest of its zone (other ranges, pods' reserved ranges, guest VLANs).
 */

type Db = Kysely<Database>;

export const bad = (text: ServerMessage) => invalidParameter('VLAN.INVALID', text);

export interface RangeInput {
  gateway: string;
  netmask: string;
  startIp: string;
  endIp: string;
  start: number;
  end: number;
}

/** The address checks that need no database: valid addresses, inside gateway/netmask, ordered, gateway outside. */
export function validateRange(
  input: Pick<CreateVlanIpRangeInput, 'gateway' | 'netmask' | 'startip' | 'endip'>,
): RangeInput {
  const gateway = input.gateway?.trim();
  const netmask = input.netmask?.trim();
  const startText = input.startip?.trim();
  if (!startText) throw bad(message('error.ipRange.noStartIp', {}));
  if (!gateway || ipToNumber(gateway) === undefined) {
    throw bad(gateway ? message('error.ipRange.badGateway', { gateway }) : message('error.ipRange.noGateway', {}));
  }
  if (!netmask) throw bad(message('error.ipRange.noNetmask', {}));
  const cidr = cidrFromGateway(gateway, netmask);
  if (!cidr) throw bad(message('error.ipRange.badNetmask', { netmask }));
  const start = ipToNumber(startText);
  if (start === undefined) throw bad(message('error.ipRange.badStartIp', { ip: startText }));
  const endText = input.endip?.trim() || startText;
  const end = ipToNumber(endText);
  if (end === undefined) throw bad(message('error.ipRange.badEndIp', { ip: endText }));
  const cidrText = formatCidr(cidr);
  for (const [key, n, ip] of [
    ['error.ipRange.startIpOutside', start, startText],
    ['error.ipRange.endIpOutside', end, endText],
  ] as const) {
    if (!cidrContains(cidr, n)) throw bad(message(key, { ip, cidr: cidrText, gateway, netmask }));
  }
  if (start > end) {
    throw bad(message('error.pod.startAfterEnd', { startIp: startText, endIp: endText }));
  }
  const g = ipToNumber(gateway) as number;
  if (g >= start && g <= end) {
    throw bad(message('error.pod.gatewayInRange', { gateway, startIp: startText, endIp: endText }));
  }
  return { gateway, netmask, startIp: numberToIp(start), endIp: numberToIp(end), start, end };
}

/**
 * The checks against the rest of the zone, inside the transaction holding the zone's lock: no
 * overlap with another range nor a pod's reserved range; a subnet shared with ranges on the same
 * VLAN uses their gateway and netmask, and a public subnet is not shared across VLANs; a tagged
 * VLAN is outside every physical network's guest VLAN ranges.
 */
export async function checkAgainstZone(
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
  for (const other of ranges) {
    if (Number(other.start_num) <= range.end && range.start <= Number(other.end_num)) {
      throw bad(
        message('error.ipRange.overlapsRange', {
          startIp: range.startIp,
          endIp: range.endIp,
          otherStartIp: other.start_ip,
          otherEndIp: other.end_ip,
          vlan: other.vlan_tag,
          zone: zone.name,
        }),
      );
    }
  }
  for (const other of ranges) {
    const otherCidr = cidrFromGateway(other.gateway, other.netmask);
    if (!otherCidr || !cidrsOverlap(cidr, otherCidr)) continue;
    if (other.vlan_tag === range.tag) {
      if (other.gateway !== range.gateway || other.netmask !== range.netmask) {
        throw bad(
          message('error.ipRange.otherGateway', {
            vlan: other.vlan_tag,
            gateway: other.gateway,
            netmask: other.netmask,
            cidr: formatCidr(otherCidr),
          }),
        );
      }
    } else if (range.forVirtualNetwork || other.for_virtual_network) {
      throw bad(
        message('error.ipRange.subnetOverlaps', { vlan: other.vlan_tag, zone: zone.name, cidr: formatCidr(cidr) }),
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
        message('error.ipRange.overlapsPodRange', {
          startIp: range.startIp,
          endIp: range.endIp,
          podStartIp: p.start_ip,
          podEndIp: p.end_ip,
          pod: p.name,
        }),
      );
    }
  }
  if (range.tag !== 'untagged') await checkGuestVlans(trx, zone, range.tag);
}

/** A tagged VLAN may not be one the zone's physical networks hand out to guest networks. */
async function checkGuestVlans(trx: Db, zone: ZoneRow, tag: string): Promise<void> {
  const vlan = Number(tag.replace('vlan://', ''));
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
        message('error.ipRange.guestVlan', {
          vlan: String(vlan),
          zone: zone.name,
          guestVlans: String(n.vlan),
          network: n.name,
        }),
      );
    }
  }
}
