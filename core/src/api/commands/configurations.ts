import { message, type ServerMessage } from '../../domain/messages';
import { configurationResponse, shownValue, type SettingEntry } from '../../services/settings';
import type { ResolvedTarget } from '../../services/configuration-scope';
import { implement } from '../command';
import * as spec from '../schemas/configurations';

/** How an event names a scope's resource (the resource words the UI translates). */
const RESOURCE_WORD: Record<ResolvedTarget['scope'], string> = {
  zone: 'zone',
  cluster: 'cluster',
  storagepool: 'storage pool',
  imagestore: 'image store',
  domain: 'domain',
  account: 'account',
};

/** The event message of a setting's change, globally or on one resource. */
function editEvent(entry: SettingEntry, target: ResolvedTarget | undefined, reset: boolean): ServerMessage {
  const def = entry.definition;
  if (target) {
    const on = { name: def.name, resource: RESOURCE_WORD[target.scope], target: target.name, id: target.uuid };
    return message(reset ? 'event.setting.resetOn' : 'event.setting.updatedOn', { ...on, value: shownValue(entry) });
  }
  if (reset) {
    return def.isSecret
      ? message('event.setting.resetSecret', { name: def.name })
      : message('event.setting.reset', { name: def.name, value: String(def.default) });
  }
  return message(def.isDynamic ? 'event.setting.updated' : 'event.setting.updatedAfterRestart', {
    name: def.name,
    value: shownValue(entry),
  });
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
      message: editEvent(entry, target, false),
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
      message: editEvent(entry, target, true),
      caller: ctx.caller,
      resourceType: 'Configuration',
    });
    return configurationResponse(entry);
  },
});

export const configurationCommands = [listConfigurations, updateConfiguration, resetConfiguration];
