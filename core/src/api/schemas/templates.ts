import { z } from 'zod';
import { TEMPLATE_FILTERS, TEMPLATE_TYPES } from '../../domain/templates';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { listParams, ownedListParams, param } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** CloudStack's GuestOSCategoryResponse. */
export const OsCategory = entity('OsCategory', {
  id: field.uuid('the ID of the OS category'),
  name: field.string('the name of the OS category'),
});
export type OsCategory = z.infer<typeof OsCategory>;

/** CloudStack's GuestOSResponse. */
export const OsType = entity('OsType', {
  id: field.uuid('the ID of the OS type'),
  name: field.string('the name of the OS type'),
  description: field.string('the name/description of the OS type'),
  oscategoryid: field.uuid('the ID of the OS category'),
  oscategoryname: field.string('the name of the OS category'),
  isuserdefined: field.boolean('is the guest OS user defined'),
});
export type OsType = z.infer<typeof OsType>;

/** CloudStack's TemplateResponse: one per template (or ISO) and zone, as listTemplates reports them. */
export const Template = entity('Template', {
  id: field.uuid('the template ID'),
  name: field.string('the template name'),
  displaytext: field.string('the template display text'),
  ispublic: field.boolean('true if this template is a public template, false otherwise'),
  created: field.date('the date this template was created'),
  isready: field.boolean('true if the template is ready to be deployed from, false otherwise.'),
  passwordenabled: field.boolean('true if the reset password feature is enabled, false otherwise'),
  format: field.string('the format of the template.'),
  isfeatured: field.boolean('true if this template is a featured template, false otherwise'),
  crossZones: field.boolean('true if the template is managed across all Zones, false otherwise'),
  ostypeid: field.uuid('the ID of the OS type for this template.'),
  ostypename: field.string('the name of the OS type for this template.'),
  account: field.string('the account name to which the template belongs'),
  accountid: field.uuid('the account id to which the template belongs'),
  domain: field.string('the name of the domain to which the template belongs'),
  domainid: field.uuid('the ID of the domain to which the template belongs'),
  zoneid: field.uuid('the ID of the zone for this template').optional(),
  zonename: field.string('the name of the zone for this template').optional(),
  status: field.string('the status of the template: "Download Complete", "n% Downloaded" or the error'),
  size: field.long('the size of the template in bytes').optional(),
  physicalsize: field.long('the physical size of the template in bytes').optional(),
  templatetype: field.oneOf(TEMPLATE_TYPES, 'the type of the template'),
  hypervisor: field.string('the hypervisor on which the template runs').optional(),
  isextractable: field.boolean('true if the template is extractable, false otherwise'),
  checksum: field.string('checksum of the template').optional(),
  bootable: field.boolean('true if the ISO is bootable, false otherwise').optional(),
  requireshvm: field.boolean('true if template requires HVM enabled, false otherwise'),
  isdynamicallyscalable: field.boolean(
    'true if template contains XS/VMWare tools inorder to support dynamic scaling of VM cpu/memory',
  ),
  bits: field.integer('the processor bit size'),
  templatetag: field.string('the tag of this template').optional(),
  sshkeyenabled: field.boolean('true if template is sshkey enabled, false otherwise'),
  sourcetemplateid: field.uuid('the template ID of the parent template if present').optional(),
  url: field.string('the URL which the template/iso is registered from').optional(),
  details: field.map('additional key/value details tied with template').optional(),
  directdownload: field.boolean('KVM Only: true if template is directly downloaded to Primary Storage'),
  deployasis: field.boolean('VMware only: true if template is deployed without orchestrating disks and networks'),
});
export type Template = z.infer<typeof Template>;

/** CloudStack's TemplatePermissionsResponse. */
export const TemplatePermissions = entity('TemplatePermissions', {
  id: field.uuid('the template ID'),
  ispublic: field.boolean('true if this template is a public template, false otherwise'),
  domainid: field.uuid('the ID of the domain to which the template belongs'),
  account: field.list(z.string(), 'the list of accounts the template is available for'),
});
export type TemplatePermissions = z.infer<typeof TemplatePermissions>;

const ownerParams = {
  account: param.string('an optional accountName. Must be used with domainId.').optional(),
  domainid: param
    .uuid('an optional domainId. If the account parameter is used, domainId must also be used.')
    .optional(),
};

export const listOsCategories = defineSpec({
  name: 'listOsCategories',
  readOnly: true,
  description: 'Lists all supported OS categories for this cloud.',
  roles: ALL_ROLES,
  params: z.object({
    ...listParams,
    id: param.uuid('list Os category by id').optional(),
    name: param.string('list os category by name').optional(),
  }),
  response: listOf('oscategory', OsCategory),
});

export const listOsTypes = defineSpec({
  name: 'listOsTypes',
  readOnly: true,
  description: 'Lists all supported OS types for this cloud.',
  roles: ALL_ROLES,
  params: z.object({
    ...listParams,
    id: param.uuid('list by Os type Id').optional(),
    oscategoryid: param.uuid('list by Os Category id').optional(),
    description: param.string('list os by description').optional(),
  }),
  response: listOf('ostype', OsType),
});

const commonRegisterParams = (what: string) => ({
  name: param.name(`the name of the ${what}`),
  displaytext: param.string(`the display text of the ${what}, defaults to the name`, 4096).optional(),
  url: param.string(`the URL of where the ${what} is hosted (http or https)`, 2048),
  zoneid: param.string(`the ID of the zone the ${what} is to be hosted on; -1 for every zone`).optional(),
  ostypeid: param.uuid(`the ID of the OS type that best represents the OS of this ${what}`).optional(),
  ispublic: param.boolean(`true if the ${what} is available to all accounts; default is false`).optional(),
  isfeatured: param.boolean(`true if the ${what} is featured (root admins only); default is false`).optional(),
  isextractable: param.boolean(`true if the ${what} or its derivatives are extractable; default is false`).optional(),
  checksum: param.string(`the checksum value of this ${what}: {ALGORITHM}hex, or an MD5 hex`).optional(),
  isdynamicallyscalable: param
    .boolean(`true if ${what} contains XS/VMWare tools inorder to support dynamic scaling of VM cpu/memory`)
    .optional(),
  ...ownerParams,
});

export const registerTemplate = defineSpec({
  name: 'registerTemplate',
  description:
    'Registers an existing template into the cloud: it is downloaded to the image stores of its zones (simulated on Simulator zones).',
  roles: ALL_ROLES,
  params: z.object({
    ...commonRegisterParams('template'),
    format: param.string('the format for the template. Possible values include QCOW2, RAW, VHD and OVA.'),
    hypervisor: param.string('the target hypervisor for the template: KVM or Simulator'),
    zoneids: param.list('a list of zone ids where the template will be hosted; -1 for every zone').optional(),
    passwordenabled: param
      .boolean('true if the template supports the password reset feature; default is false')
      .optional(),
    requireshvm: param.boolean('true if this template requires HVM').optional(),
    bits: param.integer('32 or 64 bits support. 64 by default', 0).optional(),
    templatetag: param.string('the tag for this template.').optional(),
    sshkeyenabled: param
      .boolean('true if the template supports the sshkey upload feature; default is false')
      .optional(),
    details: param.map('Template details in key/value pairs.').optional(),
  }),
  response: listOf('template', Template),
});

export const registerIso = defineSpec({
  name: 'registerIso',
  description: 'Registers an existing ISO into the cloud.',
  roles: ALL_ROLES,
  params: z.object({
    ...commonRegisterParams('ISO'),
    bootable: param.boolean('true if this ISO is bootable. If not passed explicitly its assumed to be true').optional(),
  }),
  response: listOf('iso', Template),
});

const listingParams = {
  ...ownedListParams,
  id: param.uuid('the template ID').optional(),
  ids: param.list('the IDs of the templates, mutually exclusive with id').optional(),
  name: param.string('the template name').optional(),
  zoneid: param.uuid('list templates by zoneId').optional(),
  hypervisor: param.string('the hypervisor for which to restrict the search').optional(),
};

const FILTER_TEXT =
  "featured: public featured templates; self: the caller's own; selfexecutable: the caller's own that are ready; sharedexecutable: shared with the caller and ready; executable: every template the caller may use that is ready; community: public templates that are not featured; all: every template (root admins only).";

export const listTemplates = defineSpec({
  name: 'listTemplates',
  readOnly: true,
  description: 'List all public, private, and privileged templates: one entry per template and zone.',
  roles: ALL_ROLES,
  params: z.object({
    ...listingParams,
    templatefilter: param.enumOf(TEMPLATE_FILTERS, `possible values are ${FILTER_TEXT}`),
  }),
  response: listOf('template', Template),
});

export const listIsos = defineSpec({
  name: 'listIsos',
  readOnly: true,
  description: 'Lists all available ISO files: one entry per ISO and zone.',
  roles: ALL_ROLES,
  params: z.object({
    ...listingParams,
    isofilter: param
      .enumOf(TEMPLATE_FILTERS, `possible values are ${FILTER_TEXT} Defaults to selfexecutable.`)
      .optional(),
    bootable: param.boolean('true if the ISO is bootable, false otherwise').optional(),
    ispublic: param.boolean('true if the ISO is publicly available to all users, false otherwise.').optional(),
    isready: param.boolean('true if this ISO is ready to be deployed').optional(),
  }),
  response: listOf('iso', Template),
});

const updateParams = (what: string) => ({
  id: param.uuid(`the ID of the ${what}`),
  name: param.name(`the name of the ${what}`).optional(),
  displaytext: param.string(`the display text of the ${what}`, 4096).optional(),
  ostypeid: param.uuid(`the ID of the OS type that best represents the OS of this ${what}.`).optional(),
  bootable: param.boolean(`true if the ${what} is bootable`).optional(),
  passwordenabled: param.boolean('true if the image supports the password reset feature').optional(),
  requireshvm: param
    .boolean('true if the template type is routing i.e., if template is used to deploy router')
    .optional(),
  sortkey: param.integer(`sort key of the ${what}, integer`).optional(),
  isdynamicallyscalable: param
    .boolean('true if template/ISO contains XS/VMWare tools inorder to support dynamic scaling of VM cpu/memory')
    .optional(),
});

export const updateTemplate = defineSpec({
  name: 'updateTemplate',
  description: 'Updates attributes of a template.',
  roles: ALL_ROLES,
  params: z.object({
    ...updateParams('template'),
    format: param.string('the format for the image').optional(),
    templatetag: param.string('the tag for this template.').optional(),
    sshkeyenabled: param.boolean('true if the template supports the sshkey upload feature').optional(),
  }),
  response: objectOf('template', Template),
});

export const updateIso = defineSpec({
  name: 'updateIso',
  description: 'Updates an ISO file.',
  roles: ALL_ROLES,
  params: z.object(updateParams('ISO')),
  response: objectOf('iso', Template),
});

export const deleteTemplate = defineSpec({
  name: 'deleteTemplate',
  description:
    'Deletes a template from the system (from one zone with zoneid). All virtual machines using the deleted template will not be affected.',
  roles: ALL_ROLES,
  isAsync: true,
  params: z.object({
    id: param.uuid('the ID of the template'),
    zoneid: param.uuid('the ID of zone of the template').optional(),
    forced: param.boolean('Force delete a template.').optional(),
  }),
  response: success(),
});

export const deleteIso = defineSpec({
  name: 'deleteIso',
  description: 'Deletes an ISO file (from one zone with zoneid).',
  roles: ALL_ROLES,
  isAsync: true,
  params: z.object({
    id: param.uuid('the ID of the ISO file'),
    zoneid: param
      .uuid('the ID of the zone of the ISO file. If not specified, the ISO will be deleted from all the zones')
      .optional(),
  }),
  response: success(),
});

const copyParams = (what: string) => ({
  id: param.uuid(`the ID of the ${what}`),
  sourcezoneid: param
    .uuid(`ID of the zone the ${what} is currently hosted on; any zone it is ready in when absent`)
    .optional(),
  destzoneid: param.uuid(`ID of the zone the ${what} is being copied to.`).optional(),
  destzoneids: param.list(`A list of IDs of the zones that the ${what} is being copied to.`).optional(),
});

export const copyTemplate = defineSpec({
  name: 'copyTemplate',
  description: 'Copies a template from one zone to another.',
  roles: ALL_ROLES,
  isAsync: true,
  params: z.object(copyParams('template')),
  response: objectOf('template', Template),
});

export const copyIso = defineSpec({
  name: 'copyIso',
  description: 'Copies an ISO from one zone to another.',
  roles: ALL_ROLES,
  isAsync: true,
  params: z.object(copyParams('ISO')),
  response: objectOf('iso', Template),
});

export const updateTemplatePermissions = defineSpec({
  name: 'updateTemplatePermissions',
  description:
    'Updates a template visibility permissions: public, featured, extractable, and the accounts it is shared with.',
  roles: ALL_ROLES,
  params: z.object({
    id: param.uuid('the template ID'),
    accounts: param.list("a comma delimited list of accounts within caller's domain.").optional(),
    ispublic: param.boolean('true for public template/iso, false for private templates/isos').optional(),
    isfeatured: param.boolean('true for featured template/iso, false otherwise').optional(),
    isextractable: param.boolean('true if the template/iso is extractable, false other wise.').optional(),
    op: param.string('permission operator (add, remove, reset)').optional(),
  }),
  response: success(),
});

export const listTemplatePermissions = defineSpec({
  name: 'listTemplatePermissions',
  readOnly: true,
  description: 'List template visibility and all accounts that have permissions to view this template.',
  roles: ALL_ROLES,
  params: z.object({ id: param.uuid('the template ID') }),
  response: objectOf('templatepermission', TemplatePermissions),
});

export type ListOsCategoriesInput = CommandInput<typeof listOsCategories>;
export type ListOsTypesInput = CommandInput<typeof listOsTypes>;
export type RegisterTemplateInput = CommandInput<typeof registerTemplate>;
export type RegisterIsoInput = CommandInput<typeof registerIso>;
export type ListTemplatesInput = CommandInput<typeof listTemplates>;
export type ListIsosInput = CommandInput<typeof listIsos>;
export type UpdateTemplateInput = CommandInput<typeof updateTemplate>;
export type UpdateIsoInput = CommandInput<typeof updateIso>;
export type CopyTemplateInput = CommandInput<typeof copyTemplate>;
export type UpdateTemplatePermissionsInput = CommandInput<typeof updateTemplatePermissions>;
