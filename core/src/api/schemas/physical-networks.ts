import { z } from 'zod';
import {
  BROADCAST_DOMAIN_RANGES,
  PHYSICAL_NETWORK_STATES,
  PROVIDER_STATES,
  TRAFFIC_TYPES,
} from '../../domain/infrastructure';
import { ADMIN, INFRA_READERS } from './common';
import { entity, field } from './fields';
import { listParams, param } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** CloudStack's PhysicalNetworkResponse. */
export const PhysicalNetwork = entity('PhysicalNetwork', {
  id: field.uuid('the uuid of the physical network'),
  name: field.string('name of the physical network'),
  zoneid: field.uuid('zone id of the physical network'),
  zonename: field.string('zone name of the physical network'),
  vlan: field.string('the vlan of the physical network').optional(),
  isolationmethods: field.string('isolation methods').optional(),
  tags: field.string('comma separated tag').optional(),
  networkspeed: field.string('the speed of the physical network').optional(),
  broadcastdomainrange: field.oneOf(BROADCAST_DOMAIN_RANGES, 'Broadcast domain range of the physical network'),
  domainid: field.uuid('the domain id of the physical network owner').optional(),
  state: field.oneOf(PHYSICAL_NETWORK_STATES, 'state of the physical network'),
});
export type PhysicalNetwork = z.infer<typeof PhysicalNetwork>;

/** CloudStack's TrafficTypeResponse. */
export const TrafficType = entity('TrafficType', {
  id: field.uuid('id of the network provider'),
  traffictype: field.oneOf(TRAFFIC_TYPES, 'the trafficType to be added to the physical network'),
  physicalnetworkid: field.uuid('the physical network this belongs to'),
  kvmnetworklabel: field
    .string('The network name label of the physical device dedicated to this traffic on a KVM host')
    .optional(),
  vmwarenetworklabel: field
    .string('The network name label of the physical device dedicated to this traffic on a VMware host')
    .optional(),
  xennetworklabel: field
    .string('The network name label of the physical device dedicated to this traffic on a XenServer host')
    .optional(),
  hypervnetworklabel: field
    .string('The network name label of the physical device dedicated to this traffic on a HyperV host')
    .optional(),
  ovm3networklabel: field
    .string('The network name of the physical device dedicated to this traffic on an OVM3 host')
    .optional(),
  vlan: field.string('The VLAN id to be used for Management traffic by VMware host').optional(),
});
export type TrafficType = z.infer<typeof TrafficType>;

/** CloudStack's ProviderResponse. */
export const NetworkServiceProvider = entity('NetworkServiceProvider', {
  id: field.uuid('uuid of the network provider'),
  name: field.string('the provider name'),
  physicalnetworkid: field.uuid('the physical network this belongs to'),
  destinationphysicalnetworkid: field.uuid('the destination physical network').optional(),
  state: field.oneOf(PROVIDER_STATES, 'state of the network provider'),
  servicelist: field.list(z.string(), 'services for this provider'),
  canenableindividualservice: field.boolean('true if individual services can be enabled/disabled'),
});
export type NetworkServiceProvider = z.infer<typeof NetworkServiceProvider>;

/** CloudStack's VirtualRouterProviderResponse. */
export const VirtualRouterElement = entity('VirtualRouterElement', {
  id: field.uuid('the id of the router'),
  nspid: field.uuid('the physical network service provider id of the provider'),
  enabled: field.boolean('Enabled/Disabled the service provider'),
});
export type VirtualRouterElement = z.infer<typeof VirtualRouterElement>;

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

// ---- physical networks --------------------------------------------------------------------

export const createPhysicalNetwork = defineSpec({
  name: 'createPhysicalNetwork',
  description: 'Creates a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    zoneid: param.uuid('the Zone ID for the physical network'),
    name: param.name('the name of the physical network'),
    vlan: vlanParam,
    isolationmethods: param
      .list('the isolation method for the physical network[VLAN/L3/GRE/STT/VXLAN/VNS ...]')
      .optional(),
    tags: tagsParam,
    networkspeed: speedParam,
    broadcastdomainrange: param
      .enumOf(
        BROADCAST_DOMAIN_RANGES,
        'the broadcast domain range for the physical network[Pod or Zone]. In Acton release it can be Zone only in Advance zone, and Pod in Basic',
      )
      .optional(),
    domainid: param.uuid('domain ID of the account owning a physical network').optional(),
  }),
  response: objectOf('physicalnetwork', PhysicalNetwork),
});

export const updatePhysicalNetwork = defineSpec({
  name: 'updatePhysicalNetwork',
  description: 'Updates a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    id: param.uuid('physical network id'),
    state: param.enumOf(PHYSICAL_NETWORK_STATES, 'Enabled/Disabled').optional(),
    vlan: vlanParam,
    networkspeed: speedParam,
    tags: tagsParam,
  }),
  response: objectOf('physicalnetwork', PhysicalNetwork),
});

export const deletePhysicalNetwork = defineSpec({
  name: 'deletePhysicalNetwork',
  description: 'Deletes a Physical Network.',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('the ID of the Physical network') }),
  response: success(),
});

export const listPhysicalNetworks = defineSpec({
  name: 'listPhysicalNetworks',
  description: 'Lists physical networks',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('list physical network by id').optional(),
    zoneid: param.uuid('the Zone ID for the physical network').optional(),
    name: param.string('search by name').optional(),
  }),
  response: listOf('physicalnetwork', PhysicalNetwork),
});

// ---- traffic types ------------------------------------------------------------------------

export const addTrafficType = defineSpec({
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
  response: objectOf('traffictype', TrafficType),
});

export const listTrafficTypes = defineSpec({
  name: 'listTrafficTypes',
  description: 'Lists traffic types of a given physical network.',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    physicalnetworkid: physicalNetworkIdParam,
  }),
  response: listOf('traffictype', TrafficType),
});

export const updateTrafficType = defineSpec({
  name: 'updateTrafficType',
  description: 'Updates traffic type of a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('traffic type id'), ...labelParams }),
  response: objectOf('traffictype', TrafficType),
});

export const deleteTrafficType = defineSpec({
  name: 'deleteTrafficType',
  description: 'Deletes traffic type of a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('traffic type id') }),
  response: success(),
});

// ---- network service providers and virtual router elements --------------------------------

export const listNetworkServiceProviders = defineSpec({
  name: 'listNetworkServiceProviders',
  description: 'Lists network serviceproviders for a given physical network.',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    physicalnetworkid: physicalNetworkIdParam.optional(),
    name: param.string('list providers by name').optional(),
    state: param.string('list providers by state').optional(),
  }),
  response: listOf('networkserviceprovider', NetworkServiceProvider),
});

export const updateNetworkServiceProvider = defineSpec({
  name: 'updateNetworkServiceProvider',
  description: 'Updates a network serviceProvider of a physical network',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    id: param.uuid('network service provider id'),
    state: param.enumOf(PROVIDER_STATES, 'Enabled/Disabled/Shutdown the physical network service provider').optional(),
    servicelist: param.list('the list of services to be enabled for this physical network service provider').optional(),
  }),
  response: objectOf('networkserviceprovider', NetworkServiceProvider),
});

export const listVirtualRouterElements = defineSpec({
  name: 'listVirtualRouterElements',
  description: 'Lists all available virtual router elements.',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('list virtual router elements by id').optional(),
    nspid: param.uuid('list virtual router elements by network service provider id').optional(),
    enabled: param.boolean('list network offerings by enabled state').optional(),
  }),
  response: listOf('virtualrouterelement', VirtualRouterElement),
});

export const configureVirtualRouterElement = defineSpec({
  name: 'configureVirtualRouterElement',
  description: 'Configures a virtual router element.',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    id: param.uuid('the ID of the virtual router provider'),
    enabled: param.boolean('Enabled/Disabled the service provider'),
  }),
  response: objectOf('virtualrouterelement', VirtualRouterElement),
});

export type CreatePhysicalNetworkInput = CommandInput<typeof createPhysicalNetwork>;
export type UpdatePhysicalNetworkInput = CommandInput<typeof updatePhysicalNetwork>;
export type DeletePhysicalNetworkInput = CommandInput<typeof deletePhysicalNetwork>;
export type ListPhysicalNetworksInput = CommandInput<typeof listPhysicalNetworks>;
export type AddTrafficTypeInput = CommandInput<typeof addTrafficType>;
export type ListTrafficTypesInput = CommandInput<typeof listTrafficTypes>;
export type UpdateTrafficTypeInput = CommandInput<typeof updateTrafficType>;
export type DeleteTrafficTypeInput = CommandInput<typeof deleteTrafficType>;
export type ListNetworkServiceProvidersInput = CommandInput<typeof listNetworkServiceProviders>;
export type UpdateNetworkServiceProviderInput = CommandInput<typeof updateNetworkServiceProvider>;
export type ListVirtualRouterElementsInput = CommandInput<typeof listVirtualRouterElements>;
export type ConfigureVirtualRouterElementInput = CommandInput<typeof configureVirtualRouterElement>;
