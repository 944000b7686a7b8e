import { implement } from '../command';
import * as spec from '../schemas/offerings';

const createServiceOffering = implement(spec.createServiceOffering, {
  handler: (ctx, p) => ctx.services.serviceOfferings.create(ctx.caller, p),
});

const updateServiceOffering = implement(spec.updateServiceOffering, {
  handler: (ctx, p) => ctx.services.serviceOfferings.update(ctx.caller, p),
});

const deleteServiceOffering = implement(spec.deleteServiceOffering, {
  handler: (ctx, p) => ctx.services.serviceOfferings.delete(ctx.caller, p.id),
});

const listServiceOfferings = implement(spec.listServiceOfferings, {
  handler: (ctx, p) => ctx.services.serviceOfferings.list(ctx.caller, p),
});

const createDiskOffering = implement(spec.createDiskOffering, {
  handler: (ctx, p) => ctx.services.diskOfferings.create(ctx.caller, p),
});

const updateDiskOffering = implement(spec.updateDiskOffering, {
  handler: (ctx, p) => ctx.services.diskOfferings.update(ctx.caller, p),
});

const deleteDiskOffering = implement(spec.deleteDiskOffering, {
  handler: (ctx, p) => ctx.services.diskOfferings.delete(ctx.caller, p.id),
});

const listDiskOfferings = implement(spec.listDiskOfferings, {
  handler: (ctx, p) => ctx.services.diskOfferings.list(ctx.caller, p),
});

export const offeringCommands = [
  createServiceOffering,
  updateServiceOffering,
  deleteServiceOffering,
  listServiceOfferings,
  createDiskOffering,
  updateDiskOffering,
  deleteDiskOffering,
  listDiskOfferings,
];
