import type { QueryClient } from '@tanstack/react-query';
import {
  idFromAnswer,
  resolveParams,
  type CallOf,
  type DiscardCommand,
  type ZoneCommand,
} from '../../../../../core/src/contract/zone-plan';
import type { ApiClient } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { isAsyncCommand, type Answer, type Params } from '../../../lib/contract';
import { followJob, useJobStore } from '../../../lib/jobs';
import { queryKeys } from '../../../lib/query-keys';
import { buildDiscardPlan, type PlanCall, type ProducedMap } from '../model/plan';
import { useWizardStore } from '../store/wizard-store';

/**
 * Runs plan calls against the core through the typed client. Async commands (they answer with a
 * job id) go through the job flow: they appear in the job tray and are followed to their end. The
 * loop lives outside React so navigating away does not stop it; progress and produced ids land in
 * the wizard store.
 */

type PlanCommand = ZoneCommand | DiscardCommand;

/** Each command the plans use, called with its declared parameters. */
const SEND: { [C in PlanCommand]: (client: ApiClient, params: Params<C>) => Promise<Answer<C>> } = {
  createZone: (client, params) => client.call('createZone', params),
  createPhysicalNetwork: (client, params) => client.call('createPhysicalNetwork', params),
  addTrafficType: (client, params) => client.call('addTrafficType', params),
  updatePhysicalNetwork: (client, params) => client.call('updatePhysicalNetwork', params),
  listNetworkServiceProviders: (client, params) => client.call('listNetworkServiceProviders', params),
  listVirtualRouterElements: (client, params) => client.call('listVirtualRouterElements', params),
  configureVirtualRouterElement: (client, params) => client.call('configureVirtualRouterElement', params),
  updateNetworkServiceProvider: (client, params) => client.call('updateNetworkServiceProvider', params),
  createPod: (client, params) => client.call('createPod', params),
  createVlanIpRange: (client, params) => client.call('createVlanIpRange', params),
  addCluster: (client, params) => client.call('addCluster', params),
  addHost: (client, params) => client.call('addHost', params),
  createStoragePool: (client, params) => client.call('createStoragePool', params),
  addImageStore: (client, params) => client.call('addImageStore', params),
  updateZone: (client, params) => client.call('updateZone', params),
  deleteImageStore: (client, params) => client.call('deleteImageStore', params),
  deleteStoragePool: (client, params) => client.call('deleteStoragePool', params),
  deleteHost: (client, params) => client.call('deleteHost', params),
  deleteCluster: (client, params) => client.call('deleteCluster', params),
  deleteVlanIpRange: (client, params) => client.call('deleteVlanIpRange', params),
  deletePod: (client, params) => client.call('deletePod', params),
  deletePhysicalNetwork: (client, params) => client.call('deletePhysicalNetwork', params),
  deleteZone: (client, params) => client.call('deleteZone', params),
};

export interface CallOptions {
  /** Tray title of an async call. */
  title: string;
  onJob?(jobid: string): void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The job an async command started: `{ jobid, id? }`. */
function startedJob(answer: unknown): { jobid: string; id?: string } | undefined {
  if (!isRecord(answer) || typeof answer['jobid'] !== 'string') return undefined;
  const id = answer['id'];
  return { jobid: answer['jobid'], id: typeof id === 'string' ? id : undefined };
}

/**
 * One call: resolves references, runs it (following its job when async), returns its answer (the
 * job's result for an async command).
 */
export async function executeCall<C extends PlanCommand>(
  client: ApiClient,
  call: CallOf<C>,
  produced: ProducedMap,
  options: CallOptions,
): Promise<unknown> {
  const params = resolveParams(call, (ref) => produced[ref]?.id);
  const answer: unknown = await SEND[call.command](client, params);
  if (!isAsyncCommand(call.command)) return answer;
  const job = startedJob(answer);
  if (!job) throw new ApiError(530, 9999, `${call.command} did not return a job id`);
  options.onJob?.(job.jobid);
  useJobStore.getState().add({ jobid: job.jobid, title: options.title, command: call.command, resourceId: job.id });
  const entry = await followJob(client, job.jobid);
  if (entry.state === 'failed') throw new ApiError(530, 9999, entry.errortext ?? `${call.command} failed`);
  return entry.result ?? {};
}

function failure(error: unknown): { errortext: string; errorcode?: number } {
  if (error instanceof ApiError) return { errortext: error.errortext, errorcode: error.errorcode };
  return { errortext: error instanceof Error ? error.message : String(error) };
}

/** Runs one call of the plan; records its state and what it produced. */
async function applyCall(client: ApiClient, call: PlanCall, title: string): Promise<void> {
  const store = useWizardStore.getState;
  store().setCall(call.key, { state: 'running' });
  let jobid: string | undefined;
  const answer = await executeCall(client, call, store().produced, {
    title,
    onJob: (id) => {
      jobid = id;
    },
  });
  const produces = call.produces;
  const id = produces ? idFromAnswer(call.command, answer) : undefined;
  if (produces && !id) throw new ApiError(530, 9999, `${call.command} answered without an id`);
  // One store update per finished call: its state and what it produced.
  useWizardStore.setState((s) => ({
    progress: { ...s.progress, [call.key]: { state: 'done', jobid } },
    produced:
      produces && id
        ? { ...s.produced, [produces.ref]: { id, kind: produces.kind, label: produces.label } }
        : s.produced,
  }));
}

let running: Promise<void> | null = null;

/**
 * Runs the plan from the first call not done yet; stops at the first failure (phase 'failed').
 * Calls already done are never repeated: their ids are in the store and later calls use them.
 */
export function applyPlan(
  client: ApiClient,
  queryClient: QueryClient,
  plan: readonly PlanCall[],
  title: (call: PlanCall) => string,
): Promise<void> {
  if (running) return running;
  running = (async () => {
    const store = useWizardStore.getState;
    store().setPhase('applying');
    try {
      for (const call of plan) {
        if (store().progress[call.key]?.state === 'done') continue;
        try {
          await applyCall(client, call, title(call));
        } catch (error) {
          store().setCall(call.key, { state: 'failed', ...failure(error) });
          store().setPhase('failed');
          return;
        }
      }
      store().setPhase('done');
    } finally {
      void queryClient.invalidateQueries({ queryKey: queryKeys.infrastructure.all });
      running = null;
    }
  })();
  return running;
}

/**
 * Deletes what a partial apply created, innermost first (image stores ... the zone). Each
 * deleted resource leaves the store at once, so a failed discard can be retried without repeats.
 * When everything is gone the wizard keeps the draft and starts over from "nothing applied".
 */
export function discardCreated(
  client: ApiClient,
  queryClient: QueryClient,
  title: (call: PlanCall) => string,
): Promise<void> {
  if (running) return running;
  running = (async () => {
    const store = useWizardStore.getState;
    store().setPhase('discarding');
    try {
      if (store().discardPlan.length === 0)
        useWizardStore.setState({ discardPlan: buildDiscardPlan(store().produced) });
      for (const call of store().discardPlan) {
        if (store().discardProgress[call.key]?.state === 'done' || !store().produced[call.key]) continue;
        store().setDiscard(call.key, { state: 'running' });
        try {
          await executeCall(client, call, store().produced, { title: title(call) });
        } catch (error) {
          store().setDiscard(call.key, { state: 'failed', ...failure(error) });
          store().setPhase('failed');
          return;
        }
        store().setDiscard(call.key, { state: 'done' });
        store().removeProduced(call.key);
      }
      // Nothing is left: forget the progress, keep what the operator typed.
      useWizardStore.setState({ progress: {}, produced: {}, discardProgress: {}, discardPlan: [], phase: 'editing' });
    } finally {
      void queryClient.invalidateQueries({ queryKey: queryKeys.infrastructure.all });
      running = null;
    }
  })();
  return running;
}

/** True while apply or discard runs (in this window). */
export function isRunning(): boolean {
  return running !== null;
}
