import { z } from 'zod';
import { ADMIN } from './common';
import { entity, field } from './fields';
import { listParams, param } from './params';
import { defineSpec, listOf, objectOf, type CommandInput } from './spec';
import { CONFIGURATION_TYPES } from '../../domain/settings-registry';

/** CloudStack's ConfigurationResponse; secrets show as ******. */
export const Configuration = entity('Configuration', {
  name: field.string('the name of the configuration'),
  value: field.string('the value of the configuration (****** for secrets)'),
  defaultvalue: field.string('the default value of the configuration'),
  category: field.string('the category of the configuration'),
  description: field.string('the description of the configuration'),
  type: field.oneOf(CONFIGURATION_TYPES, 'the type of the configuration value: String, Number, Decimal or Boolean'),
  options: field.string('the possible values of the configuration, comma separated').optional(),
  isdynamic: field.boolean('true if the configuration is dynamic (applies without a restart)'),
  scope: field.string('scope (zone/cluster/pool/account) of the parameter that needs to be updated'),
});
export type Configuration = z.infer<typeof Configuration>;

export const listConfigurations = defineSpec({
  name: 'listConfigurations',
  description: 'Lists all configurations.',
  roles: ADMIN,
  params: z.object({
    ...listParams,
    name: param.string('lists configuration by name').optional(),
    category: param.string('lists configurations by category').optional(),
  }),
  response: listOf('configuration', Configuration),
});

export const updateConfiguration = defineSpec({
  name: 'updateConfiguration',
  description: 'Updates a configuration.',
  roles: ADMIN,
  params: z.object({
    name: param.string('the name of the configuration'),
    value: param.string('the value of the configuration', 4096),
  }),
  response: objectOf('configuration', Configuration),
});

export const resetConfiguration = defineSpec({
  name: 'resetConfiguration',
  description: 'Resets a configuration. The configuration will be set to default value for global setting.',
  roles: ADMIN,
  params: z.object({ name: param.string('the name of the configuration') }),
  response: objectOf('configuration', Configuration),
});

export type ListConfigurationsInput = CommandInput<typeof listConfigurations>;
export type UpdateConfigurationInput = CommandInput<typeof updateConfiguration>;
export type ResetConfigurationInput = CommandInput<typeof resetConfiguration>;
