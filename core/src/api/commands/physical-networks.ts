import { implement, type CommandContext, type JobTarget } from '../command';
import * as spec from '../schemas/physical-networks';

/** Traffic type changes run one at a time per physical network. */
async function trafficJobTarget(ctx: CommandContext, p: { id: string }): Promise<JobTarget> {
  const traffic = await ctx.services.trafficTypes.require(p.id);
  return { instanceType: 'TrafficType', instanceId: traffic.uuid, syncKey: `PhysicalNetwork:${traffic.network_uuid}` };
}

const createPhysicalNetwork = implement(spec.createPhysicalNetwork, {
  async jobTarget(ctx, p) {
    const uuid = await ctx.services.physicalNetworks.createTarget(p);
    return { instanceType: 'PhysicalNetwork', instanceId: uuid };
  },
  handler: (ctx, p) => ctx.services.physicalNetworks.create(ctx.caller, p, ctx.job),
});

const updatePhysicalNetwork = implement(spec.updatePhysicalNetwork, {
  async jobTarget(ctx, p) {
    const network = await ctx.services.physicalNetworks.updateTarget(p);
    return { instanceType: 'PhysicalNetwork', instanceId: network.uuid };
  },
  handler: (ctx, p) => ctx.services.physicalNetworks.update(ctx.caller, p, ctx.job),
});

const deletePhysicalNetwork = implement(spec.deletePhysicalNetwork, {
  async jobTarget(ctx, p) {
    const network = await ctx.services.physicalNetworks.deleteTarget(p);
    return { instanceType: 'PhysicalNetwork', instanceId: network.uuid };
  },
  handler: (ctx, p) => ctx.services.physicalNetworks.delete(ctx.caller, p, ctx.job),
});

const listPhysicalNetworks = implement(spec.listPhysicalNetworks, {
  handler: (ctx, p) => ctx.services.physicalNetworks.list(p),
});

const addTrafficType = implement(spec.addTrafficType, {
  async jobTarget(ctx, p) {
    const uuid = await ctx.services.trafficTypes.addTarget(p);
    return { instanceType: 'TrafficType', instanceId: uuid, syncKey: `PhysicalNetwork:${p.physicalnetworkid}` };
  },
  handler: (ctx, p) => ctx.services.trafficTypes.add(ctx.caller, p, ctx.job),
});

const listTrafficTypes = implement(spec.listTrafficTypes, {
  handler: (ctx, p) => ctx.services.trafficTypes.list(p),
});

const updateTrafficType = implement(spec.updateTrafficType, {
  jobTarget: trafficJobTarget,
  handler: (ctx, p) => ctx.services.trafficTypes.update(ctx.caller, p),
});

const deleteTrafficType = implement(spec.deleteTrafficType, {
  jobTarget: trafficJobTarget,
  handler: (ctx, p) => ctx.services.trafficTypes.delete(ctx.caller, p),
});

const listNetworkServiceProviders = implement(spec.listNetworkServiceProviders, {
  handler: (ctx, p) => ctx.services.networkProviders.list(p),
});

const updateNetworkServiceProvider = implement(spec.updateNetworkServiceProvider, {
  async jobTarget(ctx, p) {
    const provider = await ctx.services.networkProviders.updateTarget(p);
    return { instanceType: 'PhysicalNetworkServiceProvider', instanceId: provider.uuid };
  },
  handler: (ctx, p) => ctx.services.networkProviders.update(ctx.caller, p),
});

const listVirtualRouterElements = implement(spec.listVirtualRouterElements, {
  handler: (ctx, p) => ctx.services.networkProviders.listElements(p),
});

const configureVirtualRouterElement = implement(spec.configureVirtualRouterElement, {
  async jobTarget(ctx, p) {
    const element = await ctx.services.networkProviders.configureElementTarget(p);
    return { instanceType: 'VirtualRouterElement', instanceId: element.uuid };
  },
  handler: (ctx, p) => ctx.services.networkProviders.configureElement(ctx.caller, p),
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
