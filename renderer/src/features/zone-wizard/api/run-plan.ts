import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import type { ApiCommandName } from '../../../lib/api-commands.generated';
import { ApiError } from '../../../lib/api-error';
import { followJob, useJobStore } from '../../../lib/jobs';
import { queryKeys } from '../../../lib/query-keys';
import { buildDiscardPlan, extractId, resolveParams, type PlanCall, type ProducedMap } from '../model/plan';
import { useWizardStore } from '../store/wizard-store';

/**
 * Runs plan calls against the core. Async commands (they answer with a job id) go through the job
 * flow: they appear in the job tray and are followed to their end. The loop lives outside React
 * so navigating away does not stop it; progress and produced ids land in the wizard store.
 */

/** An async command's first answer: `{ jobid, id? }` and nothing else. */
function jobIdOf(answer: Record<string, unknown>): string | undefined {
  const jobid = answer['jobid'];
  return typeof jobid === 'string' && Object.keys(answer).every((k) => k === 'jobid' || k === 'id') ? jobid : undefined;
}

export interface CallOptions {
  /** Tray title of an async call. */
  title: string;
  onJob?(jobid: string): void;
}

/** One call: resolves references, runs it (following its job when async), returns its answer. */
export async function executeCall(
  client: ApiClient,
  call: PlanCall,
  produced: ProducedMap,
  options: CallOptions,
): Promise<Record<string, unknown>> {
  const params = resolveParams(call, produced);
  const answer = await client.call(call.command as ApiCommandName, params);
  const jobid = jobIdOf(answer);
  if (jobid === undefined) return answer;
  options.onJob?.(jobid);
  useJobStore.getState().add({
    jobid,
    title: options.title,
    command: call.command,
    resourceId: typeof answer['id'] === 'string' ? answer['id'] : undefined,
  });
  const entry = await followJob(client, jobid);
  if (entry.state === 'failed') throw new ApiError(530, 9999, entry.errortext ?? `${call.command} failed`);
  return entry.result ?? {};
}

function failure(error: unknown): { errortext: string; errorcode?: number } {
  if (error instanceof ApiError) return { errortext: error.errortext, errorcode: error.errorcode };
  return { errortext: error instanceof Error ? error.message : String(error) };
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
        store().setCall(call.key, { state: 'running' });
        try {
          let jobid: string | undefined;
          const answer = await executeCall(client, call, store().produced, {
            title: title(call),
            onJob: (id) => {
              jobid = id;
            },
          });
          const id = call.produces ? extractId(answer, call.produces.response) : undefined;
          if (call.produces && !id) {
            throw new ApiError(530, 9999, `${call.command} answered without a ${call.produces.response} id`);
          }
          // One store update per finished call: its state and what it produced.
          useWizardStore.setState((s) => ({
            progress: { ...s.progress, [call.key]: { state: 'done', jobid } },
            produced:
              call.produces && id
                ? { ...s.produced, [call.produces.ref]: { id, kind: call.produces.kind, label: call.produces.label } }
                : s.produced,
          }));
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
