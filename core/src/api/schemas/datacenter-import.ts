import { z } from 'zod';
import { DATACENTER_IMPORT_STATES } from '../../domain/datacenter-import';
import { ADMIN } from './common';
import { entity, field } from './fields';
import { listParams, param } from './params';
import { defineSpec, listOf, objectOf, type CommandInput } from './spec';

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
  importid: field
    .uuid(
      'Stackyard: the import record (listDataCenterImports); absent in a dry run. An import of the same description that was interrupted is continued under its own record',
    )
    .optional(),
  resumed: field
    .boolean('Stackyard: true when this run continued an interrupted import, skipping the steps it had done')
    .optional(),
  zones: field.list(DataCenterImportZone, 'the zones of the description: id (absent in a dry run) and name'),
  calls: field.integer('the number of API calls made by this run (in a dry run: the number the import would make)'),
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

/** An import as its journal records it: how far it got and what it created. */
export const DataCenterImportRecord = entity('DataCenterImportRecord', {
  id: field.uuid('the ID of the import'),
  state: field.oneOf(
    DATACENTER_IMPORT_STATES,
    'Running, Interrupted (its server stopped while it ran: resume it or remove what it created), Completed, Failed, RollingBack or RolledBack',
  ),
  zones: field.list(
    DataCenterImportZone,
    'the zones of the description: name, and id once the import has created the zone',
  ),
  totalsteps: field.integer('the number of API calls of the whole import'),
  donesteps: field.integer('the number of API calls completed'),
  createdcounts: field.object(DataCenterImportCounts, 'what the completed steps created, by kind'),
  created: field.date('when the import started'),
  lastupdated: field.date('when the import last changed'),
  jobid: field.uuid('the job that runs (or last ran) the import, its resume or its removal').optional(),
  removalstarted: field
    .boolean('true once removing what the import created has started: it can then only be removed, not resumed')
    .optional(),
});
export type DataCenterImportRecord = z.infer<typeof DataCenterImportRecord>;

export const listDataCenterImports = defineSpec({
  name: 'listDataCenterImports',
  description:
    'Stackyard: lists datacenter imports (importDataCenter) with their state and progress; an import whose server stopped while it ran is Interrupted.',
  roles: ADMIN,
  params: z.object({
    ...listParams,
    id: param.uuid('the ID of the import').optional(),
    state: param
      .string('list imports in this state (Running, Interrupted, Completed, Failed, RollingBack, RolledBack)')
      .optional(),
  }),
  response: listOf('datacenterimport', DataCenterImportRecord),
});
export type ListDataCenterImportsInput = CommandInput<typeof listDataCenterImports>;

export const resumeDataCenterImport = defineSpec({
  name: 'resumeDataCenterImport',
  description:
    'Stackyard: continues an Interrupted or Failed datacenter import from where it stopped, skipping the steps it completed and reusing the ids they produced.',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('the ID of the import') }),
  response: objectOf('datacenterimport', DataCenterImport),
});
export type ResumeDataCenterImportInput = CommandInput<typeof resumeDataCenterImport>;

/** What removing an import's resources did. */
export const DataCenterImportRollback = entity('DataCenterImportRollback', {
  id: field.uuid('the ID of the import'),
  state: field.oneOf(DATACENTER_IMPORT_STATES, 'the state of the import: RolledBack'),
  removed: field.object(
    DataCenterImportCounts,
    'what was deleted, by kind (zones, physicalnetworks, pods, vlanipranges, clusters, hosts, storagepools, imagestores)',
  ),
  settingskept: field.integer('global settings the import changed: they keep their new values'),
  displaytext: field.string('what was removed and what was kept'),
});
export type DataCenterImportRollback = z.infer<typeof DataCenterImportRollback>;

export const rollbackDataCenterImport = defineSpec({
  name: 'rollbackDataCenterImport',
  description:
    'Stackyard: deletes what an Interrupted or Failed datacenter import created (hosts, storage, clusters, IP ranges, pods, physical networks, zones: innermost first), through the delete commands. Global settings the import changed keep their values.',
  roles: ADMIN,
  isAsync: true,
  params: z.object({ id: param.uuid('the ID of the import') }),
  response: objectOf('datacenterimportrollback', DataCenterImportRollback),
});
export type RollbackDataCenterImportInput = CommandInput<typeof rollbackDataCenterImport>;
