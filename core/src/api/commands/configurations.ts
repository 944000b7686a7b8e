import { configurationResponse, shownValue } from '../../services/settings';
import { message } from '../../domain/messages';
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
      message: message(def.isDynamic ? 'event.setting.updated' : 'event.setting.updatedAfterRestart', {
        name: def.name,
        value: shownValue(entry),
      }),
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
      message: def.isSecret
        ? message('event.setting.resetSecret', { name: def.name })
        : message('event.setting.reset', { name: def.name, value: String(def.default) }),
      caller: ctx.caller,
      resourceType: 'Configuration',
    });
    return configurationResponse(entry);
  },
});

export const configurationCommands = [listConfigurations, updateConfiguration, resetConfiguration];
