/** Names and codes of the physical model, as CloudStack spells them. */

export const NETWORK_TYPES = ['Basic', 'Advanced'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

export {
  ALLOCATION_STATES,
  HOST_RESOURCE_STATES,
  HOST_STATUSES,
  STORAGE_POOL_STATUSES,
  type AllocationState,
  type HostResourceState,
  type HostStatus,
  type StoragePoolStatus,
} from '../contract/states';

/** Hypervisor names as CloudStack returns them; input is matched case-insensitively. */
export const HYPERVISORS = ['Simulator', 'KVM'] as const;
export type Hypervisor = (typeof HYPERVISORS)[number];

export function canonicalHypervisor(text: string): Hypervisor | undefined {
  return HYPERVISORS.find((h) => h.toLowerCase() === text.trim().toLowerCase());
}

export const CLUSTER_TYPES = ['CloudManaged', 'ExternalManaged'] as const;

export const TRAFFIC_TYPES = ['Guest', 'Management', 'Public', 'Storage'] as const;
export type TrafficType = (typeof TRAFFIC_TYPES)[number];

export const ISOLATION_METHODS = [
  'VLAN',
  'L3',
  'GRE',
  'STT',
  'VXLAN',
  'VNS',
  'BCF_SEGMENT',
  'SSP',
  'ODL',
  'L3VPN',
  'VSP',
  'VCS',
] as const;

/** Network service providers created with every physical network, and the services each offers. */
export const DEFAULT_PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  VirtualRouter: [
    'Dhcp',
    'Dns',
    'UserData',
    'SourceNat',
    'StaticNat',
    'PortForwarding',
    'Firewall',
    'Lb',
    'Vpn',
    'Gateway',
  ],
  VpcVirtualRouter: [
    'Dhcp',
    'Dns',
    'UserData',
    'SourceNat',
    'StaticNat',
    'PortForwarding',
    'Lb',
    'Vpn',
    'NetworkACL',
    'Gateway',
  ],
  InternalLbVm: ['Lb'],
  SecurityGroupProvider: ['SecurityGroup'],
  ConfigDrive: ['UserData'],
};

/** CloudStack capacity types (com.cloud.capacity.Capacity), with the names listCapacity returns. */
export const CAPACITY_TYPES = {
  MEMORY: 0,
  CPU: 1,
  STORAGE: 2,
  STORAGE_ALLOCATED: 3,
  VIRTUAL_NETWORK_PUBLIC_IP: 4,
  PRIVATE_IP: 5,
  SECONDARY_STORAGE: 6,
  VLAN: 7,
  DIRECT_ATTACHED_PUBLIC_IP: 8,
  LOCAL_STORAGE: 9,
  CPU_CORE: 90,
} as const;
export type CapacityTypeName = keyof typeof CAPACITY_TYPES;

export function capacityTypeName(type: number): CapacityTypeName | undefined {
  return (Object.keys(CAPACITY_TYPES) as CapacityTypeName[]).find((k) => CAPACITY_TYPES[k] === type);
}

/** CloudStack alert types (org.apache.cloudstack.alert.AlertService.AlertType) used so far. */
export const ALERT_TYPES = {
  ALERT_TYPE_MEMORY: 0,
  ALERT_TYPE_CPU: 1,
  ALERT_TYPE_STORAGE: 2,
  ALERT_TYPE_STORAGE_ALLOCATED: 3,
  ALERT_TYPE_VIRTUAL_NETWORK_PUBLIC_IP: 4,
  ALERT_TYPE_PRIVATE_IP: 5,
  ALERT_TYPE_SECONDARY_STORAGE: 6,
  ALERT_TYPE_HOST: 7,
  ALERT_TYPE_USERVM: 8,
  ALERT_TYPE_DOMAIN_ROUTER: 9,
  ALERT_TYPE_CONSOLE_PROXY: 10,
  ALERT_TYPE_ROUTING: 11,
  ALERT_TYPE_STORAGE_MISC: 12,
  ALERT_TYPE_USAGE_SERVER: 13,
  ALERT_TYPE_MANAGMENT_NODE: 14,
  ALERT_TYPE_DOMAIN_ROUTER_MIGRATE: 15,
  ALERT_TYPE_CONSOLE_PROXY_MIGRATE: 16,
  ALERT_TYPE_USERVM_MIGRATE: 17,
  ALERT_TYPE_VLAN: 18,
  ALERT_TYPE_SSVM: 19,
  ALERT_TYPE_USAGE_SERVER_RESULT: 20,
  ALERT_TYPE_STORAGE_DELETE: 21,
  ALERT_TYPE_UPDATE_RESOURCE_COUNT: 22,
  ALERT_TYPE_USAGE_SANITY_RESULT: 23,
  ALERT_TYPE_DIRECT_ATTACHED_PUBLIC_IP: 24,
  ALERT_TYPE_LOCAL_STORAGE: 25,
  ALERT_TYPE_RESOURCE_LIMIT_EXCEEDED: 26,
  ALERT_TYPE_SYNC: 27,
  ALERT_TYPE_UPLOAD_FAILED: 28,
  ALERT_TYPE_OOBM_AUTH_ERROR: 29,
} as const;

/** Which alert a capacity type raises when it crosses its threshold. */
export const CAPACITY_ALERT_TYPE: Readonly<Partial<Record<number, number>>> = {
  [CAPACITY_TYPES.MEMORY]: ALERT_TYPES.ALERT_TYPE_MEMORY,
  [CAPACITY_TYPES.CPU]: ALERT_TYPES.ALERT_TYPE_CPU,
  [CAPACITY_TYPES.STORAGE]: ALERT_TYPES.ALERT_TYPE_STORAGE,
  [CAPACITY_TYPES.STORAGE_ALLOCATED]: ALERT_TYPES.ALERT_TYPE_STORAGE_ALLOCATED,
  [CAPACITY_TYPES.VIRTUAL_NETWORK_PUBLIC_IP]: ALERT_TYPES.ALERT_TYPE_VIRTUAL_NETWORK_PUBLIC_IP,
  [CAPACITY_TYPES.PRIVATE_IP]: ALERT_TYPES.ALERT_TYPE_PRIVATE_IP,
  [CAPACITY_TYPES.SECONDARY_STORAGE]: ALERT_TYPES.ALERT_TYPE_SECONDARY_STORAGE,
  [CAPACITY_TYPES.VLAN]: ALERT_TYPES.ALERT_TYPE_VLAN,
  [CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP]: ALERT_TYPES.ALERT_TYPE_DIRECT_ATTACHED_PUBLIC_IP,
  [CAPACITY_TYPES.LOCAL_STORAGE]: ALERT_TYPES.ALERT_TYPE_LOCAL_STORAGE,
};

/** Operations a Simulator host performs; configureSimulator's `name` picks one (CloudStack agent command names). */
export const SIMULATOR_OPERATIONS = [
  'ReadyCommand',
  'PingCommand',
  'GetHostStatsCommand',
  'MaintainCommand',
  'ModifyStoragePoolCommand',
  'DeleteStoragePoolCommand',
  'CheckHealthCommand',
] as const;
export type SimulatorOperation = (typeof SIMULATOR_OPERATIONS)[number];

/** CPU architectures a cluster's hosts may have. */
export const CLUSTER_ARCHES = ['x86_64', 'aarch64'] as const;
export type ClusterArch = (typeof CLUSTER_ARCHES)[number];
/** Whether CloudStack manages a cluster (CloudStack's Cluster.ManagedState). */
export const MANAGED_STATES = ['Managed', 'Unmanaged'] as const;
export type ManagedState = (typeof MANAGED_STATES)[number];

/** Secondary storage providers: NFS, and a directory on the management server for labs. */
export const IMAGE_STORE_PROVIDERS = ['NFS', 'Filesystem'] as const;
export type ImageStoreProvider = (typeof IMAGE_STORE_PROVIDERS)[number];
/** The protocol of each provider's stores: nfs for NFS, file for a local directory. */
export const IMAGE_STORE_PROTOCOLS = ['nfs', 'file'] as const;
export type ImageStoreProtocol = (typeof IMAGE_STORE_PROTOCOLS)[number];
/** Where an image store serves (CloudStack's ScopeType for image stores). */
export const IMAGE_STORE_SCOPES = ['ZONE', 'REGION'] as const;
export type ImageStoreScope = (typeof IMAGE_STORE_SCOPES)[number];

/** States of a physical network. */
export const PHYSICAL_NETWORK_STATES = ['Enabled', 'Disabled'] as const;
export type PhysicalNetworkState = (typeof PHYSICAL_NETWORK_STATES)[number];
/** Broadcast domain ranges: Pod in a basic zone, Zone in an advanced one. */
export const BROADCAST_DOMAIN_RANGES = ['ZONE', 'POD'] as const;
export type BroadcastDomainRange = (typeof BROADCAST_DOMAIN_RANGES)[number];
/** States of a network service provider. */
export const PROVIDER_STATES = ['Enabled', 'Disabled', 'Shutdown'] as const;
export type ProviderState = (typeof PROVIDER_STATES)[number];

/** Where a primary storage pool is reachable from (CloudStack's ScopeType). */
export const STORAGE_POOL_SCOPES = ['CLUSTER', 'ZONE', 'HOST'] as const;
export type StoragePoolScope = (typeof STORAGE_POOL_SCOPES)[number];
/** Pool types CloudStack derives from a storage URL's scheme (nfs://, file://, sharedmountpoint://). */
export const STORAGE_POOL_TYPES = ['NetworkFilesystem', 'Filesystem', 'SharedMountPoint'] as const;
export type StoragePoolType = (typeof STORAGE_POOL_TYPES)[number];

/** CloudStack's zone types; this build has Core zones only. */
export const ZONE_TYPES = ['Core', 'Edge'] as const;
