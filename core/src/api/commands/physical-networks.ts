import { z } from 'zod';
import { defineCommand } from '../command';
import { listParams, param } from '../params';
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

const createPhysicalNetwork = defineCommand({
  name: 'createPhysicalNetwork',
  description: 'Creates a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    zoneid: param.uuid('the Zone ID for the physical network'),
    name: param.string('the name of the physical network'),
    vlan: param.string('the VLAN for the physical network', 4096).optional(),
    isolationmethods: param
      .list('the isolation method for the physical network[VLAN/L3/GRE/STT/VXLAN/VNS ...]')
      .optional(),
    tags: param.list('Tag the physical network').optional(),
    networkspeed: param.string('the speed for the physical network[1G/10G]').optional(),
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
    vlan: param.string('the VLAN for the physical network', 4096).optional(),
    networkspeed: param.string('the speed for the physical network[1G/10G]').optional(),
    tags: param.list('Tag the physical network').optional(),
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

const listPhysicalNetworks = defineCommand({
  name: 'listPhysicalNetworks',
  description: 'Lists physical networks',
  roles: READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('list physical network by id').optional(),
    zoneid: param.uuid('the Zone ID for the physical network').optional(),
    name: param.string('search by name').optional(),
  }),
  response: PHYSICAL_NETWORK_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await physicalNetworks(ctx.services).list(p);
    return { kind: 'list', name: 'physicalnetwork', items, count };
  },
});

const addTrafficType = defineCommand({
  name: 'addTrafficType',
  description: 'Adds traffic type to a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    physicalnetworkid: param.uuid('the Physical Network ID'),
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

const listTrafficTypes = defineCommand({
  name: 'listTrafficTypes',
  description: 'Lists traffic types of a given physical network.',
  roles: READERS,
  params: z.object({
    ...listParams,
    physicalnetworkid: param.uuid('the Physical Network ID'),
  }),
  response: TRAFFIC_TYPE_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await physicalNetworks(ctx.services).listTraffic(p);
    return { kind: 'list', name: 'traffictype', items, count };
  },
});

const updateTrafficType = defineCommand({
  name: 'updateTrafficType',
  description: 'Updates traffic type of a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('traffic type id'), ...labelParams }),
  response: TRAFFIC_TYPE_RESPONSE,
  async jobTarget(ctx, p) {
    const traffic = await physicalNetworks(ctx.services).requireTraffic(p.id);
    return {
      instanceType: 'TrafficType',
      instanceId: traffic.uuid,
      syncKey: `PhysicalNetwork:${traffic.network_uuid}`,
    };
  },
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
  async jobTarget(ctx, p) {
    const traffic = await physicalNetworks(ctx.services).requireTraffic(p.id);
    return {
      instanceType: 'TrafficType',
      instanceId: traffic.uuid,
      syncKey: `PhysicalNetwork:${traffic.network_uuid}`,
    };
  },
  async handler(ctx, p) {
    await physicalNetworks(ctx.services).deleteTraffic(ctx.caller, p);
    return { kind: 'success' };
  },
});

const listNetworkServiceProviders = defineCommand({
  name: 'listNetworkServiceProviders',
  description: 'Lists network serviceproviders for a given physical network.',
  roles: READERS,
  params: z.object({
    ...listParams,
    physicalnetworkid: param.uuid('the Physical Network ID').optional(),
    name: param.string('list providers by name').optional(),
    state: param.string('list providers by state').optional(),
  }),
  response: PROVIDER_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await physicalNetworks(ctx.services).listProviders(p);
    return { kind: 'list', name: 'networkserviceprovider', items, count };
  },
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

const listVirtualRouterElements = defineCommand({
  name: 'listVirtualRouterElements',
  description: 'Lists all available virtual router elements.',
  roles: READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('list virtual router elements by id').optional(),
    nspid: param.uuid('list virtual router elements by network service provider id').optional(),
    enabled: param.boolean('list network offerings by enabled state').optional(),
  }),
  response: ELEMENT_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await physicalNetworks(ctx.services).listElements(p);
    return { kind: 'list', name: 'virtualrouterelement', items, count };
  },
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
