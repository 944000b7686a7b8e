import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  ASYNC_COMMANDS,
  type ApiCommandName,
  type ApiCommandParams,
  type AsyncCommandName,
} from '../../../lib/api-commands.generated';
import { useApi } from '../../../lib/api-context';
import type { ApiParams } from '../../../lib/api-types';
import { translate, useLocaleStore } from '../../../lib/i18n';
import { useRunJob, type JobEntry } from '../../../lib/jobs';
import { notifySuccess } from '../../../lib/notify';
import { queryKeys } from '../../../lib/query-keys';

export interface CommandRun {
  command: ApiCommandName;
  params: ApiParams;
  /** Tray and notification title, already translated ("Prepare for maintenance: host-1"). */
  title: string;
  /** Hash route to what the command changed. */
  link?: string;
}

export interface CommandOutcome {
  /** The synchronous answer; undefined for async commands. */
  result?: Record<string, unknown>;
  /** Async commands: resolves when the job ends (rejects when it failed; already shown). */
  done: Promise<JobEntry | Record<string, unknown>>;
  async: boolean;
}

export function isAsyncCommand(command: string): command is AsyncCommandName {
  return (ASYNC_COMMANDS as readonly string[]).includes(command);
}

/**
 * Runs one infrastructure command the way CloudStack declares it: async commands go to the job
 * tray (useRunJob), synchronous ones answer at once. Either way the infrastructure caches and
 * the events list refresh, and the operator sees a notification. Throws the ApiError of a
 * command CloudStack refused to start.
 */
export function useInfraCommand() {
  const client = useApi();
  const queryClient = useQueryClient();
  const runJob = useRunJob();
  return useCallback(
    async (run: CommandRun): Promise<CommandOutcome> => {
      if (isAsyncCommand(run.command)) {
        const job = await runJob({
          command: run.command,
          params: run.params as ApiCommandParams[typeof run.command],
          title: run.title,
          link: run.link,
          invalidate: ['infrastructure', 'events'],
        });
        return { done: job.done, async: true };
      }
      const result = await client.call(run.command, run.params);
      void queryClient.invalidateQueries({ queryKey: queryKeys.infrastructure.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.events.all });
      notifySuccess(translate(useLocaleStore.getState().locale, 'jobs.succeeded', { title: run.title }));
      return { result, done: Promise.resolve(result), async: false };
    },
    [client, queryClient, runJob],
  );
}

/**
 * The resource a create command answered with, sync (`{host: [...]}` or `{pod: {...}}`) or async
 * (the job result holds it under the same name).
 */
export async function createdEntity<T>(outcome: CommandOutcome, name: string): Promise<T | undefined> {
  const done = (await outcome.done) as Record<string, unknown>;
  const body = (outcome.async ? (done['result'] as Record<string, unknown> | undefined) : done) ?? {};
  const value = body[name];
  if (Array.isArray(value)) return value[0] as T | undefined;
  return (value as T | undefined) ?? undefined;
}

/** Runs a form's command and waits for it to finish (a job included), for dialogs that show errors inline. */
export function useInfraMutation<I, T>(build: (input: I) => CommandRun, responseName: string) {
  const command = useInfraCommand();
  return useMutation({
    mutationFn: async (input: I) => createdEntity<T>(await command(build(input)), responseName),
  });
}
