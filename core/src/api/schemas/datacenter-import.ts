import { z } from 'zod';
import { ADMIN } from './common';
import { entity, field } from './fields';
import { param } from './params';
import { defineSpec, objectOf, type CommandInput } from './spec';

/** Large enough for a 100k-host description; the HTTP transport has its own body limit. */
const MAX_CONFIG_CHARS = 64 * 1024 * 1024;

/** A zone of the description. */
export const DataCenterImportZone = entity('DataCenterImportZone', {
  id: field.uuid('the ID of the zone created (absent in a dry run)').optional(),
  name: field.string('the name of the zone'),
});
export type DataCenterImportZone = z.infer<typeof DataCenterImportZone>;

/** What an import created (or, in a dry run, would create), by kind. */
export const DataCenterImportCounts = entity('DataCenterImportCounts', {
  configurations: field.integer('global settings updated'),
  zones: field.integer('zones created'),
  physicalnetworks: field.integer('physical networks created'),
  traffictypes: field.integer('traffic types added'),
  networkserviceproviders: field.integer('network service providers enabled'),
  pods: field.integer('pods created'),
  vlanipranges: field.integer('VLAN IP ranges created'),
  clusters: field.integer('clusters created'),
  hosts: field.integer('hosts added'),
  storagepools: field.integer('primary storage pools created'),
  imagestores: field.integer('image stores added'),
});
export type DataCenterImportCounts = z.infer<typeof DataCenterImportCounts>;

/** One API call of a dry run's plan. */
export const DataCenterImportStep = entity('DataCenterImportStep', {
  command: field.string('the API command the step calls'),
  params: field.map(
    'the parameters of the call: secrets masked, {{reference}} for the ids of resources earlier steps create',
  ),
  label: field.string('what the step does and which part of the description it comes from'),
});
export type DataCenterImportStep = z.infer<typeof DataCenterImportStep>;

/** importDataCenter's job result; `plan` only in a dry run, zone ids only after a real import. */
export const DataCenterImport = entity('DataCenterImport', {
  dryrun: field.boolean('true when nothing was changed and the plan is listed'),
  zones: field.list(DataCenterImportZone, 'the zones of the description: id (absent in a dry run) and name'),
  calls: field.integer('the number of API calls made (in a dry run: the number the import would make)'),
  created: field.object(
    DataCenterImportCounts,
    'what was created, by kind: configurations, zones, physicalnetworks, traffictypes, networkserviceproviders (enabled), pods, vlanipranges, clusters, hosts, storagepools, imagestores (in a dry run: what the import would create)',
  ),
  warnings: field.list(
    z.string(),
    'parts of the description that were skipped: unknown settings, unsupported providers, ignored sections',
  ),
  plan: field
    .list(
      DataCenterImportStep,
      'dry run only: the API calls in order, each with command, params (secrets masked, {{reference}} for ids of earlier steps) and label',
    )
    .optional(),
});
export type DataCenterImport = z.infer<typeof DataCenterImport>;

export const importDataCenter = defineSpec({
  name: 'importDataCenter',
  description:
    'Stackyard: builds a cloud from a datacenter description in the JSON format of Marvin (CloudStack setup/dev/*.cfg), through the same API calls Marvin makes. With dryrun, validates it and lists the calls without changing anything.',
  roles: ADMIN,
  isAsync: true,
  params: z.object({
    config: param.string(
      "the datacenter description: Marvin's JSON, optionally preceded by '#' comment lines",
      MAX_CONFIG_CHARS,
    ),
    dryrun: param.boolean('validate and list the planned API calls without changing anything').optional(),
  }),
  response: objectOf('datacenterimport', DataCenterImport),
});

export type ImportDataCenterInput = CommandInput<typeof importDataCenter>;
