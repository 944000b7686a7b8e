import { z } from 'zod';
import { ALLOCATION_STATES, NETWORK_TYPES, ZONE_TYPES } from '../../domain/infrastructure';
import { ADMIN, ALL_ROLES } from './common';
import { entity, field } from './fields';
import { listParams, param, sortParams } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/**
 * CloudStack's ZoneResponse. Internal DNS and the guest CIDR are in the root admin's view only
 * (CloudStack's restricted response view for everyone else).
 */
export const Zone = entity('Zone', {
  id: field.uuid('Zone id'),
  name: field.string('Zone name'),
  description: field.string('Zone description').optional(),
  networktype: field.oneOf(NETWORK_TYPES, 'the network type of the zone; can be Basic or Advanced'),
  dns1: field.string('the first DNS for the Zone'),
  dns2: field.string('the second DNS for the Zone').optional(),
  ip6dns1: field.string('the first IPv6 DNS for the Zone').optional(),
  ip6dns2: field.string('the second IPv6 DNS for the Zone').optional(),
  internaldns1: field.string('the first internal DNS for the Zone').optional(),
  internaldns2: field.string('the second internal DNS for the Zone').optional(),
  guestcidraddress: field.string('the guest CIDR address for the Zone').optional(),
  domain: field.string('Network domain name for the networks in the zone').optional(),
  domainid: field.uuid('the UUID of the containing domain, null for public zones').optional(),
  domainname: field.string('the name of the containing domain, null for public zones').optional(),
  allocationstate: field.oneOf(ALLOCATION_STATES, 'the allocation state of the cluster'),
  securitygroupsenabled: field.boolean('true if security groups support is enabled, false otherwise'),
  localstorageenabled: field.boolean('true if local storage offering enabled, false otherwise'),
  dhcpprovider: field.string('the dhcp Provider for the Zone'),
  type: field.oneOf(ZONE_TYPES, 'The type of the zone; can be Core or Edge'),
});
export type Zone = z.infer<typeof Zone>;

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

export const createZone = defineSpec({
  name: 'createZone',
  description: 'Creates a Zone.',
  roles: ADMIN,
  params: z.object({
    name: param.name('the name of the Zone'),
    networktype: param.enumOf(NETWORK_TYPES, 'network type of the zone, can be Basic or Advanced'),
    ...zoneFields,
    domainid: param.uuid('the ID of the containing domain, null for public zones').optional(),
    securitygroupenabled: param.boolean('true if network is security group enabled, false otherwise').optional(),
    allocationstate: allocationState(
      'Allocation state of this Zone for allocation of new resources; default Disabled',
    ).optional(),
  }),
  response: objectOf('zone', Zone),
});

export const updateZone = defineSpec({
  name: 'updateZone',
  description: 'Updates a Zone.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the Zone'),
    name: param.name('the name of the Zone').optional(),
    ...zoneFields,
    dns1: zoneFields.dns1.optional(),
    internaldns1: zoneFields.internaldns1.optional(),
    allocationstate: allocationState('Allocation state of this cluster for allocation of new resources').optional(),
    ispublic: param.boolean('updates a private zone to public if set, but not vice-versa').optional(),
  }),
  response: objectOf('zone', Zone),
});

export const deleteZone = defineSpec({
  name: 'deleteZone',
  description: 'Deletes a Zone.',
  roles: ADMIN,
  params: z.object({ id: param.uuid('the ID of the Zone') }),
  response: success(),
});

/** What listZones can be sorted by (Stackyard's sortby). */
export const ZONE_SORT_KEYS = ['name', 'networktype', 'allocationstate', 'created'] as const;

export const listZones = defineSpec({
  name: 'listZones',
  readOnly: true,
  description: 'Lists zones',
  roles: ALL_ROLES,
  params: z.object({
    ...listParams,
    ...sortParams(ZONE_SORT_KEYS, 'allocationstate compares as stored text'),
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
  response: listOf('zone', Zone),
});

export type CreateZoneInput = CommandInput<typeof createZone>;
export type UpdateZoneInput = CommandInput<typeof updateZone>;
export type DeleteZoneInput = CommandInput<typeof deleteZone>;
export type ListZonesInput = CommandInput<typeof listZones>;
