import type { AnyCommand } from '../command';
import { apiDiscoveryCommands } from './apis';
import { authCommands } from './auth';
import { domainCommands } from './domains';
import { accountCommands } from './accounts';
import { userCommands } from './users';
import { roleCommands } from './roles';
import { jobCommands } from './jobs';
import { eventCommands } from './events';
import { configurationCommands } from './configurations';

/** Every command the core answers. Each area declares its commands in its own file. */
export const ALL_COMMANDS: readonly AnyCommand[] = [
  ...apiDiscoveryCommands,
  ...authCommands,
  ...domainCommands,
  ...accountCommands,
  ...userCommands,
  ...roleCommands,
  ...jobCommands,
  ...eventCommands,
  ...configurationCommands,
] as readonly AnyCommand[];
