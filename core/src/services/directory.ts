import type { AccessService } from './access';
import type { AuthService } from './auth';
import { AlertQueries } from './capacity/alert-queries';
import { CapacityQueries } from './capacity/capacity-list';
import { InfrastructureQueries } from './capacity/topology';
import type { CoreServices, SettingsReader } from './core-services';
import { DatacenterImportService } from './datacenter-import/importer';
import { EventLog } from './events';
import { ClusterService } from './infrastructure/clusters';
import { HostMaintenanceService } from './infrastructure/host-maintenance';
import { HostQueries } from './infrastructure/host-queries';
import { HostService } from './infrastructure/hosts';
import { HostUsageHistoryQueries } from './infrastructure/host-usage-history';
import { HypervisorList } from './infrastructure/hypervisor-list';
import { ImageStoreService } from './infrastructure/image-stores';
import { networkProviders, type NetworkProviderService } from './infrastructure/network-providers';
import { physicalNetworks, type PhysicalNetworkService } from './infrastructure/physical-networks';
import { PodService } from './infrastructure/pods';
import { SimulatorMockService } from './infrastructure/simulator-mocks';
import { StoragePoolService } from './infrastructure/storage-pools';
import { trafficTypes, type TrafficTypeService } from './infrastructure/traffic-types';
import { VlanIpRangeService } from './infrastructure/vlan-ip-ranges';
import { zones, type ZoneService } from './infrastructure/zones';
import { JobQueries } from './job-queries';
import { ManagementServerQueries } from './management-servers';
import { DiskOfferingService } from './offerings/disk-offerings';
import { NetworkOfferingService } from './offerings/network-offerings';
import { ServiceOfferingService } from './offerings/service-offerings';
import { OsCatalogueQueries } from './templates/os-catalogue';
import { TemplateService } from './templates/templates';
import { ResourceSearch } from './search/resource-search';
import type { SettingsService } from './settings';
import { tenancy, type Tenancy } from './tenancy/index';

/**
 * What command handlers may use: ready service instances by area, built once by the composition
 * root (core/src/core.ts). It holds no store: handlers reach the database only through services.
 */
export interface ServiceDirectory {
  /** Role-based API access and resource ownership checks, list scopes. */
  readonly access: AccessService;
  /** Sessions and passwords: login, logout. */
  readonly auth: AuthService;
  /** Setting values (read-only). */
  readonly config: SettingsReader;
  /** Global settings as listConfigurations, updateConfiguration and resetConfiguration change them. */
  readonly settings: SettingsService;
  /** Domains, accounts, users, roles. */
  readonly tenancy: Tenancy;
  readonly zones: ZoneService;
  readonly physicalNetworks: PhysicalNetworkService;
  readonly trafficTypes: TrafficTypeService;
  readonly networkProviders: NetworkProviderService;
  readonly pods: PodService;
  readonly vlanIpRanges: VlanIpRangeService;
  readonly clusters: ClusterService;
  readonly hosts: HostService;
  readonly hostMaintenance: HostMaintenanceService;
  readonly hostQueries: HostQueries;
  /** Per-host CPU and memory samples (listHostsUsageHistory). */
  readonly hostUsageHistory: HostUsageHistoryQueries;
  /** The hypervisors this build runs, or a zone's clusters run (listHypervisors). */
  readonly hypervisorList: HypervisorList;
  readonly storagePools: StoragePoolService;
  readonly imageStores: ImageStoreService;
  /** Compute offerings (CloudStack's service offerings). */
  readonly serviceOfferings: ServiceOfferingService;
  readonly diskOfferings: DiskOfferingService;
  readonly networkOfferings: NetworkOfferingService;
  /** The guest OS catalogue (listOsCategories, listOsTypes). */
  readonly osCatalogue: OsCatalogueQueries;
  /** Templates and ISOs. */
  readonly templates: TemplateService;
  readonly capacity: CapacityQueries;
  readonly alerts: AlertQueries;
  /** The event log: record, list, archive, delete. */
  readonly events: EventLog;
  /** The read side of async jobs (jobs are submitted by the dispatcher, not by handlers). */
  readonly jobs: JobQueries;
  /** The Simulator's fault injection (mocks). */
  readonly simulator: SimulatorMockService;
  readonly datacenterImport: DatacenterImportService;
  /** Topology and counts of the whole infrastructure. */
  readonly infrastructure: InfrastructureQueries;
  /** The management servers sharing this database (listManagementServers). */
  readonly managementServers: ManagementServerQueries;
  /** One search over every kind the caller may list (searchResources). */
  readonly search: ResourceSearch;
}

/** The core's dependencies with the concrete auth and settings services, as createCore builds them. */
export type DirectoryDeps = CoreServices & { auth: AuthService; config: SettingsService };

/**
 * Builds every service once over the core's dependencies. Services that keep per-core state or
 * are shared with monitors (tenancy, zones, physical networks, traffic types, network providers,
 * simulator mocks) are the same instances other callers get for these dependencies.
 */
export function createServiceDirectory(deps: DirectoryDeps): ServiceDirectory {
  return {
    access: deps.access,
    auth: deps.auth,
    config: deps.config,
    settings: deps.config,
    tenancy: tenancy(deps),
    zones: zones(deps),
    physicalNetworks: physicalNetworks(deps),
    trafficTypes: trafficTypes(deps),
    networkProviders: networkProviders(deps),
    pods: new PodService(deps),
    vlanIpRanges: new VlanIpRangeService(deps),
    clusters: new ClusterService(deps),
    hosts: new HostService(deps),
    hostMaintenance: new HostMaintenanceService(deps),
    hostQueries: new HostQueries(deps),
    hostUsageHistory: new HostUsageHistoryQueries(deps),
    hypervisorList: new HypervisorList(deps),
    storagePools: new StoragePoolService(deps),
    imageStores: new ImageStoreService(deps),
    serviceOfferings: new ServiceOfferingService(deps),
    diskOfferings: new DiskOfferingService(deps),
    networkOfferings: new NetworkOfferingService(deps),
    osCatalogue: new OsCatalogueQueries(deps),
    templates: new TemplateService(deps),
    capacity: new CapacityQueries(deps),
    alerts: new AlertQueries(deps),
    events: new EventLog(deps),
    jobs: new JobQueries(deps),
    simulator: new SimulatorMockService(deps),
    datacenterImport: new DatacenterImportService(deps),
    infrastructure: new InfrastructureQueries(deps),
    managementServers: new ManagementServerQueries(deps),
    search: new ResourceSearch(deps),
  };
}
