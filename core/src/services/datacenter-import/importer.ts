import crypto from 'node:crypto';
import type {
  DataCenterImportCounts,
  DataCenterImportRecord,
  ListDataCenterImportsInput,
} from '../../api/schemas/datacenter-import';
import { UNFINISHED_IMPORT_STATES, type DataCenterImportState } from '../../domain/datacenter-import';
import { conflict, invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { toCloudStackDate } from '../../domain/time';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { ImportJournal, type ImportRow } from './journal';
import { MarvinConfigError, parseMarvinConfig, toInvalidConfig, type ParsedMarvinConfig } from './marvin-config';
import { countOf, displayParams, emptyCounts, planImport, type ImportPlan, type PlanStep } from './plan';
import { recognizeStep } from './recognize';
import { rollbackImport, type RollbackHooks, type RollbackOutcome } from './rollback';
import { resolveParams, runPlan, StepFailure, type RunHooks, type RunOutcome, type RunStart } from './run';

export interface PreparedImport {
  parsed: ParsedMarvinConfig;
  plan: ImportPlan;
}

/** The job running an import, its resume or its removal. */
export interface ImportJob {
  caller: Caller;
  jobId: string | null;
}

export interface JournaledOutcome extends RunOutcome {
  importId: string;
  /** True when the run continued an earlier import. */
  resumed: boolean;
}

/** The same plan gives the same fingerprint: the description, normalized by parsing and planning. */
export function fingerprintOf(plan: ImportPlan): string {
  const hash = crypto.createHash('sha256');
  for (const step of plan.steps) hash.update(JSON.stringify([step.key, step.command, step.params])).update('\n');
  return hash.digest('hex');
}

function countsOf(row: ImportRow): DataCenterImportCounts {
  return { ...emptyCounts(), ...(JSON.parse(row.counts) as Partial<DataCenterImportCounts>) };
}

/**
 * The datacenter import (importDataCenter) as its command handlers use it. The plan's steps are
 * API calls: the handler runs them through its own invoke, with every command's checks. Each
 * completed step is recorded in the import journal, so an import a crash interrupted can be
 * resumed (or what it created removed), and importing the same description again continues it.
 */
export class DatacenterImportService {
  private readonly journal: ImportJournal;

  constructor(private readonly deps: Pick<CoreServices, 'store' | 'secrets' | 'config'>) {
    this.journal = new ImportJournal(deps.store.db);
  }

  /** Parses, validates and plans; a bad description is a 431 naming the JSON paths. */
  prepare(config: string): PreparedImport {
    try {
      const parsed = parseMarvinConfig(config);
      return { parsed, plan: planImport(parsed.config) };
    } catch (error) {
      if (error instanceof MarvinConfigError) throw toInvalidConfig(error);
      throw error;
    }
  }

  /** A step's parameters as a dry run shows them (credentials masked). */
  displayParams(step: PlanStep): Record<string, string> {
    return displayParams(step);
  }

  /**
   * Runs an import: continues the unfinished import of the same plan if there is one (its done
   * steps are skipped), otherwise starts a new one. Stops at the first failure with a StepFailure.
   */
  async run(config: string, plan: ImportPlan, job: ImportJob, hooks: RunHooks): Promise<JournaledOutcome> {
    const fingerprint = fingerprintOf(plan);
    const unfinished = await this.journal.unfinishedOf(fingerprint);
    if (unfinished) return this.continueImport(unfinished, plan, job, hooks);
    const row = await this.journal.create({
      fingerprint,
      sealedConfig: this.deps.secrets.encrypt(config),
      zones: plan.zones.map((z) => z.name),
      userId: job.caller.userId,
      accountId: job.caller.accountId,
      jobId: job.jobId,
      totalSteps: plan.steps.length,
      counts: emptyCounts(),
    });
    return this.execute(row, plan, hooks, undefined);
  }

  /** An unfinished import, or a 431 saying why it cannot be resumed (or removed). */
  async unfinished(id: string, purpose: 'resume' | 'remove'): Promise<ImportRow> {
    const row = await this.journal.byUuid(id);
    if (!row) throw invalidParameter('DATACENTER.IMPORT.NOT_FOUND', message('error.datacenterImport.notFound', { id }));
    if (!UNFINISHED_IMPORT_STATES.includes(row.state as DataCenterImportState)) {
      throw conflict('DATACENTER.IMPORT.STATE', message('error.datacenterImport.finished', { id, state: row.state }));
    }
    if (purpose === 'resume' && row.removal_started === 1) {
      throw conflict('DATACENTER.IMPORT.REMOVING', message('error.datacenterImport.removing', { id }));
    }
    return row;
  }

  /** Continues an unfinished import from its recorded description. */
  async resume(id: string, job: ImportJob, hooks: RunHooks): Promise<{ outcome: JournaledOutcome; plan: ImportPlan }> {
    const row = await this.unfinished(id, 'resume');
    const config = this.deps.secrets.decrypt(row.config);
    const { plan } = this.prepare(config);
    if (fingerprintOf(plan) !== row.fingerprint) {
      throw conflict('DATACENTER.IMPORT.PLAN_CHANGED', message('error.datacenterImport.planChanged', { id }));
    }
    return { outcome: await this.continueImport(row, plan, job, hooks), plan };
  }

  /** Deletes what an unfinished import created, innermost first, through the delete commands. */
  async rollback(id: string, job: ImportJob, hooks: RollbackHooks): Promise<RollbackOutcome> {
    const row = await this.unfinished(id, 'remove');
    await this.journal.beginRemoval(row.id, job.jobId);
    try {
      await this.adoptStepInDoubt(row);
      const outcome = await rollbackImport(this.deps.store.db, this.journal, row, hooks);
      await this.journal.finish(row.id, 'RolledBack');
      return outcome;
    } catch (error) {
      await this.journal.finish(row.id, 'Failed');
      throw error;
    }
  }

  /**
   * The step after the recorded ones may have taken effect before the server died: what it
   * created is recorded now, so that removing the import removes it too.
   */
  private async adoptStepInDoubt(row: ImportRow): Promise<void> {
    const { plan } = this.prepare(this.deps.secrets.decrypt(row.config));
    const step = plan.steps[row.done_steps];
    if (!step?.produces || fingerprintOf(plan) !== row.fingerprint) return;
    const ids = new Map((await this.journal.resources(row.id)).map((r) => [r.ref, r.resource_uuid]));
    let params: Record<string, string>;
    try {
      params = resolveParams(step, ids);
    } catch {
      return; // It needs an id no recorded step produced: it cannot have run.
    }
    const found = await recognizeStep(this.deps.store.db, step, params);
    if (found?.id === undefined) return;
    const counts = countsOf(row);
    const kind = countOf(step);
    if (kind) counts[kind] += 1;
    const { ref, kind: refKind, label } = step.produces;
    await this.journal.recordStep(row.id, row.done_steps, counts, { ref, kind: refKind, uuid: found.id, label });
  }

  async list(params: ListDataCenterImportsInput): Promise<{ items: DataCenterImportRecord[]; count: number }> {
    const { rows, count } = await this.journal.list(
      { uuid: params.id, state: params.state },
      pageWindow(params, this.deps.config),
    );
    const items: DataCenterImportRecord[] = [];
    for (const row of rows) items.push(await this.record(row));
    return { items, count };
  }

  private async record(row: ImportRow): Promise<DataCenterImportRecord> {
    const zoneIds = new Map(
      (await this.journal.resources(row.id)).filter((r) => r.kind === 'zone').map((r) => [r.label, r.resource_uuid]),
    );
    const names = JSON.parse(row.zones) as string[];
    return {
      id: row.uuid,
      state: row.state as DataCenterImportState,
      zones: names.map((name) => {
        const id = zoneIds.get(name);
        return id === undefined ? { name } : { id, name };
      }),
      totalsteps: row.total_steps,
      donesteps: row.done_steps,
      createdcounts: countsOf(row),
      created: toCloudStackDate(row.created),
      lastupdated: toCloudStackDate(row.updated),
      ...(row.job_id ? { jobid: row.job_id } : {}),
      ...(row.removal_started === 1 ? { removalstarted: true } : {}),
    };
  }

  private async continueImport(
    row: ImportRow,
    plan: ImportPlan,
    job: ImportJob,
    hooks: RunHooks,
  ): Promise<JournaledOutcome> {
    const resources = await this.journal.resources(row.id);
    const start: RunStart = {
      done: row.done_steps,
      ids: new Map(resources.map((r) => [r.ref, r.resource_uuid])),
      created: countsOf(row),
    };
    await this.journal.begin(row.id, job.jobId, 'Running');
    return this.execute(row, plan, hooks, start);
  }

  private async execute(
    row: ImportRow,
    plan: ImportPlan,
    hooks: RunHooks,
    start: RunStart | undefined,
  ): Promise<JournaledOutcome> {
    const db = this.deps.store.db;
    try {
      const outcome = await runPlan(
        plan,
        {
          ...hooks,
          recognize: (step, params) => recognizeStep(db, step, params),
          afterStep: async ({ index, step, id, created }) => {
            const produced =
              step.produces && id !== undefined
                ? { ref: step.produces.ref, kind: step.produces.kind, uuid: id, label: step.produces.label }
                : undefined;
            await this.journal.recordStep(row.id, index, created, produced);
            if (hooks.afterStep) await hooks.afterStep({ index, step, id, created });
          },
        },
        start,
      );
      await this.journal.finish(row.id, 'Completed');
      return { ...outcome, importId: row.uuid, resumed: start !== undefined };
    } catch (error) {
      if (error instanceof StepFailure) await this.journal.finish(row.id, 'Failed');
      throw error;
    }
  }
}
