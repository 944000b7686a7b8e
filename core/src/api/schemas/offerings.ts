import { z } from 'zod';
import {
  CACHE_MODES,
  DISK_RATES,
  OFFERING_STATE_FILTERS,
  OFFERING_STATES,
  PROVISIONING_TYPES,
  STORAGE_TYPES,
  SYSTEM_VM_TYPES,
} from '../../domain/offerings';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { listParams, param } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** Root admins, and domain admins for the domains they administer (CloudStack 4.13 and later). */
const OFFERING_MANAGERS = ['Admin', 'DomainAdmin'] as const;

type RateParam = (typeof DISK_RATES)[number]['param'];
type RateField = (typeof DISK_RATES)[number]['field'];

const RATE_TEXT: Readonly<Record<RateParam, string>> = {
  bytesreadrate: 'bytes read rate of the disk offering',
  bytesreadratemax: 'burst bytes read rate of the disk offering',
  bytesreadratemaxlength: 'length (in seconds) of the burst',
  byteswriterate: 'bytes write rate of the disk offering',
  byteswriteratemax: 'burst bytes write rate of the disk offering',
  byteswriteratemaxlength: 'length (in seconds) of the burst',
  iopsreadrate: 'io requests read rate of the disk offering',
  iopsreadratemax: 'burst requests read rate of the disk offering',
  iopsreadratemaxlength: 'length (in seconds) of the burst',
  iopswriterate: 'io requests write rate of the disk offering',
  iopswriteratemax: 'burst io requests write rate of the disk offering',
  iopswriteratemaxlength: 'length (in seconds) of the burst',
};

const rateParam = (name: RateParam) => param.long(RATE_TEXT[name]).optional();
const rateField = (name: RateParam) => field.long(RATE_TEXT[name]).optional();

/** The disk I/O limits both create commands take (bytesreadrate ... iopswriteratemaxlength). */
const rateParams = Object.fromEntries(DISK_RATES.map((r) => [r.param, rateParam(r.param)])) as {
  [K in RateParam]: ReturnType<typeof rateParam>;
};

/** The same limits in both responses (diskBytesReadRate ... diskIopsWriteRateMaxLength). */
const rateFields = Object.fromEntries(DISK_RATES.map((r) => [r.field, rateField(r.param)])) as {
  [K in RateField]: ReturnType<typeof rateField>;
};

/** Where an offering is offered, as both responses report it: comma-separated when several. */
const scopeFields = (what: string) => ({
  domainid: field
    .string(`the domain ID(s) this ${what} belongs to, comma-separated; absent for a public offering`)
    .optional(),
  domain: field.string(`the domain name(s) this ${what} belongs to, comma-separated`).optional(),
  zoneid: field
    .string(`the zone ID(s) this ${what} belongs to, comma-separated; absent when offered in every zone`)
    .optional(),
  zone: field.string(`the zone name(s) this ${what} belongs to, comma-separated`).optional(),
});

/** CloudStack's ServiceOfferingResponse (compute offerings). */
export const ServiceOffering = entity('ServiceOffering', {
  id: field.uuid('the id of the service offering'),
  name: field.string('the name of the service offering'),
  displaytext: field.string('an alternate display text of the service offering.').optional(),
  cpunumber: field.integer('the number of CPU').optional(),
  cpuspeed: field.integer('the clock rate CPU speed in Mhz').optional(),
  memory: field.integer('the memory in MB').optional(),
  created: field.date('the date this service offering was created'),
  storagetype: field.oneOf(STORAGE_TYPES, 'the storage type for this service offering'),
  provisioningtype: field.oneOf(PROVISIONING_TYPES, 'provisioning type used to create volumes'),
  offerha: field.boolean('the ha support in the service offering'),
  limitcpuuse: field.boolean('restrict the CPU usage to committed service offering'),
  isvolatile: field.boolean('true if the vm needs to be volatile, i.e., on every reboot the root disk is discarded'),
  storagetags: field.string('the storage tags for the service offering').optional(),
  ...scopeFields('service offering'),
  hosttags: field.string('the host tag for the service offering').optional(),
  issystem: field.boolean('is this a system vm offering'),
  defaultuse: field.boolean('is this a default system vm offering'),
  systemvmtype: field.oneOf(SYSTEM_VM_TYPES, 'the systemvm type of a system vm offering').optional(),
  networkrate: field.integer('data transfer rate in megabits per second allowed.').optional(),
  iscustomizediops: field.boolean('true if disk offering uses custom iops, false otherwise').optional(),
  miniops: field.long('the min iops of the disk offering').optional(),
  maxiops: field.long('the max iops of the disk offering').optional(),
  ...rateFields,
  serviceofferingdetails: field
    .map(
      'additional key/value details: the bounds of a customized offering (mincpunumber, maxcpunumber, minmemory, maxmemory)',
    )
    .optional(),
  iscustomized: field.boolean('is true if the offering is customized'),
  cacheMode: field.oneOf(CACHE_MODES, 'the cache mode to use for this disk offering').optional(),
  dynamicscalingenabled: field.boolean('true if virtual machine needs to be dynamically scalable of cpu or memory'),
  state: field.oneOf(OFFERING_STATES, 'state of the service offering'),
});
export type ServiceOffering = z.infer<typeof ServiceOffering>;

/** CloudStack's DiskOfferingResponse. */
export const DiskOffering = entity('DiskOffering', {
  id: field.uuid('unique ID of the disk offering'),
  ...scopeFields('disk offering'),
  name: field.string('the name of the disk offering'),
  displaytext: field.string('an alternate display text of the disk offering.'),
  disksize: field.long('the size of the disk offering in GB; 0 for a customized offering'),
  created: field.date('the date this disk offering was created'),
  iscustomized: field.boolean('true if disk offering uses custom size, false otherwise'),
  iscustomizediops: field.boolean('true if disk offering uses custom iops, false otherwise').optional(),
  miniops: field.long('the min iops of the disk offering').optional(),
  maxiops: field.long('the max iops of the disk offering').optional(),
  tags: field.string('the tags for the disk offering').optional(),
  storagetype: field.oneOf(STORAGE_TYPES, 'the storage type for this disk offering'),
  provisioningtype: field.oneOf(PROVISIONING_TYPES, 'provisioning type used to create volumes'),
  ...rateFields,
  cacheMode: field.oneOf(CACHE_MODES, 'the cache mode to use for this disk offering').optional(),
  displayoffering: field.boolean('whether to display the offering to the end user or not.'),
  state: field.oneOf(OFFERING_STATES, 'state of the disk offering'),
});
export type DiskOffering = z.infer<typeof DiskOffering>;

/** What both create commands take besides their own parameters. */
const creationParams = (what: string) => ({
  displaytext: param.string(`The display text of the ${what}, defaults to 'name'.`, 4096).optional(),
  domainid: param.list(`the ID of the containing domain(s), null for public offerings`).optional(),
  zoneid: param.list(`the ID of the containing zone(s), null for public offerings`).optional(),
  storagetype: param.string(`the storage type of the ${what}. Values are local and shared.`).optional(),
  provisioningtype: param
    .string('provisioning type used to create volumes. Valid values are thin, sparse, fat.')
    .optional(),
  cachemode: param.string(`the cache mode to use for this ${what}. none, writeback or writethrough`).optional(),
  customizediops: param.boolean(`whether ${what} iops is custom or not`).optional(),
  miniops: param.long(`min iops of the ${what}`).optional(),
  maxiops: param.long(`max iops of the ${what}`).optional(),
  ...rateParams,
});

export const createServiceOffering = defineSpec({
  name: 'createServiceOffering',
  description:
    'Creates a service offering. Domain admins create offerings for their own domains and subdomains only (domainid), without tags.',
  roles: OFFERING_MANAGERS,
  params: z.object({
    name: param.name('the name of the service offering'),
    ...creationParams('service offering'),
    cpunumber: param.integer('the CPU number of the service offering').optional(),
    cpuspeed: param.integer('the CPU speed of the service offering in MHz.').optional(),
    memory: param.integer('the total memory of the service offering in MB').optional(),
    customized: param.boolean('Whether service offering size is custom or not').optional(),
    mincpunumber: param.integer('The minimum number of CPUs to be set with Custom Computer Offering').optional(),
    maxcpunumber: param.integer('The maximum number of CPUs to be set with Custom Computer Offering').optional(),
    minmemory: param.integer('The minimum memory size of the custom service offering in MB').optional(),
    maxmemory: param.integer('The maximum memory size of the custom service offering in MB').optional(),
    offerha: param.boolean('the HA for the service offering').optional(),
    limitcpuuse: param.boolean('restrict the CPU usage to committed service offering').optional(),
    isvolatile: param
      .boolean(
        'true if the virtual machine needs to be volatile so that on every reboot of VM, the root disk is recreated',
      )
      .optional(),
    dynamicscalingenabled: param
      .boolean('true if virtual machine needs to be dynamically scalable of cpu or memory')
      .optional(),
    tags: param.string('the tags for this service offering.', 4096).optional(),
    hosttags: param.string('the host tag for this service offering.', 4096).optional(),
    issystem: param.boolean('is this a system vm offering').optional(),
    systemvmtype: param
      .string(
        'the system VM type. Possible types are "domainrouter", "consoleproxy", "secondarystoragevm" and "internalloadbalancervm".',
      )
      .optional(),
    networkrate: param
      .integer(
        'data transfer rate in megabits per second allowed. Supported only for non-System offering and system offerings having "domainrouter" systemvmtype',
      )
      .optional(),
  }),
  response: objectOf('serviceoffering', ServiceOffering),
});

/** updateServiceOffering / updateDiskOffering: the name, texts, sort key and where it is offered. */
const updateParams = (what: string) => ({
  id: param.uuid(`the ID of the ${what} to be updated`),
  name: param.name(`the name of the ${what} to be updated`).optional(),
  displaytext: param.string(`the display text of the ${what} to be updated`, 4096).optional(),
  sortkey: param.integer(`sort key of the ${what}, integer`).optional(),
  domainid: param
    .string('the ID of the containing domain(s) as comma separated string, public for public offerings', 4096)
    .optional(),
  zoneid: param
    .string('the ID of the containing zone(s) as comma separated string, all for all zones offerings', 4096)
    .optional(),
});

export const updateServiceOffering = defineSpec({
  name: 'updateServiceOffering',
  description: 'Updates a service offering.',
  roles: OFFERING_MANAGERS,
  params: z.object(updateParams('service offering')),
  response: objectOf('serviceoffering', ServiceOffering),
});

export const deleteServiceOffering = defineSpec({
  name: 'deleteServiceOffering',
  description: 'Deletes a service offering.',
  roles: OFFERING_MANAGERS,
  params: z.object({ id: param.uuid('the ID of the service offering') }),
  response: success(),
});

/** What both list commands take besides their own parameters. */
const listingParams = (what: string) => ({
  ...listParams,
  id: param.uuid(`ID of the ${what}`).optional(),
  name: param.string(`name of the ${what}`).optional(),
  zoneid: param.uuid(`id of zone ${what} is associated with`).optional(),
  domainid: param.uuid(`the ID of the domain of the ${what}: only the offerings of that domain are listed`).optional(),
  isrecursive: param
    .boolean('with domainid, also the offerings of its subdomains; domain admins list those of their subdomains too')
    .optional(),
  listall: param
    .boolean('domain admins: also the offerings of their subdomains (as isrecursive); root admins see every offering')
    .optional(),
  storagetype: param.enumOf(STORAGE_TYPES, `the storage type of the ${what}. Values are local and shared.`).optional(),
  state: param
    .enumOf(
      OFFERING_STATE_FILTERS,
      `Filter by state of the ${what}. Defaults to 'Active'. If set to 'all' shows both Active & Inactive offerings.`,
    )
    .optional(),
});

export const listServiceOfferings = defineSpec({
  name: 'listServiceOfferings',
  readOnly: true,
  description:
    "Lists all available service offerings: public ones and those of the caller's domain and its parent domains; system offerings to root admins with issystem=true.",
  roles: ALL_ROLES,
  params: z.object({
    ...listingParams('service offering'),
    issystem: param.boolean('is this a system vm offering').optional(),
    systemvmtype: param
      .string('the system VM type. Possible types are "consoleproxy", "secondarystoragevm" or "domainrouter".')
      .optional(),
  }),
  response: listOf('serviceoffering', ServiceOffering),
});

export const createDiskOffering = defineSpec({
  name: 'createDiskOffering',
  description:
    'Creates a disk offering. Domain admins create offerings for their own domains and subdomains only (domainid), without tags.',
  roles: OFFERING_MANAGERS,
  params: z.object({
    name: param.name('name of the disk offering'),
    ...creationParams('disk offering'),
    disksize: param
      .long('size of the disk offering in GB (1GB = 1,073,741,824 bytes)', Number.MIN_SAFE_INTEGER)
      .optional(),
    customized: param.boolean('whether disk offering size is custom or not').optional(),
    tags: param.string('tags for the disk offering', 4096).optional(),
    displayoffering: param
      .boolean('an optional field, whether to display the offering to the end user or not.')
      .optional(),
  }),
  response: objectOf('diskoffering', DiskOffering),
});

export const updateDiskOffering = defineSpec({
  name: 'updateDiskOffering',
  description: 'Updates a disk offering.',
  roles: OFFERING_MANAGERS,
  params: z.object(updateParams('disk offering')),
  response: objectOf('diskoffering', DiskOffering),
});

export const deleteDiskOffering = defineSpec({
  name: 'deleteDiskOffering',
  description: 'Deletes a disk offering.',
  roles: OFFERING_MANAGERS,
  params: z.object({ id: param.uuid('ID of the disk offering') }),
  response: success(),
});

export const listDiskOfferings = defineSpec({
  name: 'listDiskOfferings',
  readOnly: true,
  description:
    "Lists all available disk offerings: public ones and those of the caller's domain and its parent domains.",
  roles: ALL_ROLES,
  params: z.object(listingParams('disk offering')),
  response: listOf('diskoffering', DiskOffering),
});

export type CreateServiceOfferingInput = CommandInput<typeof createServiceOffering>;
export type UpdateServiceOfferingInput = CommandInput<typeof updateServiceOffering>;
export type ListServiceOfferingsInput = CommandInput<typeof listServiceOfferings>;
export type CreateDiskOfferingInput = CommandInput<typeof createDiskOffering>;
export type UpdateDiskOfferingInput = CommandInput<typeof updateDiskOffering>;
export type ListDiskOfferingsInput = CommandInput<typeof listDiskOfferings>;
/** The parameters both update commands take. */
export type UpdateOfferingInput = UpdateServiceOfferingInput | UpdateDiskOfferingInput;
/** The parameters both create commands share (texts, scope, storage, I/O limits). */
export type OfferingCreationInput = Pick<CreateServiceOfferingInput, keyof ReturnType<typeof creationParams> | 'name'>;
/** The parameters both list commands share. */
export type OfferingListInput = Pick<ListServiceOfferingsInput, keyof ReturnType<typeof listingParams>>;
