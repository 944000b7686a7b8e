import type {
  AllocationState,
  BroadcastDomainRange,
  NetworkType,
  PhysicalNetworkState,
  ProviderState,
  TrafficType as TrafficTypeName,
} from '../../domain/infrastructure';
import type {
  NetworkServiceProviderRow,
  PhysicalNetworkRow,
  TrafficTypeRow,
  VirtualRouterElementRow,
  ZoneRow,
} from '../../db/schema';
import { compact } from '../../api/schemas/fields';
import type {
  NetworkServiceProvider,
  PhysicalNetwork,
  TrafficType,
  VirtualRouterElement,
} from '../../api/schemas/physical-networks';
import type { Zone } from '../../api/schemas/zones';

export interface ZoneView extends ZoneRow {
  domain_uuid: string | null;
  domain_name: string | null;
}

/**
 * CloudStack's ZoneResponse. `full` is the root admin's view: internal DNS and the guest CIDR
 * are left out for everyone else, as CloudStack's restricted response view does.
 */
export function zoneResponse(z: ZoneView, full: boolean): Zone {
  return compact({
    id: z.uuid,
    name: z.name,
    description: z.description,
    // The zone columns hold only the values createZone/updateZone store; the column type is text.
    networktype: z.network_type as NetworkType,
    dns1: z.dns1,
    dns2: z.dns2,
    ip6dns1: z.ip6_dns1,
    ip6dns2: z.ip6_dns2,
    internaldns1: full ? z.internal_dns1 : undefined,
    internaldns2: full ? z.internal_dns2 : undefined,
    guestcidraddress: full ? z.guest_cidr : undefined,
    domain: z.network_domain,
    domainid: z.domain_uuid,
    domainname: z.domain_name,
    allocationstate: z.allocation_state as AllocationState,
    securitygroupsenabled: z.security_group_enabled === 1,
    localstorageenabled: z.local_storage_enabled === 1,
    dhcpprovider: 'VirtualRouter',
    type: 'Core',
  });
}

export interface PhysicalNetworkView extends PhysicalNetworkRow {
  zone_uuid: string;
  zone_name: string;
  domain_uuid: string | null;
}

/** CloudStack's PhysicalNetworkResponse. */
export function physicalNetworkResponse(n: PhysicalNetworkView): PhysicalNetwork {
  return compact({
    id: n.uuid,
    name: n.name,
    zoneid: n.zone_uuid,
    zonename: n.zone_name,
    vlan: n.vlan,
    isolationmethods: n.isolation_methods,
    tags: n.tags,
    networkspeed: n.speed,
    // The service stores only the declared ranges and states; the column types are text.
    broadcastdomainrange: n.broadcast_domain_range as BroadcastDomainRange,
    domainid: n.domain_uuid,
    state: n.state as PhysicalNetworkState,
  });
}

/** CloudStack's TrafficTypeResponse. */
export function trafficTypeResponse(t: TrafficTypeRow, physicalNetworkUuid: string): TrafficType {
  return compact({
    id: t.uuid,
    // addTrafficType and zone enabling store only TRAFFIC_TYPES; the column type is text.
    traffictype: t.traffic_type as TrafficTypeName,
    physicalnetworkid: physicalNetworkUuid,
    kvmnetworklabel: t.kvm_label,
    vmwarenetworklabel: t.vmware_label,
    xennetworklabel: t.xen_label,
    hypervnetworklabel: t.hyperv_label,
    ovm3networklabel: t.ovm3_label,
    vlan: t.vlan,
  });
}

/** Providers whose set of services may be changed one by one (CloudStack's canEnableIndividualServices). */
export const INDIVIDUAL_SERVICE_PROVIDERS: ReadonlySet<string> = new Set(['VirtualRouter', 'VpcVirtualRouter']);

/** CloudStack's ProviderResponse (listNetworkServiceProviders). */
export function providerResponse(
  p: NetworkServiceProviderRow,
  physicalNetworkUuid: string,
  destinationUuid: string | null,
): NetworkServiceProvider {
  return compact({
    id: p.uuid,
    name: p.name,
    physicalnetworkid: physicalNetworkUuid,
    destinationphysicalnetworkid: destinationUuid,
    // The provider service stores only PROVIDER_STATES; the column type is text.
    state: p.state as ProviderState,
    servicelist: p.services.length === 0 ? [] : p.services.split(','),
    canenableindividualservice: INDIVIDUAL_SERVICE_PROVIDERS.has(p.name),
  });
}

/** CloudStack's VirtualRouterProviderResponse. */
export function virtualRouterElementResponse(e: VirtualRouterElementRow, providerUuid: string): VirtualRouterElement {
  return { id: e.uuid, nspid: providerUuid, enabled: e.enabled === 1 };
}
