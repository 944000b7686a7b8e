import { implement } from '../command';
import * as spec from '../schemas/vlan-ip-ranges';

const createVlanIpRange = implement(spec.createVlanIpRange, {
  handler: (ctx, p) => ctx.services.vlanIpRanges.create(ctx.caller, p),
});

const listVlanIpRanges = implement(spec.listVlanIpRanges, {
  handler: (ctx, p) => ctx.services.vlanIpRanges.list(ctx.caller, p),
});

const deleteVlanIpRange = implement(spec.deleteVlanIpRange, {
  handler: (ctx, p) => ctx.services.vlanIpRanges.delete(ctx.caller, p),
});

const dedicatePublicIpRange = implement(spec.dedicatePublicIpRange, {
  handler: (ctx, p) => ctx.services.vlanIpRanges.dedicate(ctx.caller, p),
});

const releasePublicIpRange = implement(spec.releasePublicIpRange, {
  handler: (ctx, p) => ctx.services.vlanIpRanges.release(ctx.caller, p),
});

export const vlanIpRangeCommands = [
  createVlanIpRange,
  listVlanIpRanges,
  deleteVlanIpRange,
  dedicatePublicIpRange,
  releasePublicIpRange,
];
