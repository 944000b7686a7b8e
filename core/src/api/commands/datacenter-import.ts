import { StepFailure, type StepResult } from '../../services/datacenter-import/run';
import { countsParam, message } from '../../domain/messages';
import { implement, type CommandContext } from '../command';
import { ApiError, toApiError } from '../errors';
import * as spec from '../schemas/datacenter-import';

function toStepResult(result: Awaited<ReturnType<CommandContext['invoke']>>): StepResult {
  return result;
}

/** The job fails with the failing step's label and the command's own error code and text. */
function stepError(failure: StepFailure): ApiError {
  const cause = toApiError(failure.cause);
  if (cause.code === 'API.INTERNAL') {
    console.error(
      `[datacenter-import] ${failure.step.command} failed:`,
      failure.cause instanceof Error ? failure.cause.stack : failure.cause,
    );
  }
  const detail =
    cause.code === 'API.INTERNAL' && failure.cause instanceof Error ? failure.cause.message : cause.message;
  const params = {
    step: String(failure.index),
    total: String(failure.total),
    label: failure.step.label,
    reason: detail,
  };
  const text =
    failure.index > 2
      ? message('error.datacenterImport.stepFailedKept', { ...params, kept: String(failure.index - 1) })
      : failure.index === 2
        ? message('error.datacenterImport.stepFailedOneKept', params)
        : message('error.datacenterImport.stepFailed', params);
  return new ApiError(
    cause.errorcode,
    cause.cserrorcode,
    text,
    cause.code === 'API.INTERNAL' ? 'DATACENTER.IMPORT.STEP_FAILED' : cause.code,
  );
}

/** The job's progress reporter and the inline invoke every step runs through. */
function stepHooks(ctx: CommandContext) {
  const job = ctx.job;
  return {
    invoke: async (command: string, stepParams: Record<string, string>) =>
      toStepResult(await ctx.invoke(command, stepParams)),
    report: job ? (percent: number, text: string) => job.report(percent, text) : undefined,
  };
}

async function recordImported(
  ctx: CommandContext,
  outcome: { created: spec.DataCenterImportCounts; calls: number; resumed: boolean },
  zones: { id?: string; name: string }[],
  warnings: string[],
): Promise<void> {
  const params = {
    zones: zones.length > 0 ? zones.map((z) => z.name).join(', ') : '-',
    created: countsParam(outcome.created),
    calls: outcome.calls,
  };
  const said =
    warnings.length > 0
      ? message(outcome.resumed ? 'event.datacenter.resumedWithWarnings' : 'event.datacenter.importedWithWarnings', {
          ...params,
          warnings: warnings.length,
        })
      : message(outcome.resumed ? 'event.datacenter.resumed' : 'event.datacenter.imported', params);
  await ctx.services.events.record({
    type: 'DATACENTER.IMPORT',
    message: said,
    caller: ctx.caller,
    resourceType: 'Zone',
    resourceId: zones[0]?.id,
  });
}

/** Runs a journaled import (new, continued or resumed); a failing step fails the job with its error. */
async function imported<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StepFailure) throw stepError(error);
    throw error;
  }
}

const importDataCenter = implement(spec.importDataCenter, {
  // The description carries host passwords: it is sealed while the job is stored.
  secretParams: ['config'],
  // Validation happens before the job is queued, so a bad description fails at once. Imports run
  // one at a time; dry runs do not wait for them.
  async jobTarget(ctx, params) {
    ctx.services.datacenterImport.prepare(params.config);
    return params.dryrun ? { instanceType: 'None' } : { instanceType: 'None', syncKey: IMPORT_SYNC_KEY };
  },
  async handler(ctx, params) {
    const importer = ctx.services.datacenterImport;
    const { parsed, plan } = importer.prepare(params.config);
    const warnings = [...parsed.warnings, ...plan.warnings];
    if (params.dryrun) {
      return {
        dryrun: true,
        zones: plan.zones.map((z) => ({ name: z.name })),
        calls: plan.steps.length,
        created: plan.totals,
        warnings,
        plan: plan.steps.map((s) => ({ command: s.command, params: importer.displayParams(s), label: s.label })),
      };
    }
    const job = { caller: ctx.caller, jobId: ctx.job?.jobId ?? null };
    const outcome = await imported(() => importer.run(params.config, plan, job, stepHooks(ctx)));
    const zones = plan.zones.map((z) => ({ id: outcome.ids.get(z.ref), name: z.name }));
    await recordImported(ctx, outcome, zones, warnings);
    return {
      dryrun: false,
      importid: outcome.importId,
      resumed: outcome.resumed,
      zones,
      calls: outcome.calls,
      created: outcome.created,
      warnings,
    };
  },
});

/** Imports, their resumes and their removals run one at a time. */
const IMPORT_SYNC_KEY = 'DataCenterImport';

const listDataCenterImports = implement(spec.listDataCenterImports, {
  handler: (ctx, params) => ctx.services.datacenterImport.list(params),
});

const resumeDataCenterImport = implement(spec.resumeDataCenterImport, {
  async jobTarget(ctx, params) {
    await ctx.services.datacenterImport.unfinished(params.id, 'resume');
    return { instanceType: 'None', instanceId: params.id, syncKey: IMPORT_SYNC_KEY };
  },
  async handler(ctx, params) {
    const importer = ctx.services.datacenterImport;
    const job = { caller: ctx.caller, jobId: ctx.job?.jobId ?? null };
    const { outcome, plan } = await imported(() => importer.resume(params.id, job, stepHooks(ctx)));
    const zones = plan.zones.map((z) => ({ id: outcome.ids.get(z.ref), name: z.name }));
    await recordImported(ctx, outcome, zones, plan.warnings);
    return {
      dryrun: false,
      importid: outcome.importId,
      resumed: true,
      zones,
      calls: outcome.calls,
      created: outcome.created,
      warnings: plan.warnings,
    };
  },
});

const rollbackDataCenterImport = implement(spec.rollbackDataCenterImport, {
  async jobTarget(ctx, params) {
    await ctx.services.datacenterImport.unfinished(params.id, 'remove');
    return { instanceType: 'None', instanceId: params.id, syncKey: IMPORT_SYNC_KEY };
  },
  async handler(ctx, params) {
    const job = { caller: ctx.caller, jobId: ctx.job?.jobId ?? null };
    const outcome = await ctx.services.datacenterImport.rollback(params.id, job, stepHooks(ctx));
    const parts = Object.entries(outcome.removed)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${kind}`);
    const kept =
      outcome.settingsKept > 0
        ? ` The ${outcome.settingsKept} global setting${outcome.settingsKept === 1 ? '' : 's'} the import changed keep their new values.`
        : '';
    const displaytext = `Removed what the datacenter import created: ${parts.join(', ') || 'nothing'}.${kept}`;
    const removed = countsParam(outcome.removed);
    await ctx.services.events.record({
      type: 'DATACENTER.IMPORT.ROLLBACK',
      message:
        outcome.settingsKept === 0
          ? message('event.datacenter.rolledBack', { removed })
          : outcome.settingsKept === 1
            ? message('event.datacenter.rolledBackSettingKept', { removed })
            : message('event.datacenter.rolledBackSettingsKept', { removed, settings: outcome.settingsKept }),
      caller: ctx.caller,
    });
    return {
      id: params.id,
      state: 'RolledBack' as const,
      removed: outcome.removed,
      settingskept: outcome.settingsKept,
      displaytext,
    };
  },
});

export const datacenterImportCommands = [
  importDataCenter,
  listDataCenterImports,
  resumeDataCenterImport,
  rollbackDataCenterImport,
];
