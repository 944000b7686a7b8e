import { z } from 'zod';
import { AVAILABILITIES, GUEST_IP_TYPES, NETWORK_OFFERING_STATES } from '../../domain/network-offerings';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { listParams, param } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** Network offerings are made, changed and deleted by root admins only, as in CloudStack. */
const ROOT_ADMIN = ['Admin'] as const;

/** CloudStack's CapabilityResponse. */
const NetworkOfferingCapability = entity('NetworkOfferingCapability', {
  name: field.string('the capability name'),
  value: field.string('the capability value'),
  canchooseservicecapability: field.boolean(
    'can this service capability value can be choosable while creatine network offerings',
  ),
});

/** CloudStack's ProviderResponse, as a network offering's service names it. */
const NetworkOfferingProvider = entity('NetworkOfferingProvider', {
  name: field.string('the provider name'),
});

/** CloudStack's ServiceResponse: a service the offering supports, its provider and capabilities. */
const NetworkOfferingService = entity('NetworkOfferingService', {
  name: field.string('the service name'),
  provider: field.list(NetworkOfferingProvider, 'the service provider name'),
  capability: field.list(NetworkOfferingCapability, 'the list of capabilities').optional(),
});

/** CloudStack's NetworkOfferingResponse. */
export const NetworkOffering = entity('NetworkOffering', {
  id: field.uuid('the id of the network offering'),
  name: field.string('the name of the network offering'),
  displaytext: field.string('an alternate display text of the network offering.'),
  tags: field.string('the tags for the network offering').optional(),
  created: field.date('the date this network offering was created'),
  traffictype: field.string(
    'the traffic type for the network offering, supported types are Public, Management, Control, Guest, Vlan or Storage.',
  ),
  isdefault: field.boolean('true if network offering is default, false otherwise'),
  specifyvlan: field.boolean('true if network offering supports vlans, false otherwise'),
  conservemode: field.boolean('true if network offering is ip conserve mode enabled'),
  specifyipranges: field.boolean('true if network offering supports specifying ip ranges, false otherwise'),
  availability: field.oneOf(AVAILABILITIES, 'availability of the network offering'),
  networkrate: field.integer('data transfer rate in megabits per second allowed.'),
  state: field.oneOf(NETWORK_OFFERING_STATES, 'state of the network offering. Can be Disabled/Enabled/Inactive'),
  guestiptype: field.oneOf(GUEST_IP_TYPES, 'guest type of the network offering, can be Shared or Isolated'),
  service: field.list(NetworkOfferingService, 'the list of supported services'),
  forvpc: field.boolean('true if network offering can be used by VPC networks only'),
  ispersistent: field.boolean('true if network offering supports persistent networks, false otherwise'),
  egressdefaultpolicy: field.boolean(
    'true if guest network default egress policy is allow; false if default egress policy is deny',
  ),
  domainid: field
    .string('the domain ID(s) this network offering belongs to, comma-separated; absent for a public offering')
    .optional(),
  domain: field.string('the domain name(s) this network offering belongs to, comma-separated').optional(),
  zoneid: field
    .string('the zone ID(s) this network offering belongs to, comma-separated; absent when offered in every zone')
    .optional(),
  zone: field.string('the zone name(s) this network offering belongs to, comma-separated').optional(),
});
export type NetworkOffering = z.infer<typeof NetworkOffering>;

export const createNetworkOffering = defineSpec({
  name: 'createNetworkOffering',
  description: 'Creates a network offering. It starts Disabled; enable it with updateNetworkOffering state=Enabled.',
  roles: ROOT_ADMIN,
  params: z.object({
    name: param.name('the name of the network offering'),
    displaytext: param
      .string("the display text of the network offering, defaults to the value of 'name'.", 4096)
      .optional(),
    guestiptype: param.enumOf(GUEST_IP_TYPES, 'guest type of the network offering: Shared or Isolated'),
    traffictype: param.enumOf(
      ['Guest'],
      'the traffic type for the network offering. Supported type in current release is GUEST only',
    ),
    supportedservices: param.list('services supported by the network offering').optional(),
    serviceproviderlist: param
      .map(
        'provider to service mapping. If not specified, the provider for the service will be mapped to the default provider on the physical network',
      )
      .optional(),
    servicecapabilitylist: param
      .map(
        'desired service capabilities as part of network offering (SourceNat: SupportedSourceNatTypes peraccount|perzone; Lb: SupportedLBIsolation dedicated|shared)',
      )
      .optional(),
    specifyvlan: param.boolean('true if network offering supports vlans').optional(),
    specifyipranges: param
      .boolean('true if network offering supports specifying ip ranges; defaulted to false if not specified')
      .optional(),
    conservemode: param.boolean('true if the network offering is IP conserve mode enabled').optional(),
    egressdefaultpolicy: param
      .boolean('true if guest network default egress policy is allow; false if default egress policy is deny')
      .optional(),
    networkrate: param.integer('data transfer rate in megabits per second allowed').optional(),
    availability: param
      .enumOf(AVAILABILITIES, 'the availability of network offering. The default value is Optional')
      .optional(),
    ispersistent: param
      .boolean('true if network offering supports persistent networks; defaulted to false if not specified')
      .optional(),
    forvpc: param.boolean('true if network offering is meant to be used for VPC, false otherwise.').optional(),
    tags: param.string('the tags for the network offering.', 4096).optional(),
    domainid: param.list('the ID of the containing domain(s), null for public offerings').optional(),
    zoneid: param.list('the ID of the containing zone(s), null for public offerings').optional(),
    enable: param.boolean('set to true if the offering is to be enabled during creation. Default is false').optional(),
  }),
  response: objectOf('networkoffering', NetworkOffering),
});

export const updateNetworkOffering = defineSpec({
  name: 'updateNetworkOffering',
  description: 'Updates a network offering: its names, sort key, availability, state, tags, domains and zones.',
  roles: ROOT_ADMIN,
  params: z.object({
    id: param.uuid('the id of the network offering'),
    name: param.name('the name of the network offering').optional(),
    displaytext: param.string('the display text of the network offering', 4096).optional(),
    sortkey: param.integer('sort key of the network offering, integer').optional(),
    availability: param
      .enumOf(
        AVAILABILITIES,
        'the availability of network offering. The value is Required makes this network offering default for Guest Virtual Networks. Only one network offering can have the value Required',
      )
      .optional(),
    state: param.enumOf(NETWORK_OFFERING_STATES, 'update state for the network offering').optional(),
    tags: param.string('the tags for the network offering.', 4096).optional(),
    domainid: param
      .string('the ID of the containing domain(s) as comma separated string, public for public offerings', 4096)
      .optional(),
    zoneid: param
      .string('the ID of the containing zone(s) as comma separated string, all for all zones offerings', 4096)
      .optional(),
  }),
  response: objectOf('networkoffering', NetworkOffering),
});

export const deleteNetworkOffering = defineSpec({
  name: 'deleteNetworkOffering',
  description: 'Deletes a network offering.',
  roles: ROOT_ADMIN,
  params: z.object({ id: param.uuid('the ID of the network offering') }),
  response: success(),
});

export const listNetworkOfferings = defineSpec({
  name: 'listNetworkOfferings',
  readOnly: true,
  description:
    "Lists all available network offerings: public ones and those of the caller's domain and its parent domains.",
  roles: ALL_ROLES,
  params: z.object({
    ...listParams,
    id: param.uuid('list network offerings by ID').optional(),
    name: param.string('list network offerings by name').optional(),
    displaytext: param.string('list network offerings by display text', 4096).optional(),
    traffictype: param.enumOf(['Guest'], 'list by traffic type').optional(),
    guestiptype: param.enumOf(GUEST_IP_TYPES, 'list network offerings by guest type: shared or isolated').optional(),
    state: param.enumOf(NETWORK_OFFERING_STATES, 'list network offerings by state').optional(),
    availability: param
      .enumOf(AVAILABILITIES, 'the availability of network offering. Default value is required')
      .optional(),
    isdefault: param.boolean('true if need to list only default network offerings. Default value is false').optional(),
    specifyvlan: param.boolean('the network offering supports vlans').optional(),
    specifyipranges: param
      .boolean('true if need to list only network offerings which support specifying ip ranges')
      .optional(),
    zoneid: param.uuid('list network offerings available for network creation in specific zone').optional(),
    domainid: param.uuid('list network offerings available for network creation in specific domain').optional(),
    supportedservices: param.list('list network offerings supporting certain services').optional(),
    sourcenatsupported: param
      .boolean('true if need to list only netwok offerings where source NAT is supported, false otherwise')
      .optional(),
    forvpc: param.boolean('the network offering can be used only for network creation inside the VPC').optional(),
    tags: param.string('list network offerings by tags', 4096).optional(),
  }),
  response: listOf('networkoffering', NetworkOffering),
});

export type CreateNetworkOfferingInput = CommandInput<typeof createNetworkOffering>;
export type UpdateNetworkOfferingInput = CommandInput<typeof updateNetworkOffering>;
export type ListNetworkOfferingsInput = CommandInput<typeof listNetworkOfferings>;
