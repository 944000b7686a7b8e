import { ALL_COMMANDS } from './api/commands/index';
import { CommandRegistry } from './api/registry';
import type { Store } from './db/connect';
import { AccessService } from './services/access';
import { AuthService } from './services/auth';
import { EventService } from './services/events';
import type { SecretBox } from './services/secrets';
import { SettingsService } from './services/settings';

/**
 * What every dispatcher is built on, the core's and the read worker's alike: settings (loaded),
 * events, the command registry, access (role rights over every command that needs a signed-in
 * caller) and auth, which looks callers up in the read view when there is one.
 */
export async function buildServiceBase(store: Store, secrets: SecretBox, readView?: Store) {
  const settings = new SettingsService(store);
  await settings.load();
  const events = new EventService(store);
  const registry = new CommandRegistry(ALL_COMMANDS);
  const access = new AccessService(store, () => registry.all().filter((c) => c.auth !== 'none'));
  const auth = new AuthService({ store, lookups: readView, settings, events, secrets });
  return { settings, events, registry, access, auth };
}
