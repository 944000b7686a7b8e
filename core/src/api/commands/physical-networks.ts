import { networkProviders } from '../../services/infrastructure/network-providers';
import { physicalNetworks } from '../../services/infrastructure/physical-networks';
import { trafficTypes } from '../../services/infrastructure/traffic-types';
import { implement, type CommandContext, type JobTarget } from '../command';
import * as spec from '../schemas/physical-networks';

/** Traffic type changes run one at a time per physical network. */
async function trafficJobTarget(ctx: CommandContext, p: { id: string }): Promise<JobTarget> {
  const traffic = await trafficTypes(ctx.services).require(p.id);
  return { instanceType: 'TrafficType', instanceId: traffic.uuid, syncKey: `PhysicalNetwork:${traffic.network_uuid}` };
}

const createPhysicalNetwork = implement(spec.createPhysicalNetwork, {
  async jobTarget(ctx, p) {
    const uuid = await physicalNetworks(ctx.services).createTarget(p);
    return { instanceType: 'PhysicalNetwork', instanceId: uuid };
  },
  handler: (ctx, p) => physicalNetworks(ctx.services).create(ctx.caller, p, ctx.job),
});

const updatePhysicalNetwork = implement(spec.updatePhysicalNetwork, {
  async jobTarget(ctx, p) {
    const network = await physicalNetworks(ctx.services).updateTarget(p);
    return { instanceType: 'PhysicalNetwork', instanceId: network.uuid };
  },
  handler: (ctx, p) => physicalNetworks(ctx.services).update(ctx.caller, p, ctx.job),
});

const deletePhysicalNetwork = implement(spec.deletePhysicalNetwork, {
  async jobTarget(ctx, p) {
    const network = await physicalNetworks(ctx.services).deleteTarget(p);
    return { instanceType: 'PhysicalNetwork', instanceId: network.uuid };
  },
  handler: (ctx, p) => physicalNetworks(ctx.services).delete(ctx.caller, p, ctx.job),
});

const listPhysicalNetworks = implement(spec.listPhysicalNetworks, {
  handler: (ctx, p) => physicalNetworks(ctx.services).list(p),
});

const addTrafficType = implement(spec.addTrafficType, {
  async jobTarget(ctx, p) {
    const uuid = await trafficTypes(ctx.services).addTarget(p);
    return { instanceType: 'TrafficType', instanceId: uuid, syncKey: `PhysicalNetwork:${p.physicalnetworkid}` };
  },
  handler: (ctx, p) => trafficTypes(ctx.services).add(ctx.caller, p, ctx.job),
});

const listTrafficTypes = implement(spec.listTrafficTypes, {
  handler: (ctx, p) => trafficTypes(ctx.services).list(p),
});

const updateTrafficType = implement(spec.updateTrafficType, {
  jobTarget: trafficJobTarget,
  handler: (ctx, p) => trafficTypes(ctx.services).update(ctx.caller, p),
});

const deleteTrafficType = implement(spec.deleteTrafficType, {
  jobTarget: trafficJobTarget,
  handler: (ctx, p) => trafficTypes(ctx.services).delete(ctx.caller, p),
});

const listNetworkServiceProviders = implement(spec.listNetworkServiceProviders, {
  handler: (ctx, p) => networkProviders(ctx.services).list(p),
});

const updateNetworkServiceProvider = implement(spec.updateNetworkServiceProvider, {
  async jobTarget(ctx, p) {
    const provider = await networkProviders(ctx.services).updateTarget(p);
    return { instanceType: 'PhysicalNetworkServiceProvider', instanceId: provider.uuid };
  },
  handler: (ctx, p) => networkProviders(ctx.services).update(ctx.caller, p),
});

const listVirtualRouterElements = implement(spec.listVirtualRouterElements, {
  handler: (ctx, p) => networkProviders(ctx.services).listElements(p),
});

const configureVirtualRouterElement = implement(spec.configureVirtualRouterElement, {
  async jobTarget(ctx, p) {
    const element = await networkProviders(ctx.services).configureElementTarget(p);
    return { instanceType: 'VirtualRouterElement', instanceId: element.uuid };
  },
  handler: (ctx, p) => networkProviders(ctx.services).configureElement(ctx.caller, p),
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
