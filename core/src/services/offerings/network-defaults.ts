import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  CHOOSABLE_CAPABILITIES,
  defaultProviderOf,
  type GuestIpType,
  type NetworkService,
} from '../../domain/network-offerings';
import type { Database } from '../../db/schema';

/**
 * The network offerings CloudStack's ConfigurationServerImpl creates on its first start (those
 * outside VPCs and without external devices), named as CloudStack names them, Enabled and default.
 * Created with the other default offerings, under the same set-up lock (defaults.ts).
 */

interface DefaultNetworkOffering {
  name: string;
  displayText: string;
  guestType: GuestIpType;
  specify: boolean;
  availability: 'Optional' | 'Required';
  services: readonly NetworkService[];
}

const BASIC: readonly NetworkService[] = ['Dhcp', 'Dns', 'UserData'];

export const DEFAULT_NETWORK_OFFERINGS: readonly DefaultNetworkOffering[] = [
  {
    name: 'DefaultSharedNetworkOfferingWithSGService',
    displayText: 'Offering for Shared Security group enabled networks',
    guestType: 'Shared',
    specify: true,
    availability: 'Optional',
    services: [...BASIC, 'SecurityGroup'],
  },
  {
    name: 'DefaultSharedNetworkOffering',
    displayText: 'Offering for Shared networks',
    guestType: 'Shared',
    specify: true,
    availability: 'Optional',
    services: BASIC,
  },
  {
    name: 'DefaultIsolatedNetworkOfferingWithSourceNatService',
    displayText: 'Offering for Isolated networks with Source Nat service enabled',
    guestType: 'Isolated',
    specify: false,
    availability: 'Required',
    services: [
      'Vpn',
      'Dhcp',
      'Dns',
      'SourceNat',
      'PortForwarding',
      'Lb',
      'UserData',
      'StaticNat',
      'Firewall',
      'Gateway',
    ],
  },
  {
    name: 'DefaultIsolatedNetworkOffering',
    displayText: 'Offering for Isolated networks with no Source Nat service',
    guestType: 'Isolated',
    specify: true,
    availability: 'Optional',
    services: BASIC,
  },
];

/** The default network offerings a database lacks, deleted ones counted as present. */
export async function missingNetworkOfferings(db: Kysely<Database>): Promise<DefaultNetworkOffering[]> {
  const rows = await db
    .selectFrom('network_offerings')
    .select('unique_name')
    .where('unique_name', 'is not', null)
    .execute();
  const present = new Set(rows.map((r) => r.unique_name));
  return DEFAULT_NETWORK_OFFERINGS.filter((o) => !present.has(o.name));
}

/** Creates these default network offerings with their services (inside the caller's transaction). */
export async function insertNetworkOfferings(
  db: Kysely<Database>,
  offerings: readonly DefaultNetworkOffering[],
  now: string,
): Promise<number> {
  for (const o of offerings) {
    const has = (s: NetworkService) => o.services.includes(s);
    const { id } = await db
      .insertInto('network_offerings')
      .values({
        uuid: crypto.randomUUID(),
        name: o.name,
        unique_name: o.name,
        display_text: o.displayText,
        traffic_type: 'Guest',
        guest_ip_type: o.guestType,
        specify_vlan: o.specify ? 1 : 0,
        specify_ip_ranges: o.specify ? 1 : 0,
        conserve_mode: 1,
        egress_default_policy: 1,
        network_rate: null,
        availability: o.availability,
        is_persistent: 0,
        for_vpc: 0,
        source_nat_type: has('SourceNat') ? CHOOSABLE_CAPABILITIES.SourceNat.default : null,
        lb_isolation: has('Lb') ? CHOOSABLE_CAPABILITIES.Lb.default : null,
        tags: null,
        is_default: 1,
        sort_key: 0,
        state: 'Enabled',
        created: now,
        removed: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('network_offering_services')
      .values(o.services.map((service) => ({ offering_id: id, service, provider: defaultProviderOf(service) })))
      .execute();
  }
  return offerings.length;
}
