import type { Kysely } from 'kysely';
import { invalidParameter } from '../../domain/errors';
import { cidrContains, cidrFromGateway, cidrsOverlap, formatCidr, ipToNumber, numberToIp } from '../../contract/ipv4';
import { parseVlanRanges } from '../../domain/vlan-ranges';
import type { Database, ZoneRow } from '../../db/schema';
import type { CreateVlanIpRangeInput } from '../../api/schemas/vlan-ip-ranges';

/**
 * The address checks of createVlanIpRange: the range on its own (addresses, gateway and
 * netmask), then against the rest of its zone (other ranges, pods' reserved ranges, guest VLANs).
 */

type Db = Kysely<Database>;

export const bad = (message: string) => invalidParameter('VLAN.INVALID', message);

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
