import { configurationResponse, shownValue, type SettingEntry } from '../../services/settings';
import type { ResolvedTarget } from '../../services/configuration-scope';
import { implement } from '../command';
import * as spec from '../schemas/configurations';

/** " for cluster c1 (id: ...)" after an event's text when the value was set on a resource. */
function onTarget(target: ResolvedTarget | undefined): string {
  return target ? ` for ${target.scope} ${target.name} (id: ${target.uuid})` : '';
}

function editEvent(entry: SettingEntry, target: ResolvedTarget | undefined, reset: boolean): string {
  const def = entry.definition;
  if (reset) {
    const what = target ? `reset; ${shownValue(entry)} applies (${entry.source})` : `reset to its default`;
    const value = target || def.isSecret ? '' : ` ${String(def.default)}`;
    return `Value of configuration ${def.name}${onTarget(target)} ${what}${value}`;
  }
  const restart = def.isDynamic || target ? '' : ' (applies after a restart)';
  return `Value of configuration ${def.name}${onTarget(target)} updated to ${shownValue(entry)}${restart}`;
}

const listConfigurations = implement(spec.listConfigurations, {
  async handler(ctx, params) {
    const target = await ctx.services.settings.target(ctx.caller, params, ctx.services.access);
    return ctx.services.settings.list(params, target);
  },
});

const updateConfiguration = implement(spec.updateConfiguration, {
  async handler(ctx, params) {
    const target = await ctx.services.settings.target(ctx.caller, params, ctx.services.access);
    const entry = await ctx.services.settings.update(params.name, params.value, target);
    await ctx.services.events.record({
      type: 'CONFIGURATION.VALUE.EDIT',
      description: editEvent(entry, target, false),
      caller: ctx.caller,
      resourceType: 'Configuration',
    });
    return configurationResponse(entry);
  },
});

const resetConfiguration = implement(spec.resetConfiguration, {
  async handler(ctx, params) {
    const target = await ctx.services.settings.target(ctx.caller, params, ctx.services.access);
    const entry = await ctx.services.settings.reset(params.name, target);
    await ctx.services.events.record({
      type: 'CONFIGURATION.VALUE.EDIT',
      description: editEvent(entry, target, true),
      caller: ctx.caller,
      resourceType: 'Configuration',
    });
    return configurationResponse(entry);
  },
});

export const configurationCommands = [listConfigurations, updateConfiguration, resetConfiguration];
