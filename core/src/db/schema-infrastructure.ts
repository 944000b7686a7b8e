import type { Generated, Selectable } from 'kysely';

/**
 * The physical model (CloudStack's data_center, host_pod_ref, cluster, host, storage_pool,
 * image_store, vlan ...). Booleans are 0/1 integers and timestamps ISO-8601 text, as in schema.ts.
 * Byte and MHz quantities are integers (bigint in PostgreSQL, read back as numbers).
 */
export interface ZoneTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  description: string | null;
  /** 'Basic' | 'Advanced' */
  network_type: string;
  dns1: string | null;
  dns2: string | null;
  ip6_dns1: string | null;
  ip6_dns2: string | null;
  internal_dns1: string;
  internal_dns2: string | null;
  guest_cidr: string | null;
  /** Network domain of the zone's guest networks. */
  network_domain: string | null;
  /** Dedicated to this domain; null for a public zone. */
  domain_id: number | null;
  security_group_enabled: number;
  local_storage_enabled: number;
  /** 'Disabled' | 'Enabled' */
  allocation_state: string;
  created: string;
  removed: string | null;
}

export interface PhysicalNetworkTable {
  id: Generated<number>;
  uuid: string;
  zone_id: number;
  name: string;
  /** Guest VLAN ranges, normalized "100-200,300" (see domain/vlan-ranges.ts); null when none. */
  vlan: string | null;
  /** Comma-separated: VLAN, L3, GRE, STT, VXLAN, VNS ... */
  isolation_methods: string | null;
  tags: string | null;
  speed: string | null;
  /** 'ZONE' | 'POD' */
  broadcast_domain_range: string;
  domain_id: number | null;
  /** 'Disabled' | 'Enabled' */
  state: string;
  created: string;
  removed: string | null;
}

export interface TrafficTypeTable {
  id: Generated<number>;
  uuid: string;
  physical_network_id: number;
  /** 'Guest' | 'Management' | 'Public' | 'Storage' */
  traffic_type: string;
  kvm_label: string | null;
  vmware_label: string | null;
  xen_label: string | null;
  hyperv_label: string | null;
  ovm3_label: string | null;
  /** Storage traffic may carry its own VLAN. */
  vlan: string | null;
  created: string;
}

export interface NetworkServiceProviderTable {
  id: Generated<number>;
  uuid: string;
  physical_network_id: number;
  /** 'VirtualRouter' | 'VpcVirtualRouter' | 'InternalLbVm' | 'SecurityGroupProvider' | ... */
  name: string;
  /** 'Disabled' | 'Enabled' | 'Shutdown' */
  state: string;
  destination_physical_network_id: number | null;
  /** Comma-separated service names the provider offers (Dhcp, Dns, SourceNat ...). */
  services: string;
  created: string;
  removed: string | null;
}

export interface VirtualRouterElementTable {
  id: Generated<number>;
  uuid: string;
  provider_id: number;
  /** 'VirtualRouter' | 'VPCVirtualRouter' */
  type: string;
  enabled: number;
  created: string;
}

export interface PodTable {
  id: Generated<number>;
  uuid: string;
  zone_id: number;
  name: string;
  gateway: string;
  netmask: string;
  /** CIDR of gateway/netmask, e.g. "172.16.15.0/24". */
  cidr: string;
  /** The range reserved for system VMs and hosts' management addresses. */
  start_ip: string;
  end_ip: string;
  allocation_state: string;
  created: string;
  removed: string | null;
}

/** CloudStack's `vlan` table: a public (advanced) or guest (basic, per pod) address range. */
export interface VlanIpRangeTable {
  id: Generated<number>;
  uuid: string;
  zone_id: number;
  pod_id: number | null;
  physical_network_id: number | null;
  /** Guest network the range belongs to (shared networks, later); null for public ranges. */
  network_id: number | null;
  /** "vlan://50" or "untagged" */
  vlan_tag: string;
  gateway: string;
  netmask: string;
  start_ip: string;
  end_ip: string;
  /** Numeric forms of start_ip/end_ip for overlap checks and counting. */
  start_num: number;
  end_num: number;
  /** 1 for public ranges (advanced), 0 for direct/guest ranges (basic). */
  for_virtual_network: number;
  for_system_vms: number;
  /** Dedicated to an account or a domain. */
  account_id: number | null;
  domain_id: number | null;
  description: string | null;
  created: string;
  removed: string | null;
}

export interface ClusterTable {
  id: Generated<number>;
  uuid: string;
  zone_id: number;
  pod_id: number;
  name: string;
  /** 'Simulator' | 'KVM' | ... as CloudStack spells them */
  hypervisor_type: string;
  /** 'CloudManaged' | 'ExternalManaged' */
  cluster_type: string;
  allocation_state: string;
  /** 'Managed' | 'Unmanaged' ... */
  managed_state: string;
  arch: string;
  cpu_overcommit_ratio: number;
  memory_overcommit_ratio: number;
  created: string;
  removed: string | null;
}

export interface HostTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  zone_id: number;
  pod_id: number;
  cluster_id: number;
  /** 'Routing' for hypervisor hosts. */
  type: string;
  hypervisor_type: string;
  hypervisor_version: string | null;
  url: string;
  private_ip: string;
  username: string | null;
  /** Sealed with the secret box; never returned. */
  password: string | null;
  /** 'Up' | 'Connecting' | 'Disconnected' | 'Alert' | 'Down' | 'Error' */
  status: string;
  /** 'Enabled' | 'Disabled' | 'PrepareForMaintenance' | 'Maintenance' | 'ErrorInMaintenance' */
  resource_state: string;
  cpu_sockets: number;
  cpu_number: number;
  cpu_speed: number;
  total_memory: number;
  /** What VMs have been given (MHz, bytes); the VM issue maintains these. */
  cpu_allocated: number;
  memory_allocated: number;
  /** Last measured CPU load (0-100) and memory in use, from host stats. */
  cpu_used_percent: number;
  memory_used: number;
  capabilities: string | null;
  arch: string;
  last_ping: string | null;
  /** When status last changed; drives Disconnected -> Alert -> Down. */
  status_changed: string;
  /** Management server (uuid) that owns the host's connection and heartbeats. */
  owner_server: string | null;
  created: string;
  removed: string | null;
}

export interface HostTagTable {
  host_id: number;
  tag: string;
}

export interface StoragePoolTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  zone_id: number;
  pod_id: number | null;
  cluster_id: number | null;
  /** 'CLUSTER' | 'ZONE' | 'HOST' */
  scope: string;
  /** 'NetworkFilesystem' | 'Filesystem' | 'SharedMountPoint' ... */
  pool_type: string;
  url: string;
  host_address: string;
  path: string;
  hypervisor: string | null;
  provider: string;
  capacity_bytes: number;
  used_bytes: number;
  /** Bytes promised to volumes (the volume issue maintains it). */
  allocated_bytes: number;
  capacity_iops: number | null;
  /** 'Up' | 'PrepareForMaintenance' | 'Maintenance' | 'ErrorInMaintenance' | 'Disabled' */
  status: string;
  created: string;
  removed: string | null;
}

export interface StoragePoolTagTable {
  pool_id: number;
  tag: string;
}

export interface ImageStoreTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  zone_id: number | null;
  /** 'NFS' | 'Filesystem' (a local path) */
  provider: string;
  protocol: string;
  url: string;
  /** 'ZONE' | 'REGION' */
  scope: string;
  read_only: number;
  total_bytes: number;
  used_bytes: number;
  created: string;
  removed: string | null;
}

/** Capacity samples for charts: one row per (time, type, zone, pod, cluster) aggregate. */
export interface CapacityHistoryTable {
  id: Generated<number>;
  sampled: string;
  capacity_type: number;
  zone_id: number | null;
  pod_id: number | null;
  cluster_id: number | null;
  total: number;
  used: number;
}

/** One host's stats at one heartbeat (migration 0016; listHostsUsageHistory). */
export interface HostStatsHistoryTable {
  host_id: number;
  sampled: string;
  /** 0-100 */
  cpu_used_percent: number;
  /** Bytes in use and the host's memory then. */
  memory_used: number;
  memory_total: number;
}

/** One host's samples of one hour, averaged (`hour` is the hour's start, ISO-8601). */
export interface HostStatsHourlyTable {
  host_id: number;
  hour: string;
  cpu_used_percent: number;
  memory_used: number;
  memory_total: number;
  /** How many samples the averages are of. */
  samples: number;
}

/** CloudStack's alert table. */
export interface AlertTable {
  id: Generated<number>;
  uuid: string;
  /** CloudStack AlertType code (domain/infrastructure.ts ALERT_TYPES). */
  type: number;
  name: string;
  subject: string;
  /** The catalogue key of the subject (contract/messages.ts); null on rows older than 0013. */
  subject_key: string | null;
  /** Its parameters, a JSON object of strings. */
  subject_params: string | null;
  zone_id: number | null;
  pod_id: number | null;
  cluster_id: number | null;
  /** Resource the alert is about (uuid), e.g. a host. */
  resource_id: string | null;
  archived: number;
  created: string;
  /** When the condition was last seen; repeated alerts update this instead of adding rows. */
  last_sent: string;
  /** Who acknowledged the alert (users.id) and when (migration 0014). */
  acknowledged_by: number | null;
  acknowledged_at: string | null;
  /** The admin the alert is assigned to (users.id). */
  assignee_id: number | null;
}

/** Simulator fault injection (CloudStack's mock configurations of configureSimulator). */
export interface SimulatorMockTable {
  id: Generated<number>;
  uuid: string;
  zone_id: number | null;
  pod_id: number | null;
  cluster_id: number | null;
  host_id: number | null;
  /** Operation name, e.g. 'PingCommand', 'ReadyCommand', 'MaintainCommand' (domain/simulator.ts). */
  name: string;
  /** 'result:fail' | 'wait:<ms>' | 'result:fail,wait:<ms>' */
  value: string;
  /** Fire on the nth matching call and after (1 = first); counts calls seen so far. */
  nth: number;
  calls_seen: number;
  /** How many times it may still fire; null = unlimited. */
  remaining: number | null;
  json_response: string | null;
  created: string;
  removed: string | null;
}

export interface InfrastructureTables {
  zones: ZoneTable;
  physical_networks: PhysicalNetworkTable;
  traffic_types: TrafficTypeTable;
  network_service_providers: NetworkServiceProviderTable;
  virtual_router_elements: VirtualRouterElementTable;
  pods: PodTable;
  vlan_ip_ranges: VlanIpRangeTable;
  clusters: ClusterTable;
  hosts: HostTable;
  host_tags: HostTagTable;
  storage_pools: StoragePoolTable;
  storage_pool_tags: StoragePoolTagTable;
  image_stores: ImageStoreTable;
  capacity_history: CapacityHistoryTable;
  host_stats_history: HostStatsHistoryTable;
  host_stats_hourly: HostStatsHourlyTable;
  alerts: AlertTable;
  simulator_mocks: SimulatorMockTable;
}

export type ZoneRow = Selectable<ZoneTable>;
export type PhysicalNetworkRow = Selectable<PhysicalNetworkTable>;
export type TrafficTypeRow = Selectable<TrafficTypeTable>;
export type NetworkServiceProviderRow = Selectable<NetworkServiceProviderTable>;
export type VirtualRouterElementRow = Selectable<VirtualRouterElementTable>;
export type PodRow = Selectable<PodTable>;
export type VlanIpRangeRow = Selectable<VlanIpRangeTable>;
export type ClusterRow = Selectable<ClusterTable>;
export type HostRow = Selectable<HostTable>;
export type StoragePoolRow = Selectable<StoragePoolTable>;
export type ImageStoreRow = Selectable<ImageStoreTable>;
export type CapacityHistoryRow = Selectable<CapacityHistoryTable>;
export type AlertRow = Selectable<AlertTable>;
export type SimulatorMockRow = Selectable<SimulatorMockTable>;
