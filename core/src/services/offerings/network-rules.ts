import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import {
  CHOOSABLE_CAPABILITIES,
  defaultProviderOf,
  NETWORK_SERVICES,
  PROVIDER_SERVICES,
  VPC_ONLY_PROVIDERS,
  type CapabilityService,
  type GuestIpType,
  type NetworkService,
} from '../../domain/network-offerings';
import { oneOfIgnoringCase } from '../../domain/offerings';
import type { CreateNetworkOfferingInput } from '../../api/schemas/network-offerings';

/**
 * What createNetworkOffering checks about an offering's services, as CloudStack's
 * ConfigurationManagerImpl does, each refusal a 431: the services and providers named, which
 * provider serves each, the capabilities chosen, and what the guest type allows.
 */

const bad = (code: string, m: ReturnType<typeof message>) => invalidParameter(`NETWORK_OFFERING.${code}`, m);

/** The services of an offering and the provider of each, with the capabilities it chose. */
export interface OfferingServices {
  providers: Map<NetworkService, string>;
  source_nat_type: string | null;
  lb_isolation: string | null;
}

/** A service by name, ignoring case, or CloudStack's 431 "Invalid service". */
export function serviceNamed(text: string): NetworkService {
  const service = oneOfIgnoringCase(NETWORK_SERVICES, text);
  if (!service) throw bad('SERVICE', message('error.networkOffering.badService', { value: text }));
  return service;
}

/** A provider by name (ignoring case), checked to serve the service outside VPCs. */
function providerFor(service: NetworkService, text: string): string {
  const provider = Object.keys(PROVIDER_SERVICES).find((p) => p.toLowerCase() === text.trim().toLowerCase());
  if (!provider) throw bad('PROVIDER', message('error.networkOffering.badProvider', { value: text }));
  if (VPC_ONLY_PROVIDERS.includes(provider))
    throw bad('VPC', message('error.networkOffering.vpcProvider', { provider }));
  if (!PROVIDER_SERVICES[provider]?.includes(service)) {
    throw bad('PROVIDER_SERVICE', message('error.networkOffering.providerNotForService', { provider, service }));
  }
  return provider;
}

type MapEntries = readonly Record<string, string>[] | undefined;

/** The entries of a map parameter, each with these keys. */
function entriesOf(param: string, entries: MapEntries, keys: readonly string[]): Record<string, string>[] {
  const list = [...(entries ?? [])];
  for (const e of list) {
    if (keys.some((k) => e[k] === undefined || e[k].trim() === '')) {
      throw bad('MAP_ENTRY', message('error.networkOffering.mapEntry', { param, keys: keys.join(', ') }));
    }
  }
  return list;
}

/** supportedservices with serviceproviderlist: each service once, with its provider (or the default one). */
function providersOf(input: CreateNetworkOfferingInput): Map<NetworkService, string> {
  const providers = new Map<NetworkService, string>();
  const services = new Set((input.supportedservices ?? []).map(serviceNamed));
  for (const entry of entriesOf('serviceproviderlist', input.serviceproviderlist, ['service', 'provider'])) {
    const service = serviceNamed(entry.service!);
    if (!services.has(service)) {
      throw bad('PROVIDER_WITHOUT_SERVICE', message('error.networkOffering.providerWithoutService', { service }));
    }
    const provider = providerFor(service, entry.provider!);
    const other = providers.get(service);
    if (other !== undefined && other !== provider) {
      throw bad(
        'TWO_PROVIDERS',
        message('error.networkOffering.twoProviders', { service, provider: other, other: provider }),
      );
    }
    providers.set(service, provider);
  }
  for (const service of services) {
    if (!providers.has(service)) providers.set(service, providerFor(service, defaultProviderOf(service)));
  }
  return providers;
}

/** servicecapabilitylist: SourceNat's source NAT type and Lb's isolation, with their defaults. */
function capabilitiesOf(input: CreateNetworkOfferingInput, providers: Map<NetworkService, string>) {
  const chosen: Partial<Record<CapabilityService, string>> = {};
  const keys = ['service', 'capabilitytype', 'capabilityvalue'] as const;
  for (const entry of entriesOf('servicecapabilitylist', input.servicecapabilitylist, keys)) {
    const service = serviceNamed(entry.service!);
    const capability = entry.capabilitytype!.trim();
    const rule = service in CHOOSABLE_CAPABILITIES ? CHOOSABLE_CAPABILITIES[service as CapabilityService] : undefined;
    if (!rule || rule.name.toLowerCase() !== capability.toLowerCase()) {
      throw bad('CAPABILITY', message('error.networkOffering.badCapability', { service, capability }));
    }
    if (!providers.has(service)) {
      throw bad(
        'CAPABILITY_WITHOUT_SERVICE',
        message('error.networkOffering.capabilityWithoutService', { service, capability: rule.name }),
      );
    }
    const value = oneOfIgnoringCase(rule.values, entry.capabilityvalue!);
    if (!value) {
      throw bad(
        'CAPABILITY_VALUE',
        message('error.networkOffering.badCapabilityValue', {
          value: entry.capabilityvalue!,
          capability: rule.name,
          values: rule.values.join(', '),
        }),
      );
    }
    chosen[service as CapabilityService] = value;
  }
  return {
    source_nat_type: providers.has('SourceNat') ? (chosen.SourceNat ?? CHOOSABLE_CAPABILITIES.SourceNat.default) : null,
    lb_isolation: providers.has('Lb') ? (chosen.Lb ?? CHOOSABLE_CAPABILITIES.Lb.default) : null,
  };
}

/** The offering's services, providers and capabilities, checked against its guest type. */
export function servicesOf(input: CreateNetworkOfferingInput, guestType: GuestIpType): OfferingServices {
  const providers = providersOf(input);
  if (providers.has('SourceNat') && guestType !== 'Isolated') {
    throw bad('SOURCE_NAT', message('error.networkOffering.sourceNatNotIsolated', {}));
  }
  if (providers.has('SecurityGroup') && guestType !== 'Shared') {
    throw bad('SECURITY_GROUP', message('error.networkOffering.securityGroupNotShared', {}));
  }
  return { providers, ...capabilitiesOf(input, providers) };
}

/** The flags of an offering, with CloudStack's defaults and the checks its guest type brings. */
export function flagsOf(input: CreateNetworkOfferingInput, guestType: GuestIpType, services: OfferingServices) {
  if (input.forvpc) throw bad('VPC', message('error.networkOffering.forVpc', {}));
  const shared = guestType === 'Shared';
  const specifyVlan = input.specifyvlan ?? false;
  const specifyIpRanges = input.specifyipranges ?? false;
  if (shared && !specifyVlan) throw bad('SPECIFY_VLAN', message('error.networkOffering.sharedSpecifyVlan', {}));
  if (shared && !specifyIpRanges) {
    throw bad('SPECIFY_IP_RANGES', message('error.networkOffering.sharedSpecifyIpRanges', {}));
  }
  if (!shared && specifyIpRanges && services.providers.has('SourceNat')) {
    throw bad('SPECIFY_IP_RANGES', message('error.networkOffering.ipRangesWithSourceNat', {}));
  }
  if (shared && input.egressdefaultpolicy !== undefined) {
    throw bad('EGRESS', message('error.networkOffering.egressNotIsolated', {}));
  }
  if (shared && input.ispersistent) throw bad('PERSISTENT', message('error.networkOffering.persistentNotIsolated', {}));
  if (input.networkrate !== undefined && input.networkrate < 0) {
    throw bad('NETWORK_RATE', message('error.networkOffering.negativeNetworkRate', { value: input.networkrate }));
  }
  const availability = input.availability ?? 'Optional';
  if (availability === 'Required' && !(guestType === 'Isolated' && services.providers.has('SourceNat'))) {
    throw bad('AVAILABILITY', message('error.networkOffering.requiredNeedsSourceNat', {}));
  }
  return {
    specify_vlan: specifyVlan ? 1 : 0,
    specify_ip_ranges: specifyIpRanges ? 1 : 0,
    conserve_mode: input.conservemode === false ? 0 : 1,
    egress_default_policy: input.egressdefaultpolicy === false ? 0 : 1,
    network_rate: input.networkrate ?? null,
    availability,
    is_persistent: input.ispersistent ? 1 : 0,
    for_vpc: 0,
  };
}
