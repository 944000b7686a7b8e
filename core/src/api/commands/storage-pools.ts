import { implement } from '../command';
import * as spec from '../schemas/storage-pools';

const poolJob = (instanceId: string) => ({ instanceType: 'StoragePool', instanceId });

const createStoragePoolCommand = implement(spec.createStoragePool, {
  handler: (ctx, p) => ctx.services.storagePools.create(ctx.caller, p),
});

const updateStoragePoolCommand = implement(spec.updateStoragePool, {
  handler: (ctx, p) => ctx.services.storagePools.update(ctx.caller, p),
});

const enableStorageMaintenance = implement(spec.enableStorageMaintenance, {
  resumable: true,
  async jobTarget(ctx, p) {
    return poolJob((await ctx.services.storagePools.maintenanceTarget(p.id)).uuid);
  },
  handler: (ctx, p) => ctx.services.storagePools.enableMaintenance(ctx.caller, p.id, ctx.job),
});

const cancelStorageMaintenance = implement(spec.cancelStorageMaintenance, {
  resumable: true,
  async jobTarget(ctx, p) {
    return poolJob((await ctx.services.storagePools.cancelMaintenanceTarget(p.id)).uuid);
  },
  handler: (ctx, p) => ctx.services.storagePools.cancelMaintenance(ctx.caller, p.id, ctx.job),
});

const deleteStoragePoolCommand = implement(spec.deleteStoragePool, {
  handler: (ctx, p) => ctx.services.storagePools.delete(ctx.caller, p),
});

const listStoragePoolsCommand = implement(spec.listStoragePools, {
  handler: (ctx, p) => ctx.services.storagePools.list(p),
});

export const storagePoolCommands = [
  createStoragePoolCommand,
  updateStoragePoolCommand,
  enableStorageMaintenance,
  cancelStorageMaintenance,
  deleteStoragePoolCommand,
  listStoragePoolsCommand,
];
