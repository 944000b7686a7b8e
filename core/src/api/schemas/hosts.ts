import { z } from 'zod';
import { ALLOCATION_STATES, HOST_RESOURCE_STATES, HOST_STATUSES, HYPERVISORS } from '../../domain/infrastructure';
import { ADMIN, INFRA_READERS } from './common';
import { entity, field } from './fields';
import { listParams, param, sortParams } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** CloudStack's HostResponse (listHosts with details=all). */
export const Host = entity('Host', {
  id: field.uuid('the ID of the host'),
  name: field.string('the name of the host'),
  state: field.oneOf(HOST_STATUSES, 'the state of the host: Up, Connecting, Disconnected, Alert, Down'),
  resourcestate: field.oneOf(HOST_RESOURCE_STATES, 'the resource state of the host'),
  type: field.string('the host type'),
  zoneid: field.uuid('the Zone ID of the host').optional(),
  zonename: field.string('the Zone name of the host').optional(),
  podid: field.uuid('the Pod ID of the host').optional(),
  podname: field.string('the Pod name of the host').optional(),
  clusterid: field.uuid('the cluster ID of the host').optional(),
  clustername: field.string('the cluster name of the host').optional(),
  clustertype: field.string('the cluster type of the cluster that host belongs to').optional(),
  hypervisor: field.oneOf(HYPERVISORS, 'the host hypervisor'),
  hypervisorversion: field.string('the hypervisor version').optional(),
  ipaddress: field.string('the IP address of the host'),
  cpunumber: field.integer('the CPU number of the host'),
  cpusockets: field.integer('the number of CPU sockets on the host'),
  cpuspeed: field.long('the CPU speed of the host'),
  cpuallocated: field.string("the amount of the host's CPU currently allocated, in percent"),
  cpuallocatedvalue: field.long("the amount of the host's CPU currently allocated in MHz"),
  cpuallocatedpercentage: field.string("the amount of the host's CPU currently allocated, in percent"),
  cpuallocatedwithoverprovisioning: field.string(
    "the amount of the host's CPU allocated after applying the overprovisioning factor",
  ),
  cpuused: field.string("the amount of the host's CPU currently used"),
  cpuwithoverprovisioning: field.string("the amount of the host's CPU after applying the cpu.overprovisioning.factor"),
  memorytotal: field.long('the memory total of the host, in bytes'),
  memoryallocated: field.long("the amount of the host's memory currently allocated, in bytes"),
  memoryallocatedbytes: field.long("the amount of the host's memory currently allocated, in bytes"),
  memoryallocatedpercentage: field.string("the amount of the host's memory currently allocated, in percent"),
  memoryused: field.long("the amount of the host's memory currently used, in bytes"),
  memorywithoverprovisioning: field.string(
    "the amount of the host's memory after applying the mem.overprovisioning.factor",
  ),
  hosttags: field.string('comma-separated list of tags for the host').optional(),
  capabilities: field.string('capabilities of the host').optional(),
  arch: field.string('CPU Arch of the host'),
  lastpinged: field.date('the date and time the host was last pinged').optional(),
  created: field.date('the date and time the host was created'),
  disconnected: field.date('the date and time the host state last changed away from Up').optional(),
  managementserverid: field.string('the management server ID of the host').optional(),
  islocalstorageactive: field.boolean('true if local storage is active, false otherwise'),
});
export type Host = z.infer<typeof Host>;

const hostId = { id: param.uuid('the host ID') };

export const addHost = defineSpec({
  name: 'addHost',
  description: 'Adds a new host.',
  roles: ADMIN,
  params: z.object({
    zoneid: param.uuid('the Zone ID for the host'),
    podid: param.uuid('the Pod ID for the host'),
    clusterid: param.uuid('the cluster ID for the host').optional(),
    clustername: param
      .name('the cluster name for the host; a cluster of that name is created when the pod has none')
      .optional(),
    clustertype: param.string('type of the cluster created for clustername: CloudManaged (default)', 32).optional(),
    url: param.string('the host URL; Simulator hosts: http://sim/<path>, e.g. http://sim/c0/h0', 1024),
    username: param.string('the username for the host').optional(),
    password: param.string('the password for the host').optional(),
    hypervisor: param.string("hypervisor type of the host; must match the cluster's", 32),
    hosttags: param.list('list of tags to be added to the host').optional(),
    allocationstate: param
      .enumOf(ALLOCATION_STATES, 'Allocation state of this Host for allocation of new resources; default Enabled')
      .optional(),
  }),
  response: listOf('host', Host),
});

export const updateHost = defineSpec({
  name: 'updateHost',
  description: 'Updates a host.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the host to update'),
    name: param.name('the new name of the host').optional(),
    hosttags: param.list('list of tags to be added to the host; replaces the current tags').optional(),
    allocationstate: param
      .enumOf(['Enable', 'Disable', 'Enabled', 'Disabled'] as const, 'Change resource state of host: Enable or Disable')
      .transform((v) => (v === 'Enable' || v === 'Enabled' ? ('Enable' as const) : ('Disable' as const)))
      .optional(),
  }),
  response: objectOf('host', Host),
});

export const reconnectHost = defineSpec({
  name: 'reconnectHost',
  description: 'Reconnects a host.',
  roles: ADMIN,
  isAsync: true,
  params: z.object(hostId),
  response: objectOf('host', Host),
});

export const prepareHostForMaintenance = defineSpec({
  name: 'prepareHostForMaintenance',
  description: 'Prepares a host for maintenance.',
  roles: ADMIN,
  isAsync: true,
  params: z.object(hostId),
  response: objectOf('host', Host),
});

export const cancelHostMaintenance = defineSpec({
  name: 'cancelHostMaintenance',
  description: 'Cancels host maintenance.',
  roles: ADMIN,
  isAsync: true,
  params: z.object(hostId),
  response: objectOf('host', Host),
});

export const deleteHost = defineSpec({
  name: 'deleteHost',
  description: 'Deletes a host; it must be in maintenance or disabled unless forced.',
  roles: ADMIN,
  params: z.object({
    ...hostId,
    forced: param
      .boolean(
        'Force delete the host. All HA enabled vms running on the host will be put to HA; HA disabled ones will be stopped',
      )
      .optional(),
    forcedestroylocalstorage: param
      .boolean('Force destroy local storage on this host. All VMs created on this local storage will be destroyed')
      .optional(),
  }),
  response: success(),
});

/** What listHosts can be sorted by (Stackyard's sortby). */
export const HOST_SORT_KEYS = [
  'name',
  'state',
  'resourcestate',
  'ipaddress',
  'hypervisor',
  'created',
  'cpuallocated',
  'memoryallocated',
  'lastpinged',
  'cpuused',
  'memoryused',
] as const;

export const listHosts = defineSpec({
  name: 'listHosts',
  readOnly: true,
  description: 'Lists hosts.',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    ...sortParams(
      HOST_SORT_KEYS,
      'state and resourcestate compare as stored text (Alert < Connecting < Disconnected < Down < Error < Up), ipaddress as text, cpuallocated in MHz and memoryallocated in bytes given to VMs, cpuused in percent and memoryused in bytes as last measured, lastpinged by time (hosts never pinged come first ascending on SQLite, last on PostgreSQL)',
    ),
    id: param.uuid('the id of the host').optional(),
    name: param.string('the name of the host').optional(),
    zoneid: param.uuid('the Zone ID for the host').optional(),
    podid: param.uuid('the Pod ID for the host').optional(),
    clusterid: param.uuid('lists hosts existing in particular cluster').optional(),
    type: param.string('the host type', 32).optional(),
    state: param.string('the state of the host', 32).optional(),
    resourcestate: param.string('list hosts by resource state', 32).optional(),
    health: param
      .string(
        "Stackyard: the hosts of one part of listInfrastructureHealth's host strip: a maintenance state (PrepareForMaintenance, Maintenance, ErrorInMaintenance) lists hosts in it; a heartbeat state (Up, Down, Alert...) lists hosts in it that are not in maintenance",
        32,
      )
      .optional(),
    hypervisor: param.string('hypervisor type of host: Simulator, KVM', 32).optional(),
    hosttags: param.list('lists hosts having every one of these tags').optional(),
    outofbandmanagementenabled: param
      .boolean('list hosts for which out-of-band management is enabled (not supported; ignored)')
      .optional(),
    details: param.list('comma separated list of host details requested (all details are always returned)').optional(),
  }),
  response: listOf('host', Host),
});

/** One sample of a host's stats (CloudStack's StatsResponse, the fields a host reports). */
export const HostStatsSample = entity('HostStatsSample', {
  timestamp: field.date('the time when the host stats were collected'),
  cpuused: field.string("the amount (percentage) of the host's CPU used"),
  memorykbs: field.long("the host's memory in use, in KiB"),
  memoryintfreekbs: field.long("the host's free memory, in KiB"),
});
export type HostStatsSample = z.infer<typeof HostStatsSample>;

/** CloudStack's HostMetricsStatsResponse (listHostsUsageHistory). */
export const HostUsageHistory = entity('HostUsageHistory', {
  id: field.uuid('the ID of the host'),
  name: field.string('the name of the host'),
  stats: field.list(HostStatsSample, 'the list of host stats, oldest first'),
});
export type HostUsageHistory = z.infer<typeof HostUsageHistory>;

export const listHostsUsageHistory = defineSpec({
  name: 'listHostsUsageHistory',
  readOnly: true,
  description:
    'Lists host stats: CPU and memory use sampled every host.stats.interval ms from the heartbeats, kept host.stats.history.retention.days days. Without startdate the last 24 hours.',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('the ID of the host').optional(),
    ids: param.list('the IDs of the hosts, mutually exclusive with id').optional(),
    name: param
      .string(
        'name of the host (a substring match is made against the parameter value returning the data for all matching hosts)',
      )
      .optional(),
    startdate: param.date('start date to filter stats (use format "yyyy-MM-dd hh:mm:ss")').optional(),
    enddate: param.date('end date to filter stats (use format "yyyy-MM-dd hh:mm:ss")').optional(),
  }),
  response: listOf('host', HostUsageHistory),
});

export type AddHostInput = CommandInput<typeof addHost>;
export type UpdateHostInput = CommandInput<typeof updateHost>;
export type DeleteHostInput = CommandInput<typeof deleteHost>;
export type ListHostsInput = CommandInput<typeof listHosts>;
export type ListHostsUsageHistoryInput = CommandInput<typeof listHostsUsageHistory>;
