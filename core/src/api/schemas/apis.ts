import { z } from 'zod';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { param } from './params';
import { defineSpec, listOf, objectOf, type CommandInput } from './spec';

/** A parameter of a command, as listApis reports it (CloudStack's ApiParameterResponse). */
export const ApiParameter = entity('ApiParameter', {
  name: field.string('the name of the api parameter'),
  description: field.string('description of the api parameter'),
  type: field.string('parameter type'),
  length: field.integer('length of the parameter'),
  required: field.boolean('true if this parameter is required for the api request'),
  related: field.string('comma separated related apis to get the parameter'),
  since: field.string('version of CloudStack the api was introduced in'),
});
export type ApiParameter = z.infer<typeof ApiParameter>;

/** A response field of a command; nested lists and objects list their own fields. */
export interface ApiResponseField {
  name: string;
  description: string;
  type: string;
  response?: ApiResponseField[];
}

/** A response field as listApis reports it (CloudStack's ApiResponseResponse), nested fields included. */
export const ApiResponseField: z.ZodType<ApiResponseField> = entity('ApiResponseField', {
  name: field.string('the name of the api response field'),
  description: field.string('description of the api response field'),
  type: field.string('response field type'),
  response: field
    .list(
      z.lazy(() => ApiResponseField),
      'api response fields',
    )
    .optional(),
});

/** A command as listApis reports it (CloudStack's ApiDiscoveryResponse). */
export const Api = entity('Api', {
  name: field.string('the name of the api command'),
  description: field.string('description of the api'),
  isasync: field.boolean('true if api is asynchronous'),
  related: field.string('comma separated related apis'),
  since: field.string('version of CloudStack the api was introduced in'),
  params: field.list(ApiParameter, 'the list of params the api accepts'),
  response: field.list(ApiResponseField, 'api response fields'),
  responsename: field.string('the name of the object the api answers with'),
});
export type Api = z.infer<typeof Api>;

/** CloudStack's CapabilitiesResponse, as far as Stackyard has the capabilities. */
export const Capability = entity('Capability', {
  cloudstackversion: field.string('version of the cloud stack API this server speaks'),
  stackyardversion: field.string('version of Stackyard'),
  dynamicrolesenabled: field.boolean('true if dynamic role-based api checker is enabled'),
  securitygroupsenabled: field.boolean('true if security groups support is enabled, false otherwise'),
  userpublictemplateenabled: field.boolean(
    'true if user and domain admins can set templates to be shared, false otherwise',
  ),
  projectinviterequired: field.boolean('If invitation confirmation is required when add account to project'),
  allowusercreateprojects: field.boolean('true if regular user is allowed to create projects'),
  allowuserviewdestroyedvm: field.boolean('true if the user is allowed to view destroyed virtualmachines'),
  allowuserexpungerecovervm: field.boolean('true if the user can recover and expunge virtualmachines, false otherwise'),
  kvmsnapshotenabled: field.boolean('true if snapshot is supported for KVM host, false otherwise'),
  apilimitinterval: field.integer('time interval (in seconds) to reset api count'),
  apilimitmax: field.integer('Max allowed number of api requests within the specified interval'),
  defaultuipagesize: field.long('default page size in the UI for various views, value set in the configurations'),
});
export type Capability = z.infer<typeof Capability>;

export const listApis = defineSpec({
  name: 'listApis',
  description: 'Lists all available APIs and their documentation, as the caller may call them',
  roles: ALL_ROLES,
  params: z.object({ name: param.string('API name').optional() }),
  response: listOf('api', Api),
});

export const listCapabilities = defineSpec({
  name: 'listCapabilities',
  description: 'Lists capabilities of the management server',
  roles: ALL_ROLES,
  params: z.object({}),
  response: objectOf('capability', Capability),
});

export type ListApisInput = CommandInput<typeof listApis>;
