import { configurationResponse, SettingsService, shownValue } from '../../services/settings';
import { implement, type CommandContext } from '../command';
import * as spec from '../schemas/configurations';

/** The configuration commands need the writable settings service, beyond the SettingsReader port. */
function settingsService(ctx: CommandContext): SettingsService {
  const config = ctx.services.config;
  if (!(config instanceof SettingsService)) throw new Error('configuration commands need the core SettingsService');
  return config;
}

const listConfigurations = implement(spec.listConfigurations, {
  async handler(ctx, params) {
    return settingsService(ctx).list(params);
  },
});

const updateConfiguration = implement(spec.updateConfiguration, {
  async handler(ctx, params) {
    const entry = await settingsService(ctx).update(params.name, params.value);
    const def = entry.definition;
    await ctx.services.events.record({
      type: 'CONFIGURATION.VALUE.EDIT',
      description: `Value of configuration ${def.name} updated to ${shownValue(entry)}${def.isDynamic ? '' : ' (applies after a restart)'}`,
      caller: ctx.caller,
      resourceType: 'Configuration',
    });
    return configurationResponse(entry);
  },
});

const resetConfiguration = implement(spec.resetConfiguration, {
  async handler(ctx, params) {
    const entry = await settingsService(ctx).reset(params.name);
    const def = entry.definition;
    await ctx.services.events.record({
      type: 'CONFIGURATION.VALUE.EDIT',
      description: `Value of configuration ${def.name} reset to its default${def.isSecret ? '' : ` ${String(def.default)}`}`,
      caller: ctx.caller,
      resourceType: 'Configuration',
    });
    return configurationResponse(entry);
  },
});

export const configurationCommands = [listConfigurations, updateConfiguration, resetConfiguration];
