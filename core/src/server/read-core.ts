import fs from 'node:fs';
import { ApiDispatcher } from '../api/dispatcher';
import { toXml } from '../api/serialize';
import { ResponseCheck } from '../api/response-check';
import type { Store } from '../db/connect';
import type { JobQueue } from '../services/core-services';
import { createServiceDirectory, type DirectoryDeps } from '../services/directory';
import { createHypervisorDrivers } from '../services/infrastructure/hypervisors';
import { SecretBox } from '../services/secrets';
import { SettingsService } from '../services/settings';
import { buildServiceBase } from '../service-base';
import { openReadStore } from '../db/read-store';
import { withinOneRead } from '../db/snapshot-clock';
import type { ReadRequest, ReadWorkerSetup } from './read-worker-protocol';

/** The dispatcher of the read worker: the services reads need over its own connection, no jobs nor monitors. */
export interface ReadCore {
  api: ApiDispatcher;
  settings: SettingsService;
  close(): Promise<void>;
}

/** The worker never queues a job: only commands declared readOnly reach it. */
const noJobs: JobQueue = { submit: () => Promise.reject(new Error('the read worker runs no jobs')) };

function secretBoxOf(setup: ReadWorkerSetup): SecretBox {
  if (setup.secretKey) return new SecretBox(Buffer.from(setup.secretKey));
  if (!fs.existsSync(setup.secretKeyFile)) throw new Error(`no secret key in ${setup.secretKeyFile}`);
  return SecretBox.readKeyFile(setup.secretKeyFile);
}

/** What a read answers: its status and its body, encoded as the request asked (JSON or XML). */
export interface ReadAnswer {
  status: number;
  bytes: Uint8Array;
}

/** Runs an authenticated read-only command and encodes its answer. */
export async function answerRead(core: ReadCore, request: Omit<ReadRequest, 'kind' | 'id'>): Promise<ReadAnswer> {
  const response = await withinOneRead(() =>
    core.api.execute(request.command, request.raw, request.caller, request.origin),
  );
  const text = request.json ? JSON.stringify(response.body) : toXml(response.body);
  // Its own buffer (never a pooled one), so a worker hands it over without a copy.
  return { status: response.status, bytes: new TextEncoder().encode(text) };
}

/** A read core over its own read-only connection, or over `view` (the core's read view, left open on close). */
export async function createReadCore(setup: ReadWorkerSetup, view?: Store): Promise<ReadCore> {
  const store: Store = view ?? openReadStore(setup.database);
  const closeStore = () => (view ? Promise.resolve() : store.close());
  try {
    const secrets = secretBoxOf(setup);
    const { settings, registry, access, auth, events } = await buildServiceBase(store, secrets);
    const services = {
      store,
      serverId: setup.serverId,
      access,
      events,
      config: settings,
      secrets,
      auth,
      jobs: noJobs,
    } as Partial<DirectoryDeps> as DirectoryDeps;
    services.hypervisors = createHypervisorDrivers(services);
    const responseCheck = ResponseCheck.fromEnvironment(store.dialect);
    const api = new ApiDispatcher(
      registry,
      createServiceDirectory(services),
      { access, jobs: noJobs, secrets },
      responseCheck,
    );
    return {
      api,
      settings,
      close: async () => {
        responseCheck?.flush();
        await closeStore();
      },
    };
  } catch (error) {
    await closeStore();
    throw error;
  }
}
