import type { Generated, Selectable } from 'kysely';

/**
 * Compute (service) and disk offerings (migration 0018; CloudStack's service_offering and
 * disk_offering) and network offerings with their services (0019). Booleans are 0/1 integers and timestamps ISO-8601 text, as in schema.ts. The
 * domains and zones an offering is limited to are rows of their own tables (CloudStack keeps them
 * as "domainid" / "zoneid" details): none means public, or every zone.
 */

/** The disk I/O limits both kinds of offering carry (domain/offerings.ts DISK_RATES). */
export interface DiskRateColumns {
  bytes_read_rate: number | null;
  bytes_read_rate_max: number | null;
  bytes_read_rate_max_length: number | null;
  bytes_write_rate: number | null;
  bytes_write_rate_max: number | null;
  bytes_write_rate_max_length: number | null;
  iops_read_rate: number | null;
  iops_read_rate_max: number | null;
  iops_read_rate_max_length: number | null;
  iops_write_rate: number | null;
  iops_write_rate_max: number | null;
  iops_write_rate_max_length: number | null;
}

/** What both kinds of offering have. */
interface OfferingColumns extends DiskRateColumns {
  id: Generated<number>;
  uuid: string;
  name: string;
  /** CloudStack's unique_name: set on the offerings the first start creates, null on the others. */
  unique_name: string | null;
  display_text: string | null;
  /** 'shared' | 'local' */
  storage_type: string;
  /** 'thin' | 'sparse' | 'fat' */
  provisioning_type: string;
  /** 'none' | 'writeback' | 'writethrough'; null: the hypervisor's default. */
  cache_mode: string | null;
  /** Null: not said (CloudStack leaves it unset unless customizediops is given). */
  customized_iops: number | null;
  min_iops: number | null;
  max_iops: number | null;
  sort_key: number;
  /** 'Active' | 'Inactive' */
  state: string;
  created: string;
  removed: string | null;
}

export interface ServiceOfferingTable extends OfferingColumns {
  /** Null on a customized offering (the VM gives them). */
  cpu_number: number | null;
  /** MHz. */
  cpu_speed: number | null;
  /** MiB. */
  memory: number | null;
  customized: number;
  /** The bounds a customized offering's VMs must keep; null when the offering sets none. */
  min_cpu_number: number | null;
  max_cpu_number: number | null;
  /** MiB. */
  min_memory: number | null;
  max_memory: number | null;
  offer_ha: number;
  limit_cpu_use: number;
  is_volatile: number;
  dynamic_scaling_enabled: number;
  /** Mbit/s. */
  network_rate: number | null;
  /** Comma-separated host tags. */
  host_tags: string | null;
  /** Comma-separated storage tags. */
  storage_tags: string | null;
  is_system: number;
  /** domain/offerings.ts SYSTEM_VM_TYPES; null on a guest VM offering. */
  system_vm_type: string | null;
  /** The system offerings the first start creates: never deleted. */
  default_use: number;
}

export interface DiskOfferingTable extends OfferingColumns {
  /** Bytes; 0 on a customized offering (the volume gives its size). */
  disk_size_bytes: number;
  customized: number;
  /** Comma-separated storage tags. */
  tags: string | null;
  display_offering: number;
}

/** A network offering (migration 0019; CloudStack's network_offerings). */
export interface NetworkOfferingTable {
  id: Generated<number>;
  uuid: string;
  name: string;
  /** Set on the default offerings the first start creates (CloudStack's names for them), null on the others. */
  unique_name: string | null;
  display_text: string;
  /** 'Guest' */
  traffic_type: string;
  /** domain/network-offerings.ts GUEST_IP_TYPES */
  guest_ip_type: string;
  specify_vlan: number;
  specify_ip_ranges: number;
  conserve_mode: number;
  /** 1: egress allowed unless a rule denies it; 0: denied unless a rule allows it. */
  egress_default_policy: number;
  /** Mbit/s; null: the global rate. */
  network_rate: number | null;
  /** 'Optional' | 'Required' */
  availability: string;
  is_persistent: number;
  for_vpc: number;
  /** SourceNat's SupportedSourceNatTypes ('peraccount' | 'perzone'); null without SourceNat. */
  source_nat_type: string | null;
  /** Lb's SupportedLBIsolation ('dedicated' | 'shared'); null without Lb. */
  lb_isolation: string | null;
  /** Comma-separated network tags. */
  tags: string | null;
  is_default: number;
  sort_key: number;
  /** 'Enabled' | 'Disabled' */
  state: string;
  created: string;
  removed: string | null;
}

/** A service a network offering supports and the provider that serves it. */
export interface NetworkOfferingServiceTable {
  offering_id: number;
  service: string;
  provider: string;
}

/** An offering limited to a domain (and its subdomains). */
export interface OfferingDomainTable {
  offering_id: number;
  domain_id: number;
}

/** An offering limited to a zone. */
export interface OfferingZoneTable {
  offering_id: number;
  zone_id: number;
}

export interface OfferingTables {
  service_offerings: ServiceOfferingTable;
  service_offering_domains: OfferingDomainTable;
  service_offering_zones: OfferingZoneTable;
  disk_offerings: DiskOfferingTable;
  disk_offering_domains: OfferingDomainTable;
  disk_offering_zones: OfferingZoneTable;
  network_offerings: NetworkOfferingTable;
  network_offering_services: NetworkOfferingServiceTable;
  network_offering_domains: OfferingDomainTable;
  network_offering_zones: OfferingZoneTable;
}

export type ServiceOfferingRow = Selectable<ServiceOfferingTable>;
export type DiskOfferingRow = Selectable<DiskOfferingTable>;
export type NetworkOfferingRow = Selectable<NetworkOfferingTable>;
