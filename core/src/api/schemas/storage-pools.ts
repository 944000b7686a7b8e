import { z } from 'zod';
import {
  HYPERVISORS,
  STORAGE_POOL_SCOPES,
  STORAGE_POOL_STATUSES,
  STORAGE_POOL_TYPES,
} from '../../domain/infrastructure';
import { ADMIN, INFRA_READERS } from './common';
import { entity, field } from './fields';
import { listParams, param, sortParams } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** CloudStack's StoragePoolResponse. */
export const StoragePool = entity('StoragePool', {
  id: field.uuid('the ID of the storage pool'),
  name: field.string('the name of the storage pool'),
  zoneid: field.uuid('the Zone ID of the storage pool').optional(),
  zonename: field.string('the Zone name of the storage pool').optional(),
  podid: field.uuid('the Pod ID of the storage pool').optional(),
  podname: field.string('the Pod name of the storage pool').optional(),
  clusterid: field.uuid('the ID of the cluster for the storage pool').optional(),
  clustername: field.string('the name of the cluster for the storage pool').optional(),
  ipaddress: field.string('the IP address of the storage pool'),
  path: field.string('the storage pool path'),
  type: field.oneOf(STORAGE_POOL_TYPES, 'the storage pool type'),
  scope: field.oneOf(STORAGE_POOL_SCOPES, 'the scope of the storage pool'),
  state: field.oneOf(STORAGE_POOL_STATUSES, 'the state of the storage pool'),
  disksizetotal: field.long('the total disk size of the storage pool'),
  disksizeused: field.long("the host's currently used disk size"),
  disksizeallocated: field.long("the host's currently allocated disk size"),
  capacityiops: field.long('IOPS CloudStack can provision from this storage pool').optional(),
  tags: field.string('the tags for the storage pool').optional(),
  hypervisor: field.oneOf(HYPERVISORS, 'the hypervisor type of the storage pool').optional(),
  provider: field.string('Storage provider for this pool'),
  overprovisionfactor: field.string('the overprovisionfactor for the storage pool'),
  created: field.date('the date and time the storage pool was created'),
});
export type StoragePool = z.infer<typeof StoragePool>;

export const createStoragePool = defineSpec({
  name: 'createStoragePool',
  description:
    'Creates a storage pool. URLs: nfs://server/path (NetworkFilesystem), file:///path or an absolute path (Filesystem), sharedmountpoint:///path (SharedMountPoint).',
  roles: ADMIN,
  params: z.object({
    zoneid: param.uuid('the Zone ID for the storage pool'),
    podid: param.uuid('the Pod ID for the storage pool').optional(),
    clusterid: param.uuid('the cluster ID for the storage pool').optional(),
    name: param.name('the name for the storage pool'),
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
  response: objectOf('storagepool', StoragePool),
});

export const updateStoragePool = defineSpec({
  name: 'updateStoragePool',
  description: 'Updates a storage pool.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the Id of the storage pool'),
    name: param.name('Change the name of the storage pool').optional(),
    tags: param.list('comma-separated list of tags for the storage pool').optional(),
    capacitybytes: param.long('bytes CloudStack can provision from this storage pool').optional(),
    capacityiops: param.long('IOPS CloudStack can provision from this storage pool').optional(),
    enabled: param
      .boolean('false to disable the pool for allocation of new volumes, true to enable it back.')
      .optional(),
  }),
  response: objectOf('storagepool', StoragePool),
});

export const enableStorageMaintenance = defineSpec({
  name: 'enableStorageMaintenance',
  description: 'Puts storage pool into maintenance state',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('Primary storage ID') }),
  response: objectOf('storagepool', StoragePool),
});

export const cancelStorageMaintenance = defineSpec({
  name: 'cancelStorageMaintenance',
  description: 'Cancels maintenance for primary storage',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('the primary storage ID') }),
  response: objectOf('storagepool', StoragePool),
});

export const deleteStoragePool = defineSpec({
  name: 'deleteStoragePool',
  description: 'Deletes a storage pool (in Maintenance or Disabled state, or with forced=true).',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('Storage pool id'),
    forced: param
      .boolean('Force destroy storage pool (force expunge volumes in Destroyed state as a part of pool removal)')
      .optional(),
  }),
  response: success(),
});

/** What listStoragePools can be sorted by (Stackyard's sortby). */
export const STORAGE_POOL_SORT_KEYS = [
  'name',
  'state',
  'scope',
  'type',
  'ipaddress',
  'disksizetotal',
  'disksizeused',
  'created',
] as const;

export const listStoragePools = defineSpec({
  name: 'listStoragePools',
  description: 'Lists storage pools.',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    ...sortParams(STORAGE_POOL_SORT_KEYS, 'state compares as stored text, ipaddress as text, disk sizes in bytes'),
    id: param.uuid('the ID of the storage pool').optional(),
    name: param.string('the name of the storage pool').optional(),
    zoneid: param.uuid('the Zone ID for the storage pool').optional(),
    podid: param.uuid('the Pod ID for the storage pool').optional(),
    clusterid: param.uuid('list storage pools belongig to the specific cluster').optional(),
    ipaddress: param.string('the IP address for the storage pool').optional(),
    path: param.string('the storage pool path', 1024).optional(),
    scope: param.enumOf(STORAGE_POOL_SCOPES, 'the scope of the storage pool').optional(),
    status: param.string('the status of the storage pool').optional(),
  }),
  response: listOf('storagepool', StoragePool),
});

export type CreateStoragePoolInput = CommandInput<typeof createStoragePool>;
export type UpdateStoragePoolInput = CommandInput<typeof updateStoragePool>;
export type DeleteStoragePoolInput = CommandInput<typeof deleteStoragePool>;
export type ListStoragePoolsInput = CommandInput<typeof listStoragePools>;
