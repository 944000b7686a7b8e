import {
  cancelMaintenance,
  cancelMaintenanceTarget,
  enableMaintenance,
  maintenanceTarget,
} from '../../services/infrastructure/storage-pool-maintenance';
import {
  createStoragePool,
  deleteStoragePool,
  listStoragePools,
  updateStoragePool,
} from '../../services/infrastructure/storage-pools';
import { implement } from '../command';
import * as spec from '../schemas/storage-pools';

const poolJob = (instanceId: string) => ({ instanceType: 'StoragePool', instanceId });

const createStoragePoolCommand = implement(spec.createStoragePool, {
  handler: (ctx, p) => createStoragePool(ctx.services, ctx.caller, p),
});

const updateStoragePoolCommand = implement(spec.updateStoragePool, {
  handler: (ctx, p) => updateStoragePool(ctx.services, ctx.caller, p),
});

const enableStorageMaintenance = implement(spec.enableStorageMaintenance, {
  resumable: true,
  async jobTarget(ctx, p) {
    return poolJob((await maintenanceTarget(ctx.services, p.id)).uuid);
  },
  handler: (ctx, p) => enableMaintenance(ctx.services, ctx.caller, p.id, ctx.job),
});

const cancelStorageMaintenance = implement(spec.cancelStorageMaintenance, {
  resumable: true,
  async jobTarget(ctx, p) {
    return poolJob((await cancelMaintenanceTarget(ctx.services, p.id)).uuid);
  },
  handler: (ctx, p) => cancelMaintenance(ctx.services, ctx.caller, p.id, ctx.job),
});

const deleteStoragePoolCommand = implement(spec.deleteStoragePool, {
  handler: (ctx, p) => deleteStoragePool(ctx.services, ctx.caller, p),
});

const listStoragePoolsCommand = implement(spec.listStoragePools, {
  handler: (ctx, p) => listStoragePools(ctx.services, p),
});

export const storagePoolCommands = [
  createStoragePoolCommand,
  updateStoragePoolCommand,
  enableStorageMaintenance,
  cancelStorageMaintenance,
  deleteStoragePoolCommand,
  listStoragePoolsCommand,
];
