import { z } from 'zod';
import {
  cancelMaintenance,
  cancelMaintenanceTarget,
  createStoragePool,
  deleteStoragePool,
  enableMaintenance,
  listStoragePools,
  maintenanceTarget,
  updateStoragePool,
} from '../../services/infrastructure/storage-pools';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';

const ADMIN = ['Admin'] as const;
const LISTERS = ['Admin', 'ResourceAdmin'] as const;

const POOL_RESPONSE = {
  name: 'storagepool',
  fields: {
    id: 'the ID of the storage pool',
    name: 'the name of the storage pool',
    zoneid: 'the Zone ID of the storage pool',
    zonename: 'the Zone name of the storage pool',
    podid: 'the Pod ID of the storage pool',
    podname: 'the Pod name of the storage pool',
    clusterid: 'the ID of the cluster for the storage pool',
    clustername: 'the name of the cluster for the storage pool',
    ipaddress: 'the IP address of the storage pool',
    path: 'the storage pool path',
    type: 'the storage pool type',
    scope: 'the scope of the storage pool',
    state: 'the state of the storage pool',
    disksizetotal: 'the total disk size of the storage pool',
    disksizeused: "the host's currently used disk size",
    disksizeallocated: "the host's currently allocated disk size",
    capacityiops: 'IOPS CloudStack can provision from this storage pool',
    tags: 'the tags for the storage pool',
    hypervisor: 'the hypervisor type of the storage pool',
    provider: 'Storage provider for this pool',
    overprovisionfactor: 'the overprovisionfactor for the storage pool',
    created: 'the date and time the storage pool was created',
  },
};

const SUCCESS = {
  name: 'success',
  fields: {
    success: 'true if operation is executed successfully',
    displaytext: 'any text associated with the success or failure',
  },
};

const createStoragePoolCommand = defineCommand({
  name: 'createStoragePool',
  description:
    'Creates a storage pool. URLs: nfs://server/path (NetworkFilesystem), file:///path or an absolute path (Filesystem), sharedmountpoint:///path (SharedMountPoint).',
  roles: ADMIN,
  params: z.object({
    zoneid: param.uuid('the Zone ID for the storage pool'),
    podid: param.uuid('the Pod ID for the storage pool').optional(),
    clusterid: param.uuid('the cluster ID for the storage pool').optional(),
    name: param.string('the name for the storage pool'),
    url: param.string('the URL of the storage pool', 1024),
    scope: param
      .string('the scope of the storage: cluster or zone (default: cluster when clusterid is given, zone otherwise)')
      .optional(),
    hypervisor: param
      .string('hypervisor type of the hosts in zone that will be attached to this storage pool. KVM, Simulator')
      .optional(),
    tags: param.list('the tags for the storage pool').optional(),
    provider: param.string('the storage provider name').optional(),
    capacitybytes: param.long('bytes CloudStack can provision from this storage pool').optional(),
    capacityiops: param.long('IOPS CloudStack can provision from this storage pool').optional(),
    managed: param.boolean('whether the storage should be managed by CloudStack').optional(),
    details: param.map('the details for the storage pool').optional(),
  }),
  response: POOL_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'storagepool', value: await createStoragePool(ctx.services, ctx.caller, p) };
  },
});

const updateStoragePoolCommand = defineCommand({
  name: 'updateStoragePool',
  description: 'Updates a storage pool.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the Id of the storage pool'),
    name: param.string('Change the name of the storage pool').optional(),
    tags: param.list('comma-separated list of tags for the storage pool').optional(),
    capacitybytes: param.long('bytes CloudStack can provision from this storage pool').optional(),
    capacityiops: param.long('IOPS CloudStack can provision from this storage pool').optional(),
    enabled: param
      .boolean('false to disable the pool for allocation of new volumes, true to enable it back.')
      .optional(),
  }),
  response: POOL_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'storagepool', value: await updateStoragePool(ctx.services, ctx.caller, p) };
  },
});

const enableStorageMaintenance = defineCommand({
  name: 'enableStorageMaintenance',
  description: 'Puts storage pool into maintenance state',
  roles: ADMIN,
  isAsync: true,
  resumable: true,
  params: z.object({ id: param.uuid('Primary storage ID') }),
  response: POOL_RESPONSE,
  async jobTarget(ctx, p) {
    const pool = await maintenanceTarget(ctx.services, p.id);
    return { instanceType: 'StoragePool', instanceId: pool.uuid };
  },
  async handler(ctx, p) {
    return {
      kind: 'object',
      name: 'storagepool',
      value: await enableMaintenance(ctx.services, ctx.caller, p.id, ctx.job),
    };
  },
});

const cancelStorageMaintenance = defineCommand({
  name: 'cancelStorageMaintenance',
  description: 'Cancels maintenance for primary storage',
  roles: ADMIN,
  isAsync: true,
  resumable: true,
  params: z.object({ id: param.uuid('the primary storage ID') }),
  response: POOL_RESPONSE,
  async jobTarget(ctx, p) {
    const pool = await cancelMaintenanceTarget(ctx.services, p.id);
    return { instanceType: 'StoragePool', instanceId: pool.uuid };
  },
  async handler(ctx, p) {
    return {
      kind: 'object',
      name: 'storagepool',
      value: await cancelMaintenance(ctx.services, ctx.caller, p.id, ctx.job),
    };
  },
});

const deleteStoragePoolCommand = defineCommand({
  name: 'deleteStoragePool',
  description: 'Deletes a storage pool (in Maintenance or Disabled state, or with forced=true).',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('Storage pool id'),
    forced: param
      .boolean('Force destroy storage pool (force expunge volumes in Destroyed state as a part of pool removal)')
      .optional(),
  }),
  response: SUCCESS,
  async handler(ctx, p) {
    await deleteStoragePool(ctx.services, ctx.caller, p);
    return { kind: 'success' };
  },
});

const listStoragePoolsCommand = defineCommand({
  name: 'listStoragePools',
  description: 'Lists storage pools.',
  roles: LISTERS,
  params: z.object({
    ...listParams,
    id: param.uuid('the ID of the storage pool').optional(),
    name: param.string('the name of the storage pool').optional(),
    zoneid: param.uuid('the Zone ID for the storage pool').optional(),
    podid: param.uuid('the Pod ID for the storage pool').optional(),
    clusterid: param.uuid('list storage pools belongig to the specific cluster').optional(),
    ipaddress: param.string('the IP address for the storage pool').optional(),
    path: param.string('the storage pool path', 1024).optional(),
    scope: param.enumOf(['CLUSTER', 'ZONE', 'HOST'] as const, 'the scope of the storage pool').optional(),
    status: param.string('the status of the storage pool').optional(),
  }),
  response: POOL_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await listStoragePools(ctx.services, p);
    return { kind: 'list', name: 'storagepool', items, count };
  },
});

export const storagePoolCommands = [
  createStoragePoolCommand,
  updateStoragePoolCommand,
  enableStorageMaintenance,
  cancelStorageMaintenance,
  deleteStoragePoolCommand,
  listStoragePoolsCommand,
];
