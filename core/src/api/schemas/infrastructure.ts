import { z } from 'zod';
import {
  ALLOCATION_STATES,
  HOST_RESOURCE_STATES,
  HOST_STATUSES,
  HYPERVISORS,
  NETWORK_TYPES,
  STORAGE_POOL_STATUSES,
} from '../../domain/infrastructure';
import { HOST_HEALTH_PARTS } from '../../contract/health';
import { INFRA_READERS } from './common';
import { entity, field } from './fields';
import { param } from './params';
import { defineSpec, objectOf, type CommandInput } from './spec';

/** CloudStack's InfrastructureResponse: counts of the cloud's parts. */
export const Infrastructure = entity('Infrastructure', {
  zones: field.integer('Number of zones'),
  pods: field.integer('Number of pods'),
  clusters: field.integer('Number of clusters'),
  hosts: field.integer('Number of hypervisor hosts'),
  storagepools: field.integer('Number of storage pools'),
  imagestores: field.integer('Number of images stores'),
  systemvms: field.integer('Number of systemvms'),
  routers: field.integer('Number of routers'),
  cpusockets: field.integer('Number of cpu sockets'),
  managementservers: field.integer('Number of management servers'),
  alerts: field.integer('Number of Alerts'),
});
export type Infrastructure = z.infer<typeof Infrastructure>;

/** A host in the diagram. */
export const TopologyHost = entity('TopologyHost', {
  id: field.uuid('the ID of the host'),
  name: field.string('the name of the host'),
  state: field.oneOf(HOST_STATUSES, 'the state of the host'),
  resourcestate: field.oneOf(HOST_RESOURCE_STATES, 'the resource state of the host'),
  cpuallocatedpercentage: field.string(
    'the amount of the host\'s CPU currently allocated, in percent, after overprovisioning ("12.5%")',
  ),
  memoryallocatedpercentage: field.string(
    'the amount of the host\'s memory currently allocated, in percent, after overprovisioning ("12.5%")',
  ),
});
export type TopologyHost = z.infer<typeof TopologyHost>;

/** A host of a summarised cluster that needs attention (not Up, or not Enabled). */
export const TopologyProblemHost = entity('TopologyProblemHost', {
  id: field.uuid('the ID of the host'),
  name: field.string('the name of the host'),
  state: field.oneOf(HOST_STATUSES, 'the state of the host'),
  resourcestate: field.oneOf(HOST_RESOURCE_STATES, 'the resource state of the host'),
});
export type TopologyProblemHost = z.infer<typeof TopologyProblemHost>;

/** A primary storage pool in the diagram (of a cluster, or zone-wide). */
export const TopologyStoragePool = entity('TopologyStoragePool', {
  id: field.uuid('the ID of the storage pool'),
  name: field.string('the name of the storage pool'),
  state: field.oneOf(STORAGE_POOL_STATUSES, 'the state of the storage pool'),
  scope: field.string('the scope of the storage pool: CLUSTER, ZONE or HOST'),
  disksizetotal: field.long('the total disk size of the storage pool, in bytes'),
  disksizeused: field.long('the disk size used on the storage pool, in bytes'),
});
export type TopologyStoragePool = z.infer<typeof TopologyStoragePool>;

/** A secondary storage (image store) in the diagram. */
export const TopologyImageStore = entity('TopologyImageStore', {
  id: field.uuid('the ID of the image store'),
  name: field.string('the name of the image store'),
  protocol: field.string('the protocol of the image store'),
  providername: field.string('the provider name of the image store'),
  disksizetotal: field.long('the total disk size of the image store, in bytes'),
  disksizeused: field.long('the disk size used on the image store, in bytes'),
});
export type TopologyImageStore = z.infer<typeof TopologyImageStore>;

/** A capacity figure of a cluster: what its Enabled hosts (or its pools) offer and what is taken. */
export const UsedTotal = entity('UsedTotal', {
  total: field.long('the total capacity, after overprovisioning'),
  used: field.long('the capacity in use'),
});
export type UsedTotal = z.infer<typeof UsedTotal>;

/** One UsedTotal field instance: an entity reached through field.object must be one schema everywhere. */
const usedTotal = field.object(UsedTotal, 'total and used capacity: CPU in MHz, memory and storage in bytes');

/** Host counts by state; a state no host is in is left out. */
const hostStateCounts = field.object(
  z.partialRecord(z.enum(HOST_STATUSES), z.number().int()),
  'the number of hosts in each state (Up, Down ...), states without hosts left out',
);
const resourceStateCounts = field.object(
  z.partialRecord(z.enum(HOST_RESOURCE_STATES), z.number().int()),
  'the number of hosts in each resource state (Enabled, Maintenance ...), states without hosts left out',
);

export const TopologyCluster = entity('TopologyCluster', {
  id: field.uuid('the ID of the cluster'),
  name: field.string('the name of the cluster'),
  hypervisortype: field.oneOf(HYPERVISORS, 'the hypervisor type of the cluster'),
  allocationstate: field.oneOf(ALLOCATION_STATES, 'the allocation state of the cluster'),
  hostcount: field.integer('the number of hosts in the cluster'),
  hoststates: hostStateCounts,
  resourcestates: resourceStateCounts,
  cpu: usedTotal,
  memory: usedTotal,
  storage: usedTotal,
  storagepools: field.list(TopologyStoragePool, 'the primary storage pools of the cluster'),
  hosts: field
    .list(TopologyHost, 'the hosts of the cluster: for every cluster unless aggregated, else for those in clusterids')
    .optional(),
  problemhosts: field
    .list(
      TopologyProblemHost,
      'when the hosts are not listed: the first hosts by name that are not Up or not Enabled (at most 8; hoststates counts them all)',
    )
    .optional(),
});
export type TopologyCluster = z.infer<typeof TopologyCluster>;

export const TopologyPod = entity('TopologyPod', {
  id: field.uuid('the ID of the pod'),
  name: field.string('the name of the pod'),
  allocationstate: field.oneOf(ALLOCATION_STATES, 'the allocation state of the pod'),
  clusters: field.list(TopologyCluster, 'the clusters of the pod'),
});
export type TopologyPod = z.infer<typeof TopologyPod>;

export const TopologyZone = entity('TopologyZone', {
  id: field.uuid('the ID of the zone'),
  name: field.string('the name of the zone'),
  networktype: field.oneOf(NETWORK_TYPES, 'the network type of the zone: Basic or Advanced'),
  allocationstate: field.oneOf(ALLOCATION_STATES, 'the allocation state of the zone'),
  imagestores: field.list(TopologyImageStore, 'the image stores of the zone'),
  storagepools: field.list(TopologyStoragePool, 'the zone-wide primary storage pools'),
  pods: field.list(TopologyPod, 'the pods of the zone'),
});
export type TopologyZone = z.infer<typeof TopologyZone>;

export const TopologyTotals = entity('TopologyTotals', {
  zones: field.integer('Number of zones'),
  pods: field.integer('Number of pods'),
  clusters: field.integer('Number of clusters'),
  hosts: field.integer('Number of hosts'),
  storagepools: field.integer('Number of storage pools'),
  imagestores: field.integer('Number of image stores'),
});
export type TopologyTotals = z.infer<typeof TopologyTotals>;

/** listInfrastructureTopology's answer (Stackyard). */
export const Topology = entity('Topology', {
  aggregated: field.boolean('true when hosts are listed only for the clusters in clusterids'),
  totals: field.object(TopologyTotals, 'counts of zones, pods, clusters, hosts, storagepools and imagestores'),
  zones: field.list(TopologyZone, 'zones with their image stores, zone-wide pools and pods > clusters (> hosts)'),
});
export type Topology = z.infer<typeof Topology>;

/** Hosts of listInfrastructureHealth: each host once in `health`, and the raw counts beside it. */
export const HostHealth = entity('HostHealth', {
  count: field.integer('the number of hosts (type Routing)'),
  health: field.object(
    z.partialRecord(z.enum(HOST_HEALTH_PARTS), z.number().int()),
    'each host counted once: by its resource state when PrepareForMaintenance, Maintenance or ErrorInMaintenance, otherwise by its state (Up, Down, Disconnected ...); parts without hosts left out',
  ),
  states: hostStateCounts,
  resourcestates: resourceStateCounts,
});
export type HostHealth = z.infer<typeof HostHealth>;

export const StoragePoolHealth = entity('StoragePoolHealth', {
  count: field.integer('the number of primary storage pools'),
  states: field.object(
    z.partialRecord(z.enum(STORAGE_POOL_STATUSES), z.number().int()),
    'the number of pools in each state (Up, Maintenance ...), states without pools left out',
  ),
});
export type StoragePoolHealth = z.infer<typeof StoragePoolHealth>;

/** Image stores have no state in CloudStack, only a read-only flag. */
export const ImageStoreHealth = entity('ImageStoreHealth', {
  count: field.integer('the number of image stores'),
  readonly: field.integer('the number of read-only image stores'),
});
export type ImageStoreHealth = z.infer<typeof ImageStoreHealth>;

/** listInfrastructureHealth's answer (Stackyard). */
export const InfrastructureHealth = entity('InfrastructureHealth', {
  hosts: field.object(HostHealth, 'hosts by health, state and resource state'),
  storagepools: field.object(StoragePoolHealth, 'primary storage pools by state'),
  imagestores: field.object(ImageStoreHealth, 'image stores, and how many are read-only'),
});
export type InfrastructureHealth = z.infer<typeof InfrastructureHealth>;

export const listInfrastructure = defineSpec({
  name: 'listInfrastructure',
  description: 'Lists infrastructure',
  roles: INFRA_READERS,
  params: z.object({}),
  response: objectOf('infrastructure', Infrastructure),
});

export const listInfrastructureTopology = defineSpec({
  name: 'listInfrastructureTopology',
  description:
    'The infrastructure diagram in one call (Stackyard): zones > pods > clusters with host counts by state, capacity, pools and image stores. Hosts are listed for every cluster when there are at most hostlimit hosts, otherwise only for the clusters in clusterids.',
  roles: INFRA_READERS,
  params: z.object({
    zoneid: param.uuid('only this zone').optional(),
    clusterids: param.list('clusters whose hosts are listed even when the diagram is aggregated').optional(),
    hostlimit: param.integer('most hosts listed for every cluster (default 1000)', 0).optional(),
  }),
  response: objectOf('topology', Topology),
});

export const listInfrastructureHealth = defineSpec({
  name: 'listInfrastructureHealth',
  readOnly: true,
  description:
    'Counts by state for the health strip (Stackyard): hosts by heartbeat state and by resource state, and in `health` each host once (a host in PrepareForMaintenance, Maintenance or ErrorInMaintenance counts there, not also as Up or Down; every other host, Enabled or Disabled, by its state), primary storage pools by state, image stores. listHosts with state= also lists hosts in maintenance; with resourcestate= it lists the maintenance parts exactly.',
  roles: INFRA_READERS,
  params: z.object({
    zoneid: param.uuid('only this zone').optional(),
    podid: param.uuid('only this pod (zone-wide pools and image stores are left out)').optional(),
    clusterid: param.uuid('only this cluster (zone-wide pools and image stores are left out)').optional(),
  }),
  response: objectOf('infrastructurehealth', InfrastructureHealth),
});

export type ListInfrastructureHealthInput = CommandInput<typeof listInfrastructureHealth>;
export type ListInfrastructureTopologyInput = CommandInput<typeof listInfrastructureTopology>;
