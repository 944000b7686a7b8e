import { implement } from '../command';
import * as spec from '../schemas/network-offerings';

const createNetworkOffering = implement(spec.createNetworkOffering, {
  handler: (ctx, p) => ctx.services.networkOfferings.create(ctx.caller, p),
});

const updateNetworkOffering = implement(spec.updateNetworkOffering, {
  handler: (ctx, p) => ctx.services.networkOfferings.update(ctx.caller, p),
});

const deleteNetworkOffering = implement(spec.deleteNetworkOffering, {
  handler: (ctx, p) => ctx.services.networkOfferings.delete(ctx.caller, p.id),
});

const listNetworkOfferings = implement(spec.listNetworkOfferings, {
  handler: (ctx, p) => ctx.services.networkOfferings.list(ctx.caller, p),
});

export const networkOfferingCommands = [
  createNetworkOffering,
  updateNetworkOffering,
  deleteNetworkOffering,
  listNetworkOfferings,
];
