import { z } from 'zod';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';
import { ALLOCATION_STATES } from '../../domain/infrastructure';
import { ClusterService } from '../../services/infrastructure/clusters';

const ADMIN = ['Admin'] as const;
const READERS = ['Admin', 'ResourceAdmin'] as const;

const CLUSTER_RESPONSE = {
  name: 'cluster',
  fields: {
    id: 'the cluster ID',
    name: 'the cluster name',
    podid: 'the Pod ID of the cluster',
    podname: 'the Pod name of the cluster',
    zoneid: 'the Zone ID of the cluster',
    zonename: 'the Zone name of the cluster',
    hypervisortype: 'the hypervisor type of the cluster',
    clustertype: 'the type of the cluster',
    allocationstate: 'the allocation state of the cluster',
    managedstate: 'whether this cluster is managed by CloudStack',
    cpuovercommitratio: 'The cpu overcommit ratio of the cluster',
    memoryovercommitratio: 'The memory overcommit ratio of the cluster',
    arch: 'CPU Arch of the hosts in the cluster',
  },
};

const SUCCESS_RESPONSE = {
  name: 'success',
  fields: {
    success: 'true if operation is executed successfully',
    displaytext: 'any text associated with the success or failure',
  },
};

const ratio = (description: string) =>
  param.string(description, 16).pipe(z.coerce.number('must be a number')).optional();

const addCluster = defineCommand({
  name: 'addCluster',
  description: 'Adds a new cluster',
  roles: ADMIN,
  params: z.object({
    zoneid: param.uuid('the Zone ID for the cluster'),
    podid: param.uuid('the Pod ID for the host'),
    clustername: param.string('the cluster name'),
    hypervisor: param.string('hypervisor type of the cluster: Simulator (KVM later)', 32),
    clustertype: param.string('type of the cluster: CloudManaged (default), ExternalManaged', 32).optional(),
    allocationstate: param
      .enumOf(ALLOCATION_STATES, 'Allocation state of this cluster for allocation of new resources; default Disabled')
      .optional(),
    arch: param.string('the CPU arch of the cluster: x86_64 (default) or aarch64', 16).optional(),
    cpuovercommitratio: ratio('value of the cpu overcommit ratio, defaults to 1 (the global factor applies)'),
    memoryovercommitratio: ratio('value of the memory overcommit ratio, defaults to 1 (the global factor applies)'),
  }),
  response: CLUSTER_RESPONSE,
  async handler(ctx, p) {
    const cluster = await new ClusterService(ctx.services).add(ctx.caller, p);
    return { kind: 'list', name: 'cluster', items: [cluster], count: 1 };
  },
});

const updateCluster = defineCommand({
  name: 'updateCluster',
  description: 'Updates an existing cluster',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the Cluster'),
    clustername: param.string('the cluster name').optional(),
    allocationstate: param
      .enumOf(ALLOCATION_STATES, 'Allocation state of this cluster for allocation of new resources')
      .optional(),
    managedstate: param.string('whether this cluster is managed by CloudStack: Managed or Unmanaged', 16).optional(),
    cpuovercommitratio: ratio('value of the cpu overcommit ratio'),
    memoryovercommitratio: ratio('value of the memory overcommit ratio'),
  }),
  response: CLUSTER_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'cluster', value: await new ClusterService(ctx.services).update(ctx.caller, p) };
  },
});

const deleteCluster = defineCommand({
  name: 'deleteCluster',
  description: 'Deletes a cluster; refused while it has hosts or primary storage pools.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the cluster ID'),
  }),
  response: SUCCESS_RESPONSE,
  async handler(ctx, p) {
    await new ClusterService(ctx.services).delete(ctx.caller, p);
    return { kind: 'success' };
  },
});

const listClusters = defineCommand({
  name: 'listClusters',
  description: 'Lists clusters.',
  roles: READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('lists clusters by the cluster ID').optional(),
    name: param.string('lists clusters by the cluster name').optional(),
    zoneid: param.uuid('lists clusters by Zone ID').optional(),
    podid: param.uuid('lists clusters by Pod ID').optional(),
    hypervisor: param.string('lists clusters by hypervisor type', 32).optional(),
    clustertype: param.string('lists clusters by cluster type', 32).optional(),
    allocationstate: param.enumOf(ALLOCATION_STATES, 'lists clusters by allocation state').optional(),
    managedstate: param.string('whether this cluster is managed by CloudStack', 16).optional(),
  }),
  response: CLUSTER_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await new ClusterService(ctx.services).list(p);
    return { kind: 'list', name: 'cluster', items, count };
  },
});

export const clusterCommands = [addCluster, updateCluster, deleteCluster, listClusters];
