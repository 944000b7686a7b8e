import { z } from 'zod';
import {
  ALLOCATION_STATES,
  CLUSTER_ARCHES,
  CLUSTER_TYPES,
  HYPERVISORS,
  MANAGED_STATES,
} from '../../domain/infrastructure';
import { ADMIN, INFRA_READERS } from './common';
import { entity, field } from './fields';
import { listParams, param, sortParams } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** CloudStack's ClusterResponse. */
export const Cluster = entity('Cluster', {
  id: field.uuid('the cluster ID'),
  name: field.string('the cluster name'),
  podid: field.uuid('the Pod ID of the cluster').optional(),
  podname: field.string('the Pod name of the cluster').optional(),
  zoneid: field.uuid('the Zone ID of the cluster').optional(),
  zonename: field.string('the Zone name of the cluster').optional(),
  hypervisortype: field.oneOf(HYPERVISORS, 'the hypervisor type of the cluster'),
  clustertype: field.oneOf(CLUSTER_TYPES, 'the type of the cluster'),
  allocationstate: field.oneOf(ALLOCATION_STATES, 'the allocation state of the cluster'),
  managedstate: field.oneOf(MANAGED_STATES, 'whether this cluster is managed by CloudStack'),
  cpuovercommitratio: field.string('The cpu overcommit ratio of the cluster'),
  memoryovercommitratio: field.string('The memory overcommit ratio of the cluster'),
  arch: field.oneOf(CLUSTER_ARCHES, 'CPU Arch of the hosts in the cluster'),
});
export type Cluster = z.infer<typeof Cluster>;

const ratio = (description: string) => param.decimal(description, 16).optional();

export const addCluster = defineSpec({
  name: 'addCluster',
  description: 'Adds a new cluster',
  roles: ADMIN,
  params: z.object({
    zoneid: param.uuid('the Zone ID for the cluster'),
    podid: param.uuid('the Pod ID for the host'),
    clustername: param.name('the cluster name'),
    hypervisor: param.string('hypervisor type of the cluster: Simulator (KVM later)', 32),
    clustertype: param.string('type of the cluster: CloudManaged (default), ExternalManaged', 32).optional(),
    allocationstate: param
      .enumOf(ALLOCATION_STATES, 'Allocation state of this cluster for allocation of new resources; default Enabled')
      .optional(),
    arch: param.string('the CPU arch of the cluster: x86_64 (default) or aarch64', 16).optional(),
    cpuovercommitratio: ratio('value of the cpu overcommit ratio, defaults to 1 (the global factor applies)'),
    memoryovercommitratio: ratio('value of the memory overcommit ratio, defaults to 1 (the global factor applies)'),
  }),
  response: listOf('cluster', Cluster),
});

export const updateCluster = defineSpec({
  name: 'updateCluster',
  description: 'Updates an existing cluster',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the Cluster'),
    clustername: param.name('the cluster name').optional(),
    allocationstate: param
      .enumOf(ALLOCATION_STATES, 'Allocation state of this cluster for allocation of new resources')
      .optional(),
    managedstate: param.string('whether this cluster is managed by CloudStack: Managed or Unmanaged', 16).optional(),
    cpuovercommitratio: ratio('value of the cpu overcommit ratio'),
    memoryovercommitratio: ratio('value of the memory overcommit ratio'),
  }),
  response: objectOf('cluster', Cluster),
});

export const deleteCluster = defineSpec({
  name: 'deleteCluster',
  description: 'Deletes a cluster; refused while it has hosts or primary storage pools.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the cluster ID'),
  }),
  response: success(),
});

/** What listClusters can be sorted by (Stackyard's sortby). */
export const CLUSTER_SORT_KEYS = [
  'name',
  'hypervisor',
  'allocationstate',
  'clustertype',
  'managedstate',
  'created',
] as const;

export const listClusters = defineSpec({
  name: 'listClusters',
  description: 'Lists clusters.',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    ...sortParams(CLUSTER_SORT_KEYS, 'states compare as stored text'),
    id: param.uuid('lists clusters by the cluster ID').optional(),
    name: param.string('lists clusters by the cluster name').optional(),
    zoneid: param.uuid('lists clusters by Zone ID').optional(),
    podid: param.uuid('lists clusters by Pod ID').optional(),
    hypervisor: param.string('lists clusters by hypervisor type', 32).optional(),
    clustertype: param.string('lists clusters by cluster type', 32).optional(),
    allocationstate: param.enumOf(ALLOCATION_STATES, 'lists clusters by allocation state').optional(),
    managedstate: param.string('whether this cluster is managed by CloudStack', 16).optional(),
  }),
  response: listOf('cluster', Cluster),
});

export type AddClusterInput = CommandInput<typeof addCluster>;
export type UpdateClusterInput = CommandInput<typeof updateCluster>;
export type DeleteClusterInput = CommandInput<typeof deleteCluster>;
export type ListClustersInput = CommandInput<typeof listClusters>;
