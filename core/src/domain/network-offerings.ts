/** Network offerings: the values CloudStack takes and reports for them (NetworkOffering, Network.Service). */
import { DEFAULT_PROVIDERS } from './infrastructure';

/** The guest networks an offering makes (CloudStack's Network.GuestType, without L2 for now). */
export const GUEST_IP_TYPES = ['Isolated', 'Shared'] as const;
export type GuestIpType = (typeof GUEST_IP_TYPES)[number];

/** The only traffic type a network offering made through the API carries (CloudStack refuses others). */
export const NETWORK_OFFERING_TRAFFIC_TYPE = 'Guest';

/** Whether networks must use the offering (CloudStack's NetworkOffering.Availability). */
export const AVAILABILITIES = ['Optional', 'Required'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** A network offering's state (NetworkOffering.State); a new one starts Disabled. */
export const NETWORK_OFFERING_STATES = ['Enabled', 'Disabled'] as const;
export type NetworkOfferingState = (typeof NETWORK_OFFERING_STATES)[number];

/** The services of CloudStack's Network.Service that an offering may name. */
export const NETWORK_SERVICES = [
  'Vpn',
  'Dhcp',
  'Dns',
  'SourceNat',
  'PortForwarding',
  'Lb',
  'UserData',
  'StaticNat',
  'NetworkACL',
  'Firewall',
  'Gateway',
  'SecurityGroup',
] as const;
export type NetworkService = (typeof NETWORK_SERVICES)[number];

/** The providers that serve VPC tiers only: an offering for a VPC (forvpc) is not supported yet. */
export const VPC_ONLY_PROVIDERS: readonly string[] = ['VpcVirtualRouter', 'InternalLbVm'];

/** The services each provider offers (the same list physical networks get their providers with). */
export const PROVIDER_SERVICES = DEFAULT_PROVIDERS;

/** The provider a service gets when the offering names none, as CloudStack picks it. */
export function defaultProviderOf(service: NetworkService): string {
  if (service === 'SecurityGroup') return 'SecurityGroupProvider';
  if (service === 'NetworkACL') return 'VpcVirtualRouter';
  return 'VirtualRouter';
}

/** SourceNat's capability SupportedSourceNatTypes: one public address per account or per zone. */
export const SOURCE_NAT_TYPES = ['peraccount', 'perzone'] as const;
export type SourceNatType = (typeof SOURCE_NAT_TYPES)[number];

/** Lb's capability SupportedLBIsolation: a load balancer of the network's own or a shared one. */
export const LB_ISOLATIONS = ['dedicated', 'shared'] as const;
export type LbIsolation = (typeof LB_ISOLATIONS)[number];

/** The capabilities an offering may choose (serviceCapabilityList), by service. */
export const CHOOSABLE_CAPABILITIES = {
  SourceNat: { name: 'SupportedSourceNatTypes', values: SOURCE_NAT_TYPES, default: 'peraccount' },
  Lb: { name: 'SupportedLBIsolation', values: LB_ISOLATIONS, default: 'dedicated' },
} as const;
export type CapabilityService = keyof typeof CHOOSABLE_CAPABILITIES;
