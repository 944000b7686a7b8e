import { z } from 'zod';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';
import { VlanIpRangeService } from '../../services/infrastructure/vlan-ip-ranges';

const ADMIN = ['Admin'] as const;
const READERS = ['Admin', 'ResourceAdmin'] as const;

const VLAN_RESPONSE = {
  name: 'vlan',
  fields: {
    id: 'the ID of the VLAN IP range',
    forvirtualnetwork: 'the virtual network for the VLAN IP range (true for public ranges)',
    zoneid: 'the Zone ID of the VLAN IP range',
    vlan: 'the ID or VID of the VLAN ("vlan://50" or "untagged")',
    account: 'the account of the VLAN IP range',
    domainid: 'the domain ID of the VLAN IP range',
    domain: 'the domain name of the VLAN IP range',
    podid: 'the Pod ID for the VLAN IP range',
    podname: 'the Pod name for the VLAN IP range',
    gateway: 'the gateway of the VLAN IP range',
    netmask: 'the netmask of the VLAN IP range',
    cidr: 'the cidr of the VLAN IP range',
    startip: 'the start ip of the VLAN IP range',
    endip: 'the end ip of the VLAN IP range',
    networkid: 'the network id of vlan range',
    physicalnetworkid: 'the physical network this belongs to',
    forsystemvms: 'indicates whether VLAN IP range is dedicated to system vms or not',
    description: 'the description of the VLAN IP range',
  },
};

const SUCCESS_RESPONSE = {
  name: 'success',
  fields: {
    success: 'true if operation is executed successfully',
    displaytext: 'any text associated with the success or failure',
  },
};

const createVlanIpRange = defineCommand({
  name: 'createVlanIpRange',
  description: 'Creates a VLAN IP range.',
  roles: ADMIN,
  params: z.object({
    zoneid: param.uuid('the Zone ID of the VLAN IP range').optional(),
    podid: param.uuid('optional parameter. Have to be specified for Direct Untagged vlan only.').optional(),
    physicalnetworkid: param.uuid('the physical network id').optional(),
    networkid: param.uuid('the network id (guest network ranges are not supported yet)').optional(),
    vlan: param
      .string('the ID or VID of the VLAN ("50", "vlan://50" or "untagged"); defaults to untagged', 64)
      .optional(),
    gateway: param.string('the gateway of the VLAN IP range', 64).optional(),
    netmask: param.string('the netmask of the VLAN IP range', 64).optional(),
    startip: param.string('the beginning IP address in the VLAN IP range', 64).optional(),
    endip: param.string('the ending IP address in the VLAN IP range; defaults to startip', 64).optional(),
    forvirtualnetwork: param.boolean('true if VLAN is of Virtual type, false if Direct').optional(),
    forsystemvms: param.boolean('true if IP range is set to system vms, false if not').optional(),
    account: param
      .string('account who will own the VLAN. If VLAN is Zone wide, this parameter should be omitted')
      .optional(),
    domainid: param.uuid('domain ID of the account owning a VLAN').optional(),
  }),
  response: VLAN_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'vlan', value: await new VlanIpRangeService(ctx.services).create(ctx.caller, p) };
  },
});

const listVlanIpRanges = defineCommand({
  name: 'listVlanIpRanges',
  description: 'Lists all VLAN IP ranges.',
  roles: READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('the ID of the VLAN IP range').optional(),
    zoneid: param.uuid('the Zone ID of the VLAN IP range').optional(),
    podid: param.uuid('the Pod ID of the VLAN IP range').optional(),
    physicalnetworkid: param.uuid('physical network id of the VLAN IP range').optional(),
    vlan: param.string('the ID or VID of the VLAN. Default is an "untagged" VLAN.', 64).optional(),
    forvirtualnetwork: param.boolean('true if VLAN is of Virtual type, false if Direct').optional(),
    account: param
      .string('the account with which the VLAN IP range is associated. Must be used with domainid')
      .optional(),
    domainid: param.uuid('the domain ID with which the VLAN IP range is associated').optional(),
  }),
  response: VLAN_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await new VlanIpRangeService(ctx.services).list(ctx.caller, p);
    return { kind: 'list', name: 'vlan', items, count };
  },
});

const deleteVlanIpRange = defineCommand({
  name: 'deleteVlanIpRange',
  description: 'Deletes a VLAN IP range.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the id of the VLAN IP range'),
  }),
  response: SUCCESS_RESPONSE,
  async handler(ctx, p) {
    await new VlanIpRangeService(ctx.services).delete(ctx.caller, p);
    return { kind: 'success' };
  },
});

const dedicatePublicIpRange = defineCommand({
  name: 'dedicatePublicIpRange',
  description: 'Dedicates a Public IP range to an account or a domain',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the id of the VLAN IP range'),
    account: param.string('account who will own the VLAN; without it the range is dedicated to the domain').optional(),
    domainid: param.uuid('domain ID of the account owning a VLAN'),
  }),
  response: VLAN_RESPONSE,
  async handler(ctx, p) {
    return {
      kind: 'object',
      name: 'vlan',
      value: await new VlanIpRangeService(ctx.services).dedicate(ctx.caller, p),
    };
  },
});

const releasePublicIpRange = defineCommand({
  name: 'releasePublicIpRange',
  description: 'Releases a Public IP range back to the system pool',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the id of the Public IP range'),
  }),
  response: SUCCESS_RESPONSE,
  async handler(ctx, p) {
    await new VlanIpRangeService(ctx.services).release(ctx.caller, p);
    return { kind: 'success' };
  },
});

export const vlanIpRangeCommands = [
  createVlanIpRange,
  listVlanIpRanges,
  deleteVlanIpRange,
  dedicatePublicIpRange,
  releasePublicIpRange,
];
