/** Wire shapes of the physical model, as CloudStack names them (COMMON.md wire contract). */

export interface Zone {
  id: string;
  name: string;
  description?: string;
  networktype?: string;
  dns1?: string;
  dns2?: string;
  ip6dns1?: string;
  ip6dns2?: string;
  internaldns1?: string;
  internaldns2?: string;
  guestcidraddress?: string;
  domain?: string;
  domainid?: string;
  domainname?: string;
  allocationstate?: string;
  securitygroupsenabled?: boolean;
  localstorageenabled?: boolean;
  dhcpprovider?: string;
  type?: string;
}

export interface PodIpRange {
  startip: string;
  endip: string;
  gateway?: string;
  forsystemvms?: string | boolean;
  vlanid?: string;
}

export interface Pod {
  id: string;
  name: string;
  zoneid: string;
  zonename?: string;
  gateway?: string;
  netmask?: string;
  startip?: string[] | string;
  endip?: string[] | string;
  allocationstate?: string;
  ipranges?: PodIpRange[];
}

export interface Cluster {
  id: string;
  name: string;
  podid?: string;
  podname?: string;
  zoneid?: string;
  zonename?: string;
  hypervisortype?: string;
  clustertype?: string;
  allocationstate?: string;
  managedstate?: string;
  cpuovercommitratio?: string;
  memoryovercommitratio?: string;
  arch?: string;
}

export interface Host {
  id: string;
  name: string;
  state?: string;
  resourcestate?: string;
  type?: string;
  zoneid?: string;
  zonename?: string;
  podid?: string;
  podname?: string;
  clusterid?: string;
  clustername?: string;
  clustertype?: string;
  hypervisor?: string;
  hypervisorversion?: string;
  ipaddress?: string;
  cpunumber?: number;
  cpusockets?: number;
  cpuspeed?: number;
  cpuallocated?: string;
  cpuallocatedvalue?: number;
  cpuallocatedpercentage?: string;
  cpuused?: string;
  cpuwithoverprovisioning?: string;
  memorytotal?: number;
  memoryallocated?: number;
  memoryallocatedpercentage?: string;
  memoryused?: number;
  memorywithoverprovisioning?: string;
  hosttags?: string;
  capabilities?: string;
  arch?: string;
  lastpinged?: string;
  created?: string;
  disconnected?: string;
  managementserverid?: string;
}

export interface StoragePool {
  id: string;
  name: string;
  zoneid?: string;
  zonename?: string;
  podid?: string;
  podname?: string;
  clusterid?: string;
  clustername?: string;
  ipaddress?: string;
  path?: string;
  type?: string;
  scope?: string;
  state?: string;
  disksizetotal?: number;
  disksizeused?: number;
  disksizeallocated?: number;
  capacityiops?: number;
  tags?: string;
  hypervisor?: string;
  provider?: string;
  overprovisionfactor?: string;
  created?: string;
}

export interface ImageStore {
  id: string;
  name: string;
  zoneid?: string;
  zonename?: string;
  protocol?: string;
  providername?: string;
  scope?: string;
  url?: string;
  readonly?: boolean;
  disksizetotal?: number;
  disksizeused?: number;
}

export interface PhysicalNetwork {
  id: string;
  name: string;
  zoneid?: string;
  zonename?: string;
  vlan?: string;
  isolationmethods?: string;
  tags?: string;
  networkspeed?: string;
  broadcastdomainrange?: string;
  domainid?: string;
  state?: string;
}

export interface TrafficType {
  id: string;
  traffictype: string;
  physicalnetworkid?: string;
  kvmnetworklabel?: string;
  vmwarenetworklabel?: string;
  xennetworklabel?: string;
  hypervnetworklabel?: string;
  ovm3networklabel?: string;
}

export interface NetworkServiceProvider {
  id: string;
  name: string;
  physicalnetworkid?: string;
  destinationphysicalnetworkid?: string;
  state?: string;
  servicelist?: string[];
  canenableindividualservice?: boolean;
}

export interface VirtualRouterElement {
  id: string;
  nspid?: string;
  enabled?: boolean;
}

export interface VlanIpRange {
  id: string;
  forvirtualnetwork?: boolean;
  zoneid?: string;
  vlan?: string;
  account?: string;
  domainid?: string;
  domain?: string;
  podid?: string;
  podname?: string;
  gateway?: string;
  netmask?: string;
  cidr?: string;
  startip?: string;
  endip?: string;
  networkid?: string;
  physicalnetworkid?: string;
  forsystemvms?: boolean;
  description?: string;
}

/** Any entity with an id and a name: what the generic list and detail pieces need. */
export interface Named {
  id: string;
  name: string;
}
