import {
  PROVIDER_NAMES,
  splitTags,
  type IpRangeSpec,
  type PhysicalNetworkSpec,
  type PodSpec,
  type PrimaryStorageSpec,
  type ProviderName,
  type ProviderSpec,
  type ZoneSpec,
} from '../../contract/zone-plan';
import type {
  MarvinCluster,
  MarvinIpRange,
  MarvinPhysicalNetwork,
  MarvinPod,
  MarvinPrimaryStorage,
  MarvinZone,
} from './marvin-config';

/**
 * A zone of a Marvin description as the zone planner takes it (contract/zone-plan). Each item's
 * key is its JSON path ("zones[0].pods[1]"), so call labels and dry-run references name the part
 * of the description they come from. What this build cannot do is left out with a warning, as
 * Marvin's deployDataCenter would skip or fail it.
 */

const PROVIDER_CASE = new Map<string, ProviderName | 'ConfigDrive'>(
  [...PROVIDER_NAMES, 'ConfigDrive' as const].map((n) => [n.toLowerCase(), n]),
);

const tagsOf = (text: string | undefined) => (text === undefined ? [] : splitTags(text));

function providersOf(pn: MarvinPhysicalNetwork, at: string, warnings: string[]): ProviderSpec[] {
  const out: ProviderSpec[] = [];
  pn.providers.forEach((provider, ri) => {
    const pat = `${at}.providers[${ri}]`;
    const name = PROVIDER_CASE.get(provider.name.toLowerCase());
    if (name === undefined) {
      warnings.push(`${pat}: network service provider ${provider.name} is not supported by this build; skipped`);
      return;
    }
    if (provider.hasDevices) warnings.push(`${pat}.devices: external devices are not supported; ignored`);
    if (name === 'ConfigDrive') {
      warnings.push(`${pat}: Marvin does not configure ${name}; it is left as created`);
      return;
    }
    if (name === 'InternalLbVm') {
      warnings.push(
        `${pat}: the internal load balancer element cannot be configured in this build; the provider is enabled without it`,
      );
    }
    out.push({ key: pat, name });
  });
  return out;
}

function networkOf(pn: MarvinPhysicalNetwork, at: string, warnings: string[]): PhysicalNetworkSpec {
  return {
    key: at,
    name: pn.name,
    // Like Marvin, the broadcast domain range is left to CloudStack's default (Pod in Basic zones, Zone otherwise).
    isolationmethods: pn.isolationmethods,
    tags: pn.tags,
    vlan: pn.vlan,
    trafficTypes: pn.traffictypes.map((tt, ti) => ({
      key: `${at}.traffictypes[${ti}]`,
      type: tt.typ,
      labels: { kvm: tt.kvm, xen: tt.xen, vmware: tt.vmware, hyperv: tt.hyperv, ovm3: tt.ovm3 },
    })),
    providers: providersOf(pn, at, warnings),
  };
}

const rangeOf = (range: MarvinIpRange, key: string): IpRangeSpec => ({ key, ...range });

function poolOf(storage: MarvinPrimaryStorage, key: string, hypervisor?: string): PrimaryStorageSpec {
  const { name, url, provider, details } = storage;
  return { key, name, url, provider, details, tags: tagsOf(storage.tags), hypervisor };
}

/** A cluster's pools: cluster-scoped ones stay, zone-scoped ones join the zone's (returned apart). */
function clusterOf(cluster: MarvinCluster, at: string, zonePools: PrimaryStorageSpec[]) {
  const pools: PrimaryStorageSpec[] = [];
  cluster.primaryStorages.forEach((storage, si) => {
    const key = `${at}.primaryStorages[${si}]`;
    if (storage.scope === 'zone') zonePools.push(poolOf(storage, key, storage.hypervisor ?? cluster.hypervisor));
    else pools.push(poolOf(storage, key));
  });
  return {
    key: at,
    name: cluster.clustername,
    hypervisor: cluster.hypervisor,
    clustertype: cluster.clustertype,
    hosts: cluster.hosts.map((host, hi) => ({
      key: `${at}.hosts[${hi}]`,
      url: host.url,
      username: host.username,
      password: host.password,
      tags: tagsOf(host.hosttags),
    })),
    primaryStorages: pools,
  };
}

function podOf(zone: MarvinZone, pod: MarvinPod, at: string, zonePools: PrimaryStorageSpec[], warnings: string[]) {
  // Marvin adds pod guest ranges where the zone has a shared guest network: Basic, or Advanced with security groups.
  const shared = zone.networktype === 'Basic' || zone.securitygroupenabled;
  if (pod.guestIpRanges.length > 0 && !shared) {
    warnings.push(`${at}.guestIpRanges: pod guest ranges apply to Basic zones only; ignored`);
  }
  const spec: PodSpec = {
    key: at,
    name: pod.name,
    gateway: pod.gateway,
    netmask: pod.netmask,
    startip: pod.startip,
    endip: pod.endip,
    guestRanges: shared ? pod.guestIpRanges.map((r, gi) => rangeOf(r, `${at}.guestIpRanges[${gi}]`)) : [],
    clusters: pod.clusters.map((c, ci) => clusterOf(c, `${at}.clusters[${ci}]`, zonePools)),
  };
  return spec;
}

/** Public ranges: Advanced zones without security groups, and Basic zones with Public traffic (EIP/ELB). */
function publicRangesOf(zone: MarvinZone, zoneRef: string, warnings: string[]): IpRangeSpec[] {
  const basic = zone.networktype === 'Basic';
  const publicTraffic = zone.physical_networks.some((pn) => pn.traffictypes.some((t) => t.typ === 'Public'));
  const out: IpRangeSpec[] = [];
  zone.ipranges.forEach((range, ri) => {
    const at = `${zoneRef}.ipranges[${ri}]`;
    if (basic ? publicTraffic : !zone.securitygroupenabled) out.push(rangeOf(range, at));
    else if (basic) warnings.push(`${at}: a Basic zone without Public traffic has no public ranges; ignored`);
    else {
      warnings.push(
        `${at}: the shared security-group network of an Advanced zone is not created by this build; range ignored`,
      );
    }
  });
  return out;
}

/** The zone of `zones[i]` (`zoneRef`) as a ZoneSpec; what is skipped goes to `warnings`. */
export function zoneSpecOf(zone: MarvinZone, zoneRef: string, warnings: string[]): ZoneSpec {
  const physicalNetworks = zone.physical_networks.map((pn, pi) =>
    networkOf(pn, `${zoneRef}.physical_networks[${pi}]`, warnings),
  );
  // Zone-scoped storage found inside clusters comes first, then the zone's own.
  const zonePools: PrimaryStorageSpec[] = [];
  const pods = zone.pods.map((pod, pi) => podOf(zone, pod, `${zoneRef}.pods[${pi}]`, zonePools, warnings));
  const publicRanges = publicRangesOf(zone, zoneRef, warnings);
  // Clusters of the zone share one hypervisor in most descriptions: zone-wide storage defaults to it.
  const hypervisors = new Set(zone.pods.flatMap((p) => p.clusters.map((c) => c.hypervisor)));
  const zoneHypervisor = hypervisors.size === 1 ? [...hypervisors][0] : undefined;
  zone.primaryStorages.forEach((storage, si) => {
    zonePools.push(poolOf(storage, `${zoneRef}.primaryStorages[${si}]`, storage.hypervisor ?? zoneHypervisor));
  });
  if (!zone.enabled) warnings.push(`${zoneRef}.enabled: false; the zone is left Disabled`);
  return {
    key: zoneRef,
    name: zone.name,
    networktype: zone.networktype,
    // Marvin may leave them out: the call then goes without, and createZone says what is missing.
    dns1: zone.dns1 ?? '',
    dns2: zone.dns2,
    internaldns1: zone.internaldns1 ?? '',
    internaldns2: zone.internaldns2,
    // Marvin leaves the guest CIDR out of security-group zones.
    guestcidraddress: zone.securitygroupenabled ? undefined : zone.guestcidraddress,
    domain: zone.domain,
    securitygroupenabled: zone.securitygroupenabled,
    localstorageenabled: zone.localstorageenabled,
    physicalNetworks,
    pods,
    publicRanges,
    primaryStorages: zonePools,
    secondaryStorages: zone.secondaryStorages.map((store, si) => ({
      key: `${zoneRef}.secondaryStorages[${si}]`,
      ...store,
    })),
    enable: zone.enabled,
  };
}
