import os from 'node:os';
import path from 'node:path';
import { ApiDispatcher } from './api/dispatcher';
import { toApiError, translatableFields } from './api/errors';
import { CommandRegistry } from './api/registry';
import { ResponseCheck } from './api/response-check';
import { resultBody } from './api/serialize';
import { STACKYARD_VERSION } from './api/version';
import { ensurePrivateDirectory, migrate, openStore, type DatabaseConfig, type Store } from './db/connect';
import { openReadStore } from './db/read-store';
import { WriteLogPruner } from './db/write-log';
import { AuthService } from './services/auth';
import { bootstrapInventory } from './services/bootstrap';
import { ensureDefaultOfferings } from './services/offerings/defaults';
import { ensureOsCatalogue } from './services/templates/os-catalogue';
import { TemplateDownloader } from './services/templates/downloads';
import { CapacityMonitor } from './services/capacity/capacity-monitor';
import type { CoreServices } from './services/core-services';
import { createServiceDirectory, type DirectoryDeps, type ServiceDirectory } from './services/directory';
import { EventService } from './services/events';
import { createHypervisorDrivers } from './services/infrastructure/hypervisors';
import { HostMonitor } from './services/infrastructure/host-monitor';
import { JobService } from './services/jobs';
import { LiveFeed } from './services/live-feed';
import { LocalOperatorService } from './services/local-operator';
import { releaseHosts } from './services/infrastructure/host-ownership';
import { identifyServer, thisServerFacts } from './services/management-servers';
import { openClusterSecretBox, type SecretKeyOptions } from './services/cluster-identity';
import { SettingsService } from './services/settings';
import { buildServiceBase } from './service-base';

export interface CoreOptions {
  database: DatabaseConfig;
  dataDir: string;
  /** Password for the first admin; when absent on first start a random one is generated. */
  adminPassword?: string;
  /**
   * The cluster's key for secrets at rest. Without it (or secretKeyFile) the server reads
   * `<dataDir>/secret.key`, created (0600) only when the database has no key yet. A key that does
   * not match the database's (its fingerprint, stored at first start) stops the start.
   */
  secretKey?: Buffer;
  /** Where secretKey came from, for errors ("from $STACKYARD_SECRET_KEY"). */
  secretKeySource?: string;
  /** A key file copied from the first server (`--secret-key-file`); it must exist. */
  secretKeyFile?: string;
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
  /**
   * A read-only view of the database that remembers answers while the data is unchanged
   * (openReadStore; none for an in-memory SQLite database): callers are looked up there, and the
   * read pool reads there, so neither waits for a write transaction on the store's connection.
   */
  readView?: Store;
  hostMonitor: HostMonitor;
  capacityMonitor: CapacityMonitor;
  /** Drives template and ISO downloads (started with the monitors; tests tick it by hand). */
  templateDownloader: TemplateDownloader;
  /** The live stream (events, jobs, resource changes) filtered per viewer. */
  live: LiveFeed;
  /** The desktop app's sign-in of its local operator. */
  localOperator: LocalOperatorService;
  /** Set on the first start when no admin password was supplied: shown once, never stored. */
  generatedAdminPassword?: string;
  /**
   * Graceful shutdown (SIGTERM, quitting the app): gives up this server's hosts, lets running
   * jobs finish within management.server.shutdown.grace.seconds, hands the rest over and marks
   * the server Down. close() is still needed afterwards.
   */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** The key options of a core: the data directory's key file unless a key is given. */
const secretKeyOptions = (o: CoreOptions): SecretKeyOptions => ({
  secretKey: o.secretKey,
  secretKeySource: o.secretKeySource,
  secretKeyFile: o.secretKeyFile,
  defaultKeyFile: path.join(o.dataDir, 'secret.key'),
});

const serverNameOf = (options: CoreOptions) => options.serverName ?? os.hostname();

/** Core.drain: monitors stop, hosts are released for the other servers, then jobs drain. */
async function drainServer(parts: {
  hostMonitor: HostMonitor;
  capacityMonitor: CapacityMonitor;
  services: DirectoryDeps;
  jobs: JobService;
  settings: SettingsService;
}): Promise<void> {
  await parts.hostMonitor.stop();
  await parts.capacityMonitor.stop();
  await releaseHosts(parts.services);
  await parts.jobs.drain(parts.settings.get<number>('management.server.shutdown.grace.seconds') * 1000);
}

/** The core's store and its read view (see Core.readView). */
function openStores(database: DatabaseConfig) {
  const store = openStore(database);
  // SQLite's one writing connection is held for a whole transaction (a heartbeat round of 11,000
  // hosts): callers looked up there waited for it, hundreds of milliseconds every round.
  const inMemory = database.kind === 'sqlite' && database.file === ':memory:';
  const readView = inMemory ? undefined : openReadStore(database);
  const closeStores = async () => {
    await readView?.close();
    await store.close();
  };
  return { store, readView, closeStores };
}

/** What every database has from its first start: the default offerings and the guest OS catalogue. */
async function ensureCatalogues(store: Store): Promise<void> {
  await ensureDefaultOfferings(store);
  await ensureOsCatalogue(store);
}

/** The composition root: builds the store, services and dispatcher, in that order. */
/** A failed job's result: CloudStack's error fields with Stackyard's message key; internal errors logged. */
function jobFailure(error: unknown) {
  const e = toApiError(error);
  if (e.code === 'API.INTERNAL') console.error('[jobs] job failed:', error instanceof Error ? error.stack : error);
  return { errorcode: e.errorcode, errortext: e.message, ...translatableFields(e.translatable) };
}

export async function createCore(options: CoreOptions): Promise<Core> {
  ensurePrivateDirectory(options.dataDir);
  const { store, readView, closeStores } = openStores(options.database);
  try {
    await migrate(store);
    const secrets = await openClusterSecretBox(store, secretKeyOptions(options));
    const { settings, events, registry, access, auth } = await buildServiceBase(store, secrets, readView);
    // jobs and hypervisors are assigned below: the job runner and the dispatcher need each other.
    const services = {
      store,
      serverId: await identifyServer(store, serverNameOf(options), thisServerFacts(STACKYARD_VERSION)),
      access,
      events,
      config: settings,
      secrets,
      auth,
    } as Partial<DirectoryDeps> as DirectoryDeps;
    const responseCheck = ResponseCheck.fromEnvironment(store.dialect);
    const writeLog = new WriteLogPruner(store);
    const jobs = new JobService({
      store,
      events,
      serverId: services.serverId,
      serverName: serverNameOf(options),
      // Jobs run only once the core is built (jobs.start() below), when api exists.
      run: async (command, params, caller, progress) => resultBody(await api.runJob(command, params, caller, progress)),
      toFailure: jobFailure,
      settings,
      callerForUser: (userId) => auth.callerForUser(userId, 'system'),
      isResumable: (command) => registry.get(command)?.resumable === true,
      // hostMonitor exists once jobs start (below).
      onHeartbeat: async () => {
        await hostMonitor.takeOver();
        await writeLog.prune();
      },
    });
    services.jobs = jobs;
    services.hypervisors = createHypervisorDrivers(services);
    const directory = createServiceDirectory(services);
    const api: ApiDispatcher = new ApiDispatcher(registry, directory, { access, jobs, secrets }, responseCheck);
    const hostMonitor = new HostMonitor(services);
    const capacityMonitor = new CapacityMonitor(services);
    const { generatedAdminPassword } = await bootstrapInventory(services, { adminPassword: options.adminPassword });
    await ensureCatalogues(store);
    const templateDownloader = new TemplateDownloader(services);
    // Values set on a deleted zone, cluster, pool, image store, domain or account go with it.
    settings.followDeletions(events);
    await settings.sweepOrphans();
    if (options.runJobs !== false) await jobs.start();
    if (options.runMonitors ?? options.runJobs !== false) {
      for (const monitor of [hostMonitor, capacityMonitor, templateDownloader]) monitor.start();
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
      readView,
      generatedAdminPassword,
      hostMonitor,
      capacityMonitor,
      templateDownloader,
      live: LiveFeed.forStore(events, store),
      localOperator: new LocalOperatorService({ store, auth }),
      drain: () => drainServer({ hostMonitor, capacityMonitor, services, jobs, settings }),
      close: async () => {
        for (const monitor of [hostMonitor, capacityMonitor, templateDownloader]) await monitor.stop();
        await jobs.stop();
        responseCheck?.flush();
        await closeStores();
      },
    };
  } catch (error) {
    await closeStores();
    throw error;
  }
}
