import { StepFailure, type StepResult } from '../../services/datacenter-import/run';
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
  const kept =
    failure.index > 1
      ? ` What the ${failure.index - 1} earlier step${failure.index === 2 ? '' : 's'} created was kept; nothing after this step was run.`
      : ' Nothing was changed.';
  return new ApiError(
    cause.errorcode,
    cause.cserrorcode,
    `Datacenter import failed at step ${failure.index} of ${failure.total}: ${failure.step.label}: ${detail}.${kept}`,
    cause.code === 'API.INTERNAL' ? 'DATACENTER.IMPORT.STEP_FAILED' : cause.code,
  );
}

function summary(created: spec.DataCenterImportCounts, zones: string[]): string {
  const parts = Object.entries(created)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  return `Imported datacenter${zones.length > 0 ? ` (zones ${zones.join(', ')})` : ''}: ${parts.join(', ') || 'nothing'}`;
}

const importDataCenter = implement(spec.importDataCenter, {
  // The description carries host passwords: it is sealed while the job is stored.
  secretParams: ['config'],
  // Validation happens before the job is queued, so a bad description fails at once. Imports run
  // one at a time; dry runs do not wait for them.
  async jobTarget(ctx, params) {
    ctx.services.datacenterImport.prepare(params.config);
    return params.dryrun ? { instanceType: 'None' } : { instanceType: 'None', syncKey: 'DataCenterImport' };
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

    const job = ctx.job;
    let outcome;
    try {
      outcome = await importer.run(plan, {
        invoke: async (command, stepParams) => toStepResult(await ctx.invoke(command, stepParams)),
        report: job ? (percent, text) => job.report(percent, text) : undefined,
      });
    } catch (error) {
      if (error instanceof StepFailure) throw stepError(error);
      throw error;
    }
    const zones = plan.zones.map((z) => ({ id: outcome.ids.get(z.ref), name: z.name }));
    await ctx.services.events.record({
      type: 'DATACENTER.IMPORT',
      description: `${summary(
        outcome.created,
        zones.map((z) => z.name),
      )} in ${outcome.calls} API calls${warnings.length > 0 ? `; ${warnings.length} warnings` : ''}`,
      caller: ctx.caller,
      resourceType: 'Zone',
      resourceId: zones[0]?.id,
    });
    return { dryrun: false, zones, calls: outcome.calls, created: outcome.created, warnings };
  },
});

export const datacenterImportCommands = [importDataCenter];
