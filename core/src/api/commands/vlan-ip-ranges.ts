import { VlanIpRangeService } from '../../services/infrastructure/vlan-ip-ranges';
import { implement } from '../command';
import * as spec from '../schemas/vlan-ip-ranges';

const createVlanIpRange = implement(spec.createVlanIpRange, {
  handler: (ctx, p) => new VlanIpRangeService(ctx.services).create(ctx.caller, p),
});

const listVlanIpRanges = implement(spec.listVlanIpRanges, {
  handler: (ctx, p) => new VlanIpRangeService(ctx.services).list(ctx.caller, p),
});

const deleteVlanIpRange = implement(spec.deleteVlanIpRange, {
  handler: (ctx, p) => new VlanIpRangeService(ctx.services).delete(ctx.caller, p),
});

const dedicatePublicIpRange = implement(spec.dedicatePublicIpRange, {
  handler: (ctx, p) => new VlanIpRangeService(ctx.services).dedicate(ctx.caller, p),
});

const releasePublicIpRange = implement(spec.releasePublicIpRange, {
  handler: (ctx, p) => new VlanIpRangeService(ctx.services).release(ctx.caller, p),
});

export const vlanIpRangeCommands = [
  createVlanIpRange,
  listVlanIpRanges,
  deleteVlanIpRange,
  dedicatePublicIpRange,
  releasePublicIpRange,
];
