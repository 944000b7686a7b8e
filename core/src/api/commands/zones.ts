import { z } from 'zod';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';
import { ALLOCATION_STATES, NETWORK_TYPES } from '../../domain/infrastructure';
import { zones } from '../../services/infrastructure/zones';

const ADMIN = ['Admin'] as const;
const EVERYONE = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;

const ZONE_RESPONSE = {
  name: 'zone',
  fields: {
    id: 'Zone id',
    name: 'Zone name',
    description: 'Zone description',
    networktype: 'the network type of the zone; can be Basic or Advanced',
    dns1: 'the first DNS for the Zone',
    dns2: 'the second DNS for the Zone',
    ip6dns1: 'the first IPv6 DNS for the Zone',
    ip6dns2: 'the second IPv6 DNS for the Zone',
    internaldns1: 'the first internal DNS for the Zone',
    internaldns2: 'the second internal DNS for the Zone',
    guestcidraddress: 'the guest CIDR address for the Zone',
    domain: 'Network domain name for the networks in the zone',
    domainid: 'the UUID of the containing domain, null for public zones',
    domainname: 'the name of the containing domain, null for public zones',
    allocationstate: 'the allocation state of the cluster',
    securitygroupsenabled: 'true if security groups support is enabled, false otherwise',
    localstorageenabled: 'true if local storage offering enabled, false otherwise',
    dhcpprovider: 'the dhcp Provider for the Zone',
    type: 'The type of the zone; can be Core or Edge',
  },
};

const allocationState = (description: string) => param.enumOf(ALLOCATION_STATES, description);

const zoneFields = {
  dns1: param.string('the first DNS for the Zone'),
  dns2: param.string('the second DNS for the Zone').optional(),
  ip6dns1: param.string('the first DNS for IPv6 network in the Zone').optional(),
  ip6dns2: param.string('the second DNS for IPv6 network in the Zone').optional(),
  internaldns1: param.string('the first internal DNS for the Zone'),
  internaldns2: param.string('the second internal DNS for the Zone').optional(),
  guestcidraddress: param.string('the guest CIDR address for the Zone').optional(),
  domain: param.string('Network domain name for the networks in the zone').optional(),
  localstorageenabled: param.boolean('true if local storage offering enabled, false otherwise').optional(),
};

const createZone = defineCommand({
  name: 'createZone',
  description: 'Creates a Zone.',
  roles: ADMIN,
  params: z.object({
    name: param.string('the name of the Zone'),
    networktype: param.enumOf(NETWORK_TYPES, 'network type of the zone, can be Basic or Advanced'),
    ...zoneFields,
    domainid: param.uuid('the ID of the containing domain, null for public zones').optional(),
    securitygroupenabled: param.boolean('true if network is security group enabled, false otherwise').optional(),
    allocationstate: allocationState('Allocation state of this Zone for allocation of new resources').optional(),
  }),
  response: ZONE_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'zone', value: await zones(ctx.services).create(ctx.caller, p) };
  },
});

const updateZone = defineCommand({
  name: 'updateZone',
  description: 'Updates a Zone.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the Zone'),
    name: param.string('the name of the Zone').optional(),
    ...zoneFields,
    dns1: zoneFields.dns1.optional(),
    internaldns1: zoneFields.internaldns1.optional(),
    allocationstate: allocationState('Allocation state of this cluster for allocation of new resources').optional(),
    ispublic: param.boolean('updates a private zone to public if set, but not vice-versa').optional(),
  }),
  response: ZONE_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'zone', value: await zones(ctx.services).update(ctx.caller, p) };
  },
});

const deleteZone = defineCommand({
  name: 'deleteZone',
  description: 'Deletes a Zone.',
  roles: ADMIN,
  params: z.object({ id: param.uuid('the ID of the Zone') }),
  response: {
    name: 'success',
    fields: {
      success: 'true if operation is executed successfully',
      displaytext: 'any text associated with the success or failure',
    },
  },
  async handler(ctx, p) {
    await zones(ctx.services).delete(ctx.caller, p);
    return { kind: 'success' };
  },
});

const listZones = defineCommand({
  name: 'listZones',
  description: 'Lists zones',
  roles: EVERYONE,
  params: z.object({
    ...listParams,
    id: param.uuid('the ID of the zone').optional(),
    name: param.string('the name of the zone').optional(),
    networktype: param
      .enumOf(NETWORK_TYPES, 'the network type of the zone that the virtual machine belongs to')
      .optional(),
    domainid: param.uuid('the ID of the domain associated with the zone').optional(),
    available: param
      .boolean(
        'true if you want to retrieve all available Zones. False if you only want to return the Zones from which you have at least one VM. Default is false.',
      )
      .optional(),
    showcapacities: param.boolean('flag to display the capacity of the zones').optional(),
  }),
  response: ZONE_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await zones(ctx.services).list(ctx.caller, p);
    return { kind: 'list', name: 'zone', items, count };
  },
});

export const zoneCommands = [createZone, updateZone, deleteZone, listZones];
