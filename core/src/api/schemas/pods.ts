import { z } from 'zod';
import { ALLOCATION_STATES } from '../../domain/infrastructure';
import { ADMIN, INFRA_READERS } from './common';
import { entity, field } from './fields';
import { listParams, param, sortParams } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** CloudStack's IpRangeResponse: one IP range of a pod. */
export const PodIpRange = entity('PodIpRange', {
  startip: field.string('the starting IP for the range'),
  endip: field.string('the ending IP for the range'),
  gateway: field.string('the gateway for the range'),
  forsystemvms: field.boolean('indicates if range is dedicated for CPVM and SSVM'),
  vlanid: field.string('indicates Vlan ID for the range'),
});
export type PodIpRange = z.infer<typeof PodIpRange>;

/** CloudStack's PodResponse. */
export const Pod = entity('Pod', {
  id: field.uuid('the ID of the Pod'),
  name: field.string('the name of the Pod'),
  zoneid: field.uuid('the Zone ID of the Pod').optional(),
  zonename: field.string('the Zone name of the Pod').optional(),
  gateway: field.string('the gateway of the Pod'),
  netmask: field.string('the netmask of the Pod'),
  startip: field.list(z.string(), 'the starting IP for the Pod (one per IP range)'),
  endip: field.list(z.string(), 'the ending IP for the Pod (one per IP range)'),
  allocationstate: field.oneOf(ALLOCATION_STATES, 'the allocation state of the Pod'),
  ipranges: field.list(PodIpRange, 'the IP ranges for the Pod: startip, endip, gateway, forsystemvms, vlanid'),
});
export type Pod = z.infer<typeof Pod>;

const allocationState = (description: string) => param.enumOf(ALLOCATION_STATES, description).optional();

export const createPod = defineSpec({
  name: 'createPod',
  description: 'Creates a new Pod.',
  roles: ADMIN,
  params: z.object({
    zoneid: param.uuid('the Zone ID in which the Pod will be created'),
    name: param.name('the name of the Pod'),
    gateway: param.string('the gateway for the Pod', 64),
    netmask: param.string('the netmask for the Pod', 64),
    startip: param.string('the starting IP address for the Pod', 64),
    endip: param
      .string('the ending IP address for the Pod; defaults to the last usable address of the CIDR', 64)
      .optional(),
    allocationstate: allocationState('Allocation state of this Pod for allocation of new resources; default Enabled'),
  }),
  response: objectOf('pod', Pod),
});

export const updatePod = defineSpec({
  name: 'updatePod',
  description: 'Updates a Pod.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the Pod'),
    name: param.name('the name of the Pod').optional(),
    gateway: param.string('the gateway for the Pod', 64).optional(),
    netmask: param.string('the netmask of the Pod', 64).optional(),
    startip: param.string('the starting IP address for the Pod', 64).optional(),
    endip: param.string('the ending IP address for the Pod', 64).optional(),
    allocationstate: allocationState('Allocation state of this Pod for allocation of new resources'),
  }),
  response: objectOf('pod', Pod),
});

export const deletePod = defineSpec({
  name: 'deletePod',
  description: 'Deletes a Pod.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the Pod'),
  }),
  response: success(),
});

/** What listPods can be sorted by (Stackyard's sortby). */
export const POD_SORT_KEYS = ['name', 'allocationstate', 'created'] as const;

export const listPods = defineSpec({
  name: 'listPods',
  description: 'Lists all Pods.',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    ...sortParams(POD_SORT_KEYS, 'allocationstate compares as stored text'),
    id: param.uuid('list Pods by ID').optional(),
    name: param.string('list Pods by name').optional(),
    zoneid: param.uuid('list Pods by Zone ID').optional(),
    allocationstate: allocationState('list pods by allocation state'),
    showcapacities: param.boolean('flag to display the capacity of the pods (not supported; ignored)').optional(),
  }),
  response: listOf('pod', Pod),
});

export type CreatePodInput = CommandInput<typeof createPod>;
export type UpdatePodInput = CommandInput<typeof updatePod>;
export type DeletePodInput = CommandInput<typeof deletePod>;
export type ListPodsInput = CommandInput<typeof listPods>;
