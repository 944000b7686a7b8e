import { z } from 'zod';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';
import { ALLOCATION_STATES } from '../../domain/infrastructure';
import { PodService } from '../../services/infrastructure/pods';

const ADMIN = ['Admin'] as const;
const READERS = ['Admin', 'ResourceAdmin'] as const;

const POD_RESPONSE = {
  name: 'pod',
  fields: {
    id: 'the ID of the Pod',
    name: 'the name of the Pod',
    zoneid: 'the Zone ID of the Pod',
    zonename: 'the Zone name of the Pod',
    gateway: 'the gateway of the Pod',
    netmask: 'the netmask of the Pod',
    startip: 'the starting IP for the Pod (one per IP range)',
    endip: 'the ending IP for the Pod (one per IP range)',
    allocationstate: 'the allocation state of the Pod',
    ipranges: 'the IP ranges for the Pod: startip, endip, gateway, forsystemvms, vlanid',
  },
};

const SUCCESS_RESPONSE = {
  name: 'success',
  fields: {
    success: 'true if operation is executed successfully',
    displaytext: 'any text associated with the success or failure',
  },
};

const allocationState = (description: string) => param.enumOf(ALLOCATION_STATES, description).optional();

const createPod = defineCommand({
  name: 'createPod',
  description: 'Creates a new Pod.',
  roles: ADMIN,
  params: z.object({
    zoneid: param.uuid('the Zone ID in which the Pod will be created'),
    name: param.string('the name of the Pod'),
    gateway: param.string('the gateway for the Pod', 64),
    netmask: param.string('the netmask for the Pod', 64),
    startip: param.string('the starting IP address for the Pod', 64),
    endip: param
      .string('the ending IP address for the Pod; defaults to the last usable address of the CIDR', 64)
      .optional(),
    allocationstate: allocationState('Allocation state of this Pod for allocation of new resources; default Disabled'),
  }),
  response: POD_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'pod', value: await new PodService(ctx.services).create(ctx.caller, p) };
  },
});

const updatePod = defineCommand({
  name: 'updatePod',
  description: 'Updates a Pod.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the Pod'),
    name: param.string('the name of the Pod').optional(),
    gateway: param.string('the gateway for the Pod', 64).optional(),
    netmask: param.string('the netmask of the Pod', 64).optional(),
    startip: param.string('the starting IP address for the Pod', 64).optional(),
    endip: param.string('the ending IP address for the Pod', 64).optional(),
    allocationstate: allocationState('Allocation state of this Pod for allocation of new resources'),
  }),
  response: POD_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'pod', value: await new PodService(ctx.services).update(ctx.caller, p) };
  },
});

const deletePod = defineCommand({
  name: 'deletePod',
  description: 'Deletes a Pod.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the Pod'),
  }),
  response: SUCCESS_RESPONSE,
  async handler(ctx, p) {
    await new PodService(ctx.services).delete(ctx.caller, p);
    return { kind: 'success' };
  },
});

const listPods = defineCommand({
  name: 'listPods',
  description: 'Lists all Pods.',
  roles: READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('list Pods by ID').optional(),
    name: param.string('list Pods by name').optional(),
    zoneid: param.uuid('list Pods by Zone ID').optional(),
    allocationstate: allocationState('list pods by allocation state'),
    showcapacities: param.boolean('flag to display the capacity of the pods (not supported; ignored)').optional(),
  }),
  response: POD_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await new PodService(ctx.services).list(p);
    return { kind: 'list', name: 'pod', items, count };
  },
});

export const podCommands = [createPod, updatePod, deletePod, listPods];
