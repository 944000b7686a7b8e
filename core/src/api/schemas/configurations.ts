import { z } from 'zod';
import { entity, field } from './fields';
import { listParams, param } from './params';
import { defineSpec, listOf, objectOf, type CommandInput } from './spec';
import { CONFIGURATION_TYPES, SETTING_SCOPES, SETTING_UNITS } from '../../domain/settings-registry';

/** Where a value in effect comes from (Stackyard's valuesource). */
export const VALUE_SOURCES = ['default', 'global', ...SETTING_SCOPES] as const;

/** CloudStack's ConfigurationResponse (secrets show as ******), with Stackyard's unit and source fields. */
export const Configuration = entity('Configuration', {
  name: field.string('the name of the configuration'),
  value: field.string(
    'the value of the configuration (****** for secrets); with a scope id, the value in effect there',
  ),
  defaultvalue: field.string('the default value of the configuration'),
  category: field.string('the category of the configuration'),
  description: field.string('the description of the configuration'),
  type: field.oneOf(CONFIGURATION_TYPES, 'the type of the configuration value: String, Number, Decimal or Boolean'),
  options: field.string('the possible values of the configuration, comma separated').optional(),
  isdynamic: field.boolean('true if the configuration is dynamic (applies without a restart)'),
  scope: field.string(
    'scope (global, zone, cluster, storagepool, imagestore, domain or account) the value is listed or set for',
  ),
  scopes: field
    .string(
      'the scopes besides global where the configuration can be set, comma separated (Stackyard; CloudStack ConfigKey scopes)',
    )
    .optional(),
  unit: field
    .oneOf(SETTING_UNITS, 'the unit of a numeric value: fraction is a share from 0 to 1 (Stackyard)')
    .optional(),
  minvalue: field.string('the smallest value accepted (Stackyard)').optional(),
  maxvalue: field.string('the largest value accepted (Stackyard)').optional(),
  isdefault: field.boolean('true when the value in effect equals the default value (Stackyard)'),
  valuesource: field.oneOf(
    VALUE_SOURCES,
    'where the value in effect comes from: default, global, or the scope it is set on (Stackyard)',
  ),
});
export type Configuration = z.infer<typeof Configuration>;

/** The scope ids of listConfigurations, updateConfiguration and resetConfiguration (CloudStack's names). */
function scopeParams(verb: string) {
  return {
    zoneid: param.uuid(`the ID of the Zone to ${verb} the parameter value for corresponding zone`).optional(),
    clusterid: param.uuid(`the ID of the Cluster to ${verb} the parameter value for corresponding cluster`).optional(),
    storageid: param
      .uuid(`the ID of the Storage pool to ${verb} the parameter value for corresponding storage pool`)
      .optional(),
    accountid: param.uuid(`the ID of the Account to ${verb} the parameter value for corresponding account`).optional(),
    domainid: param.uuid(`the ID of the Domain to ${verb} the parameter value for corresponding domain`).optional(),
  };
}

/**
 * Root admins list every setting; with one scope id, the settings of that scope and the value in
 * effect there. Domain admins list the account and domain settings of their domain and below
 * (their own domain when no id is given), as in CloudStack.
 */
export const listConfigurations = defineSpec({
  name: 'listConfigurations',
  description: 'Lists all configurations.',
  roles: ['Admin', 'DomainAdmin'],
  params: z.object({
    ...listParams,
    name: param.string('lists configuration by name').optional(),
    category: param.string('lists configurations by category').optional(),
    ...scopeParams('update'),
    imagestoreuuid: param
      .uuid('the ID of the Image Store to update the parameter value for corresponding image store')
      .optional(),
  }),
  response: listOf('configuration', Configuration),
});

export const updateConfiguration = defineSpec({
  name: 'updateConfiguration',
  description: 'Updates a configuration.',
  roles: ['Admin', 'DomainAdmin'],
  params: z.object({
    name: param.string('the name of the configuration'),
    value: param.string('the value of the configuration', 4096),
    ...scopeParams('update'),
    imagestoreuuid: param
      .uuid('the ID of the Image Store to update the parameter value for corresponding image store')
      .optional(),
  }),
  response: objectOf('configuration', Configuration),
});

export const resetConfiguration = defineSpec({
  name: 'resetConfiguration',
  description:
    'Resets a configuration. The configuration will be set to default value for global setting, and removed from the scope (zone, cluster, storage pool, image store, domain or account) it was set on.',
  roles: ['Admin', 'DomainAdmin'],
  params: z.object({
    name: param.string('the name of the configuration'),
    ...scopeParams('reset'),
    imagestoreid: param
      .uuid('the ID of the Image Store to reset the parameter value for corresponding image store')
      .optional(),
  }),
  response: objectOf('configuration', Configuration),
});

export type ListConfigurationsInput = CommandInput<typeof listConfigurations>;
export type UpdateConfigurationInput = CommandInput<typeof updateConfiguration>;
export type ResetConfigurationInput = CommandInput<typeof resetConfiguration>;
