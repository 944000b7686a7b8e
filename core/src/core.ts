import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { ALL_COMMANDS } from './api/commands/index';
import { ApiDispatcher } from './api/dispatcher';
import { toApiError } from './api/errors';
import { CommandRegistry } from './api/registry';
import { ResponseCheck } from './api/response-check';
import { resultBody } from './api/serialize';
import { migrate, openStore, type DatabaseConfig, type Store } from './db/connect';
import { AccessService } from './services/access';
import { AuthService } from './services/auth';
import { bootstrapInventory } from './services/bootstrap';
import { CapacityMonitor } from './services/capacity/capacity-monitor';
import type { CoreServices } from './services/core-services';
import { createServiceDirectory, type DirectoryDeps, type ServiceDirectory } from './services/directory';
import { EventService } from './services/events';
import { createHypervisorDrivers } from './services/infrastructure/hypervisors';
import { HostMonitor } from './services/infrastructure/host-monitor';
import { JobService } from './services/jobs';
import { LiveFeed } from './services/live-feed';
import { LocalOperatorService } from './services/local-operator';
import { SecretBox } from './services/secrets';
import { SettingsService } from './services/settings';

export interface CoreOptions {
  database: DatabaseConfig;
  dataDir: string;
  /** Password for the first admin; when absent on first start a random one is generated. */
  adminPassword?: string;
  /** Key for secrets at rest; headless servers read or create `<dataDir>/secret.key` (0600). */
  secretKey?: Buffer;
  serverName?: string;
  /** Start the job runner (tests that inspect queued jobs turn it off). */
  runJobs?: boolean;
  /** Start host heartbeats and capacity sampling; defaults to runJobs. Tests drive them by hand. */
  runMonitors?: boolean;
}

export interface Core {
  api: ApiDispatcher;
  registry: CommandRegistry;
  /** The dependencies services are built over (tests and monitors use them). */
  services: CoreServices;
  /** The services command handlers get, by area (built once over `services`). */
  directory: ServiceDirectory;
  events: EventService;
  jobs: JobService;
  auth: AuthService;
  settings: SettingsService;
  store: Store;
  hostMonitor: HostMonitor;
  capacityMonitor: CapacityMonitor;
  /** The live stream (events, jobs, resource changes) filtered per viewer. */
  live: LiveFeed;
  /** The desktop app's sign-in of its local operator. */
  localOperator: LocalOperatorService;
  /** Set on the first start when no admin password was supplied: shown once, never stored. */
  generatedAdminPassword?: string;
  close(): Promise<void>;
}

/** The composition root: builds the store, services and dispatcher, in that order. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const store = openStore(options.database);
  try {
    await migrate(store);
    const secrets = options.secretKey
      ? new SecretBox(options.secretKey)
      : SecretBox.fromKeyFile(path.join(options.dataDir, 'secret.key'));
    const settings = new SettingsService(store);
    await settings.load();
    const events = new EventService(store);
    const access = new AccessService(store);
    const auth = new AuthService({ store, settings, events, secrets });
    const serverId = crypto.randomUUID();
    const registry = new CommandRegistry(ALL_COMMANDS);
    // jobs and hypervisors are assigned below: the job runner and the dispatcher need each other.
    const services = {
      store,
      serverId,
      access,
      events,
      config: settings,
      secrets,
      auth,
    } as Partial<DirectoryDeps> as DirectoryDeps;
    const responseCheck = ResponseCheck.fromEnvironment(store.dialect);
    const jobs = new JobService({
      store,
      events,
      serverId,
      serverName: options.serverName ?? os.hostname(),
      // Jobs run only once the core is built (jobs.start() below), when api exists.
      run: async (command, params, caller, progress) => resultBody(await api.runJob(command, params, caller, progress)),
      toFailure: (error) => {
        const e = toApiError(error);
        if (e.code === 'API.INTERNAL')
          console.error('[jobs] job failed:', error instanceof Error ? error.stack : error);
        return { errorcode: e.errorcode, errortext: e.message };
      },
      settings,
      callerForUser: (userId) => auth.callerForUser(userId, 'system'),
      isResumable: (command) => registry.get(command)?.resumable === true,
    });
    services.jobs = jobs;
    services.hypervisors = createHypervisorDrivers(services);
    const directory = createServiceDirectory(services);
    const api: ApiDispatcher = new ApiDispatcher(registry, directory, { access, jobs, secrets }, responseCheck);
    const hostMonitor = new HostMonitor(services);
    const capacityMonitor = new CapacityMonitor(services);
    const { generatedAdminPassword } = await bootstrapInventory(services, { adminPassword: options.adminPassword });
    if (options.runJobs !== false) await jobs.start();
    if (options.runMonitors ?? options.runJobs !== false) {
      hostMonitor.start();
      capacityMonitor.start();
    }
    return {
      api,
      registry,
      services,
      directory,
      events,
      jobs,
      auth,
      settings,
      store,
      generatedAdminPassword,
      hostMonitor,
      capacityMonitor,
      live: LiveFeed.forStore(events, store),
      localOperator: new LocalOperatorService({ store, auth }),
      close: async () => {
        await hostMonitor.stop();
        await capacityMonitor.stop();
        await jobs.stop();
        responseCheck?.flush();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
