import { z } from 'zod';
import { defineCommand, type CommandContext, type JobTarget } from '../command';
import { listParams, param } from '../schemas/params';
import { TRAFFIC_TYPES } from '../../domain/infrastructure';
import { physicalNetworks } from '../../services/infrastructure/physical-networks';

const ADMIN = ['Admin'] as const;
const READERS = ['Admin', 'ResourceAdmin'] as const;

const SUCCESS_RESPONSE = {
  name: 'success',
  fields: {
    success: 'true if operation is executed successfully',
    displaytext: 'any text associated with the success or failure',
  },
};

const PHYSICAL_NETWORK_RESPONSE = {
  name: 'physicalnetwork',
  fields: {
    id: 'the uuid of the physical network',
    name: 'name of the physical network',
    zoneid: 'zone id of the physical network',
    zonename: 'zone name of the physical network',
    vlan: 'the vlan of the physical network',
    isolationmethods: 'isolation methods',
    tags: 'comma separated tag',
    networkspeed: 'the speed of the physical network',
    broadcastdomainrange: 'Broadcast domain range of the physical network',
    domainid: 'the domain id of the physical network owner',
    state: 'state of the physical network',
  },
};

const TRAFFIC_TYPE_RESPONSE = {
  name: 'traffictype',
  fields: {
    id: 'id of the network provider',
    traffictype: 'the trafficType to be added to the physical network',
    physicalnetworkid: 'the physical network this belongs to',
    kvmnetworklabel: 'The network name label of the physical device dedicated to this traffic on a KVM host',
    vmwarenetworklabel: 'The network name label of the physical device dedicated to this traffic on a VMware host',
    xennetworklabel: 'The network name label of the physical device dedicated to this traffic on a XenServer host',
    hypervnetworklabel: 'The network name label of the physical device dedicated to this traffic on a HyperV host',
    ovm3networklabel: 'The network name of the physical device dedicated to this traffic on an OVM3 host',
    vlan: 'The VLAN id to be used for Management traffic by VMware host',
  },
};

const PROVIDER_RESPONSE = {
  name: 'networkserviceprovider',
  fields: {
    id: 'uuid of the network provider',
    name: 'the provider name',
    physicalnetworkid: 'the physical network this belongs to',
    destinationphysicalnetworkid: 'the destination physical network',
    state: 'state of the network provider',
    servicelist: 'services for this provider',
    canenableindividualservice: 'true if individual services can be enabled/disabled',
  },
};

const ELEMENT_RESPONSE = {
  name: 'virtualrouterelement',
  fields: {
    id: 'the id of the router',
    nspid: 'the physical network service provider id of the provider',
    enabled: 'Enabled/Disabled the service provider',
  },
};

const vlanParam = param.string('the VLAN for the physical network', 4096).optional();
const speedParam = param.string('the speed for the physical network[1G/10G]').optional();
const tagsParam = param.list('Tag the physical network').optional();
const physicalNetworkIdParam = param.uuid('the Physical Network ID');

const labelParams = {
  kvmnetworklabel: param
    .string('The network name label of the physical device dedicated to this traffic on a KVM host')
    .optional(),
  vmwarenetworklabel: param
    .string('The network name label of the physical device dedicated to this traffic on a VMware host')
    .optional(),
  xennetworklabel: param
    .string('The network name label of the physical device dedicated to this traffic on a XenServer host')
    .optional(),
  hypervnetworklabel: param
    .string('The network name label of the physical device dedicated to this traffic on a Hyperv host')
    .optional(),
  ovm3networklabel: param
    .string('The network name of the physical device dedicated to this traffic on an OVM3 host')
    .optional(),
};

/** Traffic type changes run one at a time per physical network. */
async function trafficJobTarget(ctx: CommandContext, p: { id: string }): Promise<JobTarget> {
  const traffic = await physicalNetworks(ctx.services).requireTraffic(p.id);
  return { instanceType: 'TrafficType', instanceId: traffic.uuid, syncKey: `PhysicalNetwork:${traffic.network_uuid}` };
}

/** A list command for readers: the paging parameters plus `filters`, answered by one service call. */
function listCommand<F extends z.ZodRawShape>(def: {
  name: string;
  description: string;
  filters: F;
  response: { name: string; fields: Record<string, string> };
  list(
    ctx: CommandContext,
    params: z.output<z.ZodObject<typeof listParams & F>>,
  ): Promise<{ items: Record<string, unknown>[]; count: number }>;
}) {
  return defineCommand({
    name: def.name,
    description: def.description,
    roles: READERS,
    params: z.object({ ...listParams, ...def.filters }),
    response: def.response,
    async handler(ctx, p) {
      const { items, count } = await def.list(ctx, p);
      return { kind: 'list', name: def.response.name, items, count };
    },
  });
}

const createPhysicalNetwork = defineCommand({
  name: 'createPhysicalNetwork',
  description: 'Creates a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    zoneid: param.uuid('the Zone ID for the physical network'),
    name: param.string('the name of the physical network'),
    vlan: vlanParam,
    isolationmethods: param
      .list('the isolation method for the physical network[VLAN/L3/GRE/STT/VXLAN/VNS ...]')
      .optional(),
    tags: tagsParam,
    networkspeed: speedParam,
    broadcastdomainrange: param
      .enumOf(
        ['ZONE', 'POD'] as const,
        'the broadcast domain range for the physical network[Pod or Zone]. In Acton release it can be Zone only in Advance zone, and Pod in Basic',
      )
      .optional(),
    domainid: param.uuid('domain ID of the account owning a physical network').optional(),
  }),
  response: PHYSICAL_NETWORK_RESPONSE,
  async jobTarget(ctx, p) {
    const uuid = await physicalNetworks(ctx.services).createTarget(p);
    return { instanceType: 'PhysicalNetwork', instanceId: uuid };
  },
  async handler(ctx, p) {
    const value = await physicalNetworks(ctx.services).create(ctx.caller, p, ctx.job);
    return { kind: 'object', name: 'physicalnetwork', value };
  },
});

const updatePhysicalNetwork = defineCommand({
  name: 'updatePhysicalNetwork',
  description: 'Updates a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    id: param.uuid('physical network id'),
    state: param.enumOf(['Enabled', 'Disabled'] as const, 'Enabled/Disabled').optional(),
    vlan: vlanParam,
    networkspeed: speedParam,
    tags: tagsParam,
  }),
  response: PHYSICAL_NETWORK_RESPONSE,
  async jobTarget(ctx, p) {
    const network = await physicalNetworks(ctx.services).updateTarget(p);
    return { instanceType: 'PhysicalNetwork', instanceId: network.uuid };
  },
  async handler(ctx, p) {
    const value = await physicalNetworks(ctx.services).update(ctx.caller, p, ctx.job);
    return { kind: 'object', name: 'physicalnetwork', value };
  },
});

const deletePhysicalNetwork = defineCommand({
  name: 'deletePhysicalNetwork',
  description: 'Deletes a Physical Network.',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('the ID of the Physical network') }),
  response: SUCCESS_RESPONSE,
  async jobTarget(ctx, p) {
    const network = await physicalNetworks(ctx.services).deleteTarget(p);
    return { instanceType: 'PhysicalNetwork', instanceId: network.uuid };
  },
  async handler(ctx, p) {
    await physicalNetworks(ctx.services).delete(ctx.caller, p, ctx.job);
    return { kind: 'success' };
  },
});

const listPhysicalNetworks = listCommand({
  name: 'listPhysicalNetworks',
  description: 'Lists physical networks',
  filters: {
    id: param.uuid('list physical network by id').optional(),
    zoneid: param.uuid('the Zone ID for the physical network').optional(),
    name: param.string('search by name').optional(),
  },
  response: PHYSICAL_NETWORK_RESPONSE,
  list: (ctx, p) => physicalNetworks(ctx.services).list(p),
});

const addTrafficType = defineCommand({
  name: 'addTrafficType',
  description: 'Adds traffic type to a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    physicalnetworkid: physicalNetworkIdParam,
    traffictype: param.enumOf(TRAFFIC_TYPES, 'the trafficType to be added to the physical network'),
    ...labelParams,
    isolationmethod: param
      .string('Used if physical network has multiple isolation types and traffic type is public.')
      .optional(),
    vlan: param.string('The VLAN id to be used for Management traffic by the host').optional(),
  }),
  response: TRAFFIC_TYPE_RESPONSE,
  async jobTarget(ctx, p) {
    const uuid = await physicalNetworks(ctx.services).addTrafficTarget(p);
    return { instanceType: 'TrafficType', instanceId: uuid, syncKey: `PhysicalNetwork:${p.physicalnetworkid}` };
  },
  async handler(ctx, p) {
    const value = await physicalNetworks(ctx.services).addTraffic(ctx.caller, p, ctx.job);
    return { kind: 'object', name: 'traffictype', value };
  },
});

const listTrafficTypes = listCommand({
  name: 'listTrafficTypes',
  description: 'Lists traffic types of a given physical network.',
  filters: {
    physicalnetworkid: physicalNetworkIdParam,
  },
  response: TRAFFIC_TYPE_RESPONSE,
  list: (ctx, p) => physicalNetworks(ctx.services).listTraffic(p),
});

const updateTrafficType = defineCommand({
  name: 'updateTrafficType',
  description: 'Updates traffic type of a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('traffic type id'), ...labelParams }),
  response: TRAFFIC_TYPE_RESPONSE,
  jobTarget: trafficJobTarget,
  async handler(ctx, p) {
    const value = await physicalNetworks(ctx.services).updateTraffic(ctx.caller, p);
    return { kind: 'object', name: 'traffictype', value };
  },
});

const deleteTrafficType = defineCommand({
  name: 'deleteTrafficType',
  description: 'Deletes traffic type of a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('traffic type id') }),
  response: SUCCESS_RESPONSE,
  jobTarget: trafficJobTarget,
  async handler(ctx, p) {
    await physicalNetworks(ctx.services).deleteTraffic(ctx.caller, p);
    return { kind: 'success' };
  },
});

const listNetworkServiceProviders = listCommand({
  name: 'listNetworkServiceProviders',
  description: 'Lists network serviceproviders for a given physical network.',
  filters: {
    physicalnetworkid: physicalNetworkIdParam.optional(),
    name: param.string('list providers by name').optional(),
    state: param.string('list providers by state').optional(),
  },
  response: PROVIDER_RESPONSE,
  list: (ctx, p) => physicalNetworks(ctx.services).listProviders(p),
});

const updateNetworkServiceProvider = defineCommand({
  name: 'updateNetworkServiceProvider',
  description: 'Updates a network serviceProvider of a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    id: param.uuid('network service provider id'),
    state: param
      .enumOf(
        ['Enabled', 'Disabled', 'Shutdown'] as const,
        'Enabled/Disabled/Shutdown the physical network service provider',
      )
      .optional(),
    servicelist: param.list('the list of services to be enabled for this physical network service provider').optional(),
  }),
  response: PROVIDER_RESPONSE,
  async jobTarget(ctx, p) {
    const provider = await physicalNetworks(ctx.services).updateProviderTarget(p);
    return { instanceType: 'PhysicalNetworkServiceProvider', instanceId: provider.uuid };
  },
  async handler(ctx, p) {
    const value = await physicalNetworks(ctx.services).updateProvider(ctx.caller, p);
    return { kind: 'object', name: 'networkserviceprovider', value };
  },
});

const listVirtualRouterElements = listCommand({
  name: 'listVirtualRouterElements',
  description: 'Lists all available virtual router elements.',
  filters: {
    id: param.uuid('list virtual router elements by id').optional(),
    nspid: param.uuid('list virtual router elements by network service provider id').optional(),
    enabled: param.boolean('list network offerings by enabled state').optional(),
  },
  response: ELEMENT_RESPONSE,
  list: (ctx, p) => physicalNetworks(ctx.services).listElements(p),
});

const configureVirtualRouterElement = defineCommand({
  name: 'configureVirtualRouterElement',
  description: 'Configures a virtual router element.',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    id: param.uuid('the ID of the virtual router provider'),
    enabled: param.boolean('Enabled/Disabled the service provider'),
  }),
  response: ELEMENT_RESPONSE,
  async jobTarget(ctx, p) {
    const element = await physicalNetworks(ctx.services).configureElementTarget(p);
    return { instanceType: 'VirtualRouterElement', instanceId: element.uuid };
  },
  async handler(ctx, p) {
    const value = await physicalNetworks(ctx.services).configureElement(ctx.caller, p);
    return { kind: 'object', name: 'virtualrouterelement', value };
  },
});

export const physicalNetworkCommands = [
  createPhysicalNetwork,
  updatePhysicalNetwork,
  deletePhysicalNetwork,
  listPhysicalNetworks,
  addTrafficType,
  listTrafficTypes,
  updateTrafficType,
  deleteTrafficType,
  listNetworkServiceProviders,
  updateNetworkServiceProvider,
  listVirtualRouterElements,
  configureVirtualRouterElement,
];
