import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApi } from '../../../lib/api-context';
import {
  entityOf,
  isAsyncCommand,
  type AsyncCommandName,
  type AsyncStart,
  type CommandName,
  type EntityOf,
  type Params,
  type ResponseOf,
} from '../../../lib/contract';
import { translate, useLocaleStore } from '../../../lib/i18n';
import { resultOf, useRunJob } from '../../../lib/jobs';
import { notifySuccess } from '../../../lib/notify';
import { queryKeys } from '../../../lib/query-keys';

/** One command as this feature runs it: its parameters are checked against the command's declaration. */
export interface CommandRunOf<C extends CommandName> {
  command: C;
  params: Params<C>;
  /** Tray and notification title, already translated ("Prepare for maintenance: host-1"). */
  title: string;
  /** Hash route to what the command changed. */
  link?: string;
}

/** A run of one of the commands `C` (any command by default), each with its own parameters. */
export type CommandRun<C extends CommandName = CommandName> = { [K in C]: CommandRunOf<K> }[C];

export interface CommandOutcome<C extends CommandName = CommandName> {
  command: C;
  async: boolean;
  /**
   * Resolves with the command's declared response: the answer of a synchronous command, the
   * result of an async command's job once it ends (rejects when the job failed; already shown).
   */
  done: Promise<ResponseOf<C> | undefined>;
}

function isAsyncRun<C extends CommandName>(run: CommandRunOf<C>): run is CommandRunOf<Extract<C, AsyncCommandName>> {
  return isAsyncCommand(run.command);
}

/**
 * A call answers the command's declared response, unless the command is async: then it answers
 * the started job. The declaration decides, not the answer's shape.
 */
function isResponse<C extends CommandName>(command: C, _answer: ResponseOf<C> | AsyncStart): _answer is ResponseOf<C> {
  return !isAsyncCommand(command);
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
    async <C extends CommandName>(run: CommandRunOf<C>): Promise<CommandOutcome<C>> => {
      if (isAsyncRun(run)) {
        const job = await runJob({
          command: run.command,
          params: run.params,
          title: run.title,
          link: run.link,
          invalidate: ['infrastructure', 'events'],
        });
        const done: Promise<ResponseOf<C> | undefined> = job.done.then((entry) => resultOf(entry, run.command));
        // Callers may ignore `done`; a failed job is already shown.
        done.catch(() => {});
        return { command: run.command, async: true, done };
      }
      const answer: ResponseOf<C> | AsyncStart = await client.call(run.command, run.params);
      void queryClient.invalidateQueries({ queryKey: queryKeys.infrastructure.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.events.all });
      notifySuccess(translate(useLocaleStore.getState().locale, 'jobs.succeeded', { title: run.title }));
      return {
        command: run.command,
        async: false,
        done: Promise.resolve(isResponse(run.command, answer) ? answer : undefined),
      };
    },
    [client, queryClient, runJob],
  );
}

/**
 * Sync or async, the entity a command created or changed (the job result holds it under the same
 * name as a synchronous answer).
 */
export async function createdEntity<C extends CommandName>(
  outcome: CommandOutcome<C>,
): Promise<EntityOf<C> | undefined> {
  return entityOf(outcome.command, await outcome.done);
}

/** Runs a form's command and waits for it to finish (a job included), for dialogs that show errors inline. */
export function useInfraMutation<I, C extends CommandName>(build: (input: I) => CommandRunOf<C>) {
  const command = useInfraCommand();
  return useMutation({
    mutationFn: async (input: I) => createdEntity(await command(build(input))),
  });
}
