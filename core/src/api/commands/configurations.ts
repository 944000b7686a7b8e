import { configurationResponse, shownValue } from '../../services/settings';
import { implement } from '../command';
import * as spec from '../schemas/configurations';

const listConfigurations = implement(spec.listConfigurations, {
  async handler(ctx, params) {
    return ctx.services.settings.list(params);
  },
});

const updateConfiguration = implement(spec.updateConfiguration, {
  async handler(ctx, params) {
    const entry = await ctx.services.settings.update(params.name, params.value);
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
    const entry = await ctx.services.settings.reset(params.name);
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
