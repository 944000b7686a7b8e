/**
 * A zone as the planner takes it: what the zone wizard's draft and a Marvin datacenter
 * description both say, in one neutral shape. Text is taken as given (callers trim operator input
 * and leave optional values undefined); planZone (plan.ts) turns it into CloudStack calls.
 *
 * Every item that becomes calls has a `key`, unique within the spec: it names the item in
 * references between calls (the id of the item's resource is kept under its key), in call keys
 * and in call labels. The wizard uses its draft paths ("host.<uid>"), a Marvin import the item's
 * JSON path ("zones[0].pods[0].clusters[1]").
 */
import type { Params } from '../api';

export type NetworkType = Params<'createZone'>['networktype'];
export type TrafficTypeName = Params<'addTrafficType'>['traffictype'];

/** Network service providers the planner enables (CloudStack's names). */
export const PROVIDER_NAMES = ['VirtualRouter', 'VpcVirtualRouter', 'InternalLbVm', 'SecurityGroupProvider'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** Providers whose virtual router element is enabled before the provider itself. */
export const ROUTER_PROVIDERS: readonly ProviderName[] = ['VirtualRouter', 'VpcVirtualRouter'];

export interface Keyed {
  key: string;
}

/** CloudStack's <hypervisor>networklabel of a traffic type. */
export interface TrafficLabels {
  kvm?: string;
  vmware?: string;
  xen?: string;
  hyperv?: string;
  ovm3?: string;
}

export interface TrafficTypeSpec extends Keyed {
  type: TrafficTypeName;
  labels: TrafficLabels;
}

export interface ProviderSpec extends Keyed {
  name: ProviderName;
}

export interface PhysicalNetworkSpec extends Keyed {
  name: string;
  isolationmethods: string[];
  tags: string[];
  /** Guest VLAN range ("100-199,300"), set when the network is enabled. */
  vlan?: string;
  trafficTypes: TrafficTypeSpec[];
  providers: ProviderSpec[];
}

/** A public range of the zone or a guest range of a pod. */
export interface IpRangeSpec extends Keyed {
  gateway: string;
  netmask: string;
  startip: string;
  endip?: string;
  /** "50", "vlan://50", "untagged" or undefined (untagged). */
  vlan?: string;
}

export interface HostSpec extends Keyed {
  url: string;
  username?: string;
  password?: string;
  tags: string[];
}

/** One of CloudStack's `details[i].key/value` pairs (a type, so it fits the map parameters). */
export type Detail = { key: string; value: string };

export interface PrimaryStorageSpec extends Keyed {
  name: string;
  url: string;
  tags: string[];
  provider?: string;
  details: Detail[];
  /** Zone-wide pools: the hypervisor of the hosts that use it. */
  hypervisor?: string;
}

export interface ClusterSpec extends Keyed {
  name: string;
  hypervisor: string;
  /** CloudManaged unless told. */
  clustertype?: string;
  hosts: HostSpec[];
  /** Cluster-scoped pools. */
  primaryStorages: PrimaryStorageSpec[];
}

export interface PodSpec extends Keyed {
  name: string;
  gateway: string;
  netmask: string;
  startip: string;
  endip?: string;
  /** Basic zones (and Advanced zones with security groups): the pod's guest ranges. */
  guestRanges: IpRangeSpec[];
  clusters: ClusterSpec[];
}

export interface SecondaryStorageSpec extends Keyed {
  name?: string;
  url: string;
  /** NFS, Filesystem ...; object stores (S3, Swift) belong to the region, not the zone. */
  provider: string;
  details: Detail[];
}

export interface ZoneSpec extends Keyed {
  name: string;
  networktype: NetworkType;
  dns1: string;
  dns2?: string;
  internaldns1: string;
  internaldns2?: string;
  guestcidraddress?: string;
  /** The network domain. */
  domain?: string;
  /** Dedicated to this domain (its id). */
  domainid?: string;
  securitygroupenabled?: boolean;
  localstorageenabled?: boolean;
  physicalNetworks: PhysicalNetworkSpec[];
  pods: PodSpec[];
  publicRanges: IpRangeSpec[];
  /** Zone-wide primary storage. */
  primaryStorages: PrimaryStorageSpec[];
  secondaryStorages: SecondaryStorageSpec[];
  /** Enable the zone once everything is in place (zones are created Disabled). */
  enable: boolean;
}
