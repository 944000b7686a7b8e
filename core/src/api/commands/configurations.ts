import { z } from 'zod';
import type { AnySettingDefinition } from '../../domain/settings-registry';
import { SettingsService, type SettingEntry } from '../../services/settings';
import { defineCommand, type CommandContext } from '../command';
import { listParams, param } from '../schemas/params';
import { pageWindow } from '../../services/paging';

const MASK = '******';

/** CloudStack's configuration types as listConfigurations reports them. */
const WIRE_TYPE: Record<AnySettingDefinition['type'], string> = {
  string: 'String',
  password: 'String',
  integer: 'Number',
  float: 'Decimal',
  boolean: 'Boolean',
};

const CONFIGURATION_FIELDS = {
  name: 'the name of the configuration',
  value: 'the value of the configuration (****** for secrets)',
  defaultvalue: 'the default value of the configuration',
  category: 'the category of the configuration',
  description: 'the description of the configuration',
  type: 'the type of the configuration value: String, Number, Decimal or Boolean',
  options: 'the possible values of the configuration, comma separated',
  isdynamic: 'true if the configuration is dynamic (applies without a restart)',
  scope: 'scope (zone/cluster/pool/account) of the parameter that needs to be updated',
};

function configurationResponse(entry: SettingEntry): Record<string, unknown> {
  const def = entry.definition;
  const out: Record<string, unknown> = {
    name: def.name,
    value: def.isSecret ? MASK : String(entry.value),
    defaultvalue: def.isSecret ? MASK : String(def.default),
    category: def.category,
    description: def.description,
    type: WIRE_TYPE[def.type],
    isdynamic: def.isDynamic,
    scope: def.scope,
  };
  if (def.type === 'string' && def.enum) out.options = def.enum.join(',');
  return out;
}

/** The configuration commands need the writable settings service, beyond the SettingsReader port. */
function settingsService(ctx: CommandContext): SettingsService {
  const config = ctx.services.config;
  if (!(config instanceof SettingsService)) throw new Error('configuration commands need the core SettingsService');
  return config;
}

const listConfigurations = defineCommand({
  name: 'listConfigurations',
  description: 'Lists all configurations.',
  roles: ['Admin'],
  params: z.object({
    ...listParams,
    name: param.string('lists configuration by name').optional(),
    category: param.string('lists configurations by category').optional(),
  }),
  response: { name: 'configuration', fields: CONFIGURATION_FIELDS },
  async handler(ctx, params) {
    const name = params.name?.toLowerCase();
    const category = params.category?.toLowerCase();
    const keyword = params.keyword?.toLowerCase();
    const matching = settingsService(ctx)
      .entries()
      .filter((e) => {
        const def = e.definition;
        if (name !== undefined && !def.name.toLowerCase().includes(name)) return false;
        if (category !== undefined && def.category.toLowerCase() !== category) return false;
        if (keyword !== undefined) {
          const hay = [def.name, def.category, def.description].map((s) => s.toLowerCase());
          if (!hay.some((s) => s.includes(keyword))) return false;
        }
        return true;
      });
    const window = pageWindow(params, ctx.services.config);
    const page = window ? matching.slice(window.offset, window.offset + window.limit) : matching;
    return { kind: 'list', name: 'configuration', items: page.map(configurationResponse), count: matching.length };
  },
});

const updateConfiguration = defineCommand({
  name: 'updateConfiguration',
  description: 'Updates a configuration.',
  roles: ['Admin'],
  params: z.object({
    name: param.string('the name of the configuration'),
    value: param.string('the value of the configuration', 4096),
  }),
  response: { name: 'configuration', fields: CONFIGURATION_FIELDS },
  async handler(ctx, params) {
    const entry = await settingsService(ctx).update(params.name, params.value);
    const def = entry.definition;
    const shown = def.isSecret ? MASK : String(entry.value);
    await ctx.services.events.record({
      type: 'CONFIGURATION.VALUE.EDIT',
      description: `Value of configuration ${def.name} updated to ${shown}${def.isDynamic ? '' : ' (applies after a restart)'}`,
      caller: ctx.caller,
      resourceType: 'Configuration',
    });
    return { kind: 'object', name: 'configuration', value: configurationResponse(entry) };
  },
});

const resetConfiguration = defineCommand({
  name: 'resetConfiguration',
  description: 'Resets a configuration. The configuration will be set to default value for global setting.',
  roles: ['Admin'],
  params: z.object({ name: param.string('the name of the configuration') }),
  response: { name: 'configuration', fields: CONFIGURATION_FIELDS },
  async handler(ctx, params) {
    const entry = await settingsService(ctx).reset(params.name);
    const def = entry.definition;
    await ctx.services.events.record({
      type: 'CONFIGURATION.VALUE.EDIT',
      description: `Value of configuration ${def.name} reset to its default${def.isSecret ? '' : ` ${String(def.default)}`}`,
      caller: ctx.caller,
      resourceType: 'Configuration',
    });
    return { kind: 'object', name: 'configuration', value: configurationResponse(entry) };
  },
});

export const configurationCommands = [listConfigurations, updateConfiguration, resetConfiguration];
