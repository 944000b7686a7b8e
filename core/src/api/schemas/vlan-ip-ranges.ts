import { z } from 'zod';
import { ADMIN, INFRA_READERS } from './common';
import { entity, field } from './fields';
import { listParams, param } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** CloudStack's VlanIpRangeResponse: a public range of an advanced zone or a guest range of a basic zone's pod. */
export const VlanIpRange = entity('VlanIpRange', {
  id: field.uuid('the ID of the VLAN IP range'),
  forvirtualnetwork: field.boolean('the virtual network for the VLAN IP range (true for public ranges)'),
  zoneid: field.uuid('the Zone ID of the VLAN IP range').optional(),
  vlan: field.string('the ID or VID of the VLAN ("vlan://50" or "untagged")'),
  account: field.string('the account of the VLAN IP range').optional(),
  domainid: field.uuid('the domain ID of the VLAN IP range').optional(),
  domain: field.string('the domain name of the VLAN IP range').optional(),
  podid: field.uuid('the Pod ID for the VLAN IP range').optional(),
  podname: field.string('the Pod name for the VLAN IP range').optional(),
  gateway: field.string('the gateway of the VLAN IP range'),
  netmask: field.string('the netmask of the VLAN IP range'),
  cidr: field.string('the cidr of the VLAN IP range').optional(),
  startip: field.string('the start ip of the VLAN IP range'),
  endip: field.string('the end ip of the VLAN IP range'),
  networkid: field.uuid('the network id of vlan range').optional(),
  physicalnetworkid: field.uuid('the physical network this belongs to').optional(),
  forsystemvms: field.boolean('indicates whether VLAN IP range is dedicated to system vms or not'),
  description: field.string('the description of the VLAN IP range'),
});
export type VlanIpRange = z.infer<typeof VlanIpRange>;

export const createVlanIpRange = defineSpec({
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
  response: objectOf('vlan', VlanIpRange),
});

export const listVlanIpRanges = defineSpec({
  name: 'listVlanIpRanges',
  description: 'Lists all VLAN IP ranges.',
  roles: INFRA_READERS,
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
  response: listOf('vlan', VlanIpRange),
});

export const deleteVlanIpRange = defineSpec({
  name: 'deleteVlanIpRange',
  description: 'Deletes a VLAN IP range.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the id of the VLAN IP range'),
  }),
  response: success(),
});

export const dedicatePublicIpRange = defineSpec({
  name: 'dedicatePublicIpRange',
  description: 'Dedicates a Public IP range to an account or a domain',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the id of the VLAN IP range'),
    account: param.string('account who will own the VLAN; without it the range is dedicated to the domain').optional(),
    domainid: param.uuid('domain ID of the account owning a VLAN'),
  }),
  response: objectOf('vlan', VlanIpRange),
});

export const releasePublicIpRange = defineSpec({
  name: 'releasePublicIpRange',
  description: 'Releases a Public IP range back to the system pool',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the id of the Public IP range'),
  }),
  response: success(),
});

export type CreateVlanIpRangeInput = CommandInput<typeof createVlanIpRange>;
export type ListVlanIpRangesInput = CommandInput<typeof listVlanIpRanges>;
export type DeleteVlanIpRangeInput = CommandInput<typeof deleteVlanIpRange>;
export type DedicatePublicIpRangeInput = CommandInput<typeof dedicatePublicIpRange>;
export type ReleasePublicIpRangeInput = CommandInput<typeof releasePublicIpRange>;
