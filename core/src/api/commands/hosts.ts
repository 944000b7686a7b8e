import { z } from 'zod';
import { defineCommand } from '../command';
import { listParams, param } from '../params';
import { ALLOCATION_STATES } from '../../domain/infrastructure';
import { HostService } from '../../services/infrastructure/hosts';

const ADMIN = ['Admin'] as const;
const READERS = ['Admin', 'ResourceAdmin'] as const;

const HOST_RESPONSE = {
  name: 'host',
  fields: {
    id: 'the ID of the host',
    name: 'the name of the host',
    state: 'the state of the host: Up, Connecting, Disconnected, Alert, Down',
    resourcestate: 'the resource state of the host',
    type: 'the host type',
    zoneid: 'the Zone ID of the host',
    zonename: 'the Zone name of the host',
    podid: 'the Pod ID of the host',
    podname: 'the Pod name of the host',
    clusterid: 'the cluster ID of the host',
    clustername: 'the cluster name of the host',
    clustertype: 'the cluster type of the cluster that host belongs to',
    hypervisor: 'the host hypervisor',
    hypervisorversion: 'the hypervisor version',
    ipaddress: 'the IP address of the host',
    cpunumber: 'the CPU number of the host',
    cpusockets: 'the number of CPU sockets on the host',
    cpuspeed: 'the CPU speed of the host',
    cpuallocated: "the amount of the host's CPU currently allocated, in percent",
    cpuallocatedvalue: "the amount of the host's CPU currently allocated in MHz",
    cpuallocatedpercentage: "the amount of the host's CPU currently allocated, in percent",
    cpuallocatedwithoverprovisioning:
      "the amount of the host's CPU allocated after applying the overprovisioning factor",
    cpuused: "the amount of the host's CPU currently used",
    cpuwithoverprovisioning: "the amount of the host's CPU after applying the cpu.overprovisioning.factor",
    memorytotal: 'the memory total of the host, in bytes',
    memoryallocated: "the amount of the host's memory currently allocated, in bytes",
    memoryallocatedbytes: "the amount of the host's memory currently allocated, in bytes",
    memoryallocatedpercentage: "the amount of the host's memory currently allocated, in percent",
    memoryused: "the amount of the host's memory currently used, in bytes",
    memorywithoverprovisioning: "the amount of the host's memory after applying the mem.overprovisioning.factor",
    hosttags: 'comma-separated list of tags for the host',
    capabilities: 'capabilities of the host',
    arch: 'CPU Arch of the host',
    lastpinged: 'the date and time the host was last pinged',
    created: 'the date and time the host was created',
    disconnected: 'the date and time the host state last changed away from Up',
    managementserverid: 'the management server ID of the host',
    islocalstorageactive: 'true if local storage is active, false otherwise',
  },
};

const SUCCESS_RESPONSE = {
  name: 'success',
  fields: {
    success: 'true if operation is executed successfully',
    displaytext: 'any text associated with the success or failure',
  },
};

const hostJob = (instanceId: string) => ({ instanceType: 'Host', instanceId });

const addHost = defineCommand({
  name: 'addHost',
  description: 'Adds a new host.',
  roles: ADMIN,
  params: z.object({
    zoneid: param.uuid('the Zone ID for the host'),
    podid: param.uuid('the Pod ID for the host'),
    clusterid: param.uuid('the cluster ID for the host').optional(),
    clustername: param
      .string('the cluster name for the host; a cluster of that name is created when the pod has none')
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
  response: HOST_RESPONSE,
  async handler(ctx, p) {
    const host = await new HostService(ctx.services).add(ctx.caller, p);
    return { kind: 'list', name: 'host', items: [host], count: 1 };
  },
});

const updateHost = defineCommand({
  name: 'updateHost',
  description: 'Updates a host.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the host to update'),
    name: param.string('the new name of the host').optional(),
    hosttags: param.list('list of tags to be added to the host; replaces the current tags').optional(),
    allocationstate: param
      .enumOf(['Enable', 'Disable', 'Enabled', 'Disabled'] as const, 'Change resource state of host: Enable or Disable')
      .transform((v) => (v === 'Enable' || v === 'Enabled' ? ('Enable' as const) : ('Disable' as const)))
      .optional(),
  }),
  response: HOST_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'host', value: await new HostService(ctx.services).update(ctx.caller, p) };
  },
});

const reconnectHost = defineCommand({
  name: 'reconnectHost',
  description: 'Reconnects a host.',
  roles: ADMIN,
  isAsync: true,
  resumable: true,
  params: z.object({
    id: param.uuid('the host ID'),
  }),
  response: HOST_RESPONSE,
  async jobTarget(ctx, p) {
    return hostJob((await new HostService(ctx.services).reconnectTarget(p.id)).uuid);
  },
  async handler(ctx, p) {
    const host = await new HostService(ctx.services).reconnect(ctx.caller, p.id, ctx.job);
    return { kind: 'object', name: 'host', value: host };
  },
});

const prepareHostForMaintenance = defineCommand({
  name: 'prepareHostForMaintenance',
  description: 'Prepares a host for maintenance.',
  roles: ADMIN,
  isAsync: true,
  resumable: true,
  params: z.object({
    id: param.uuid('the host ID'),
  }),
  response: HOST_RESPONSE,
  async jobTarget(ctx, p) {
    return hostJob((await new HostService(ctx.services).maintenanceTarget(p.id)).uuid);
  },
  async handler(ctx, p) {
    const host = await new HostService(ctx.services).prepareMaintenance(ctx.caller, p.id, ctx.job);
    return { kind: 'object', name: 'host', value: host };
  },
});

const cancelHostMaintenance = defineCommand({
  name: 'cancelHostMaintenance',
  description: 'Cancels host maintenance.',
  roles: ADMIN,
  isAsync: true,
  resumable: true,
  params: z.object({
    id: param.uuid('the host ID'),
  }),
  response: HOST_RESPONSE,
  async jobTarget(ctx, p) {
    return hostJob((await new HostService(ctx.services).cancelMaintenanceTarget(p.id)).uuid);
  },
  async handler(ctx, p) {
    const host = await new HostService(ctx.services).cancelMaintenance(ctx.caller, p.id, ctx.job);
    return { kind: 'object', name: 'host', value: host };
  },
});

const deleteHost = defineCommand({
  name: 'deleteHost',
  description: 'Deletes a host; it must be in maintenance or disabled unless forced.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the host ID'),
    forced: param
      .boolean(
        'Force delete the host. All HA enabled vms running on the host will be put to HA; HA disabled ones will be stopped',
      )
      .optional(),
    forcedestroylocalstorage: param
      .boolean('Force destroy local storage on this host. All VMs created on this local storage will be destroyed')
      .optional(),
  }),
  response: SUCCESS_RESPONSE,
  async handler(ctx, p) {
    await new HostService(ctx.services).delete(ctx.caller, p);
    return { kind: 'success' };
  },
});

const listHosts = defineCommand({
  name: 'listHosts',
  description: 'Lists hosts.',
  roles: READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('the id of the host').optional(),
    name: param.string('the name of the host').optional(),
    zoneid: param.uuid('the Zone ID for the host').optional(),
    podid: param.uuid('the Pod ID for the host').optional(),
    clusterid: param.uuid('lists hosts existing in particular cluster').optional(),
    type: param.string('the host type', 32).optional(),
    state: param.string('the state of the host', 32).optional(),
    resourcestate: param.string('list hosts by resource state', 32).optional(),
    hypervisor: param.string('hypervisor type of host: Simulator, KVM', 32).optional(),
    hosttags: param.list('lists hosts having every one of these tags').optional(),
    outofbandmanagementenabled: param
      .boolean('list hosts for which out-of-band management is enabled (not supported; ignored)')
      .optional(),
    details: param.list('comma separated list of host details requested (all details are always returned)').optional(),
  }),
  response: HOST_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await new HostService(ctx.services).list(p);
    return { kind: 'list', name: 'host', items, count };
  },
});

export const hostCommands = [
  addHost,
  updateHost,
  reconnectHost,
  prepareHostForMaintenance,
  cancelHostMaintenance,
  deleteHost,
  listHosts,
];
