import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DataCenterImportCounts } from '../../api/schemas/datacenter-import';
import {
  ACTIVE_IMPORT_STATES,
  UNFINISHED_IMPORT_STATES,
  type DataCenterImportState,
} from '../../domain/datacenter-import';
import { nowIso } from '../../domain/time';
import type { PageWindow } from '../../db/query-helpers';
import type { Database, DataCenterImportResourceTable, DataCenterImportTable } from '../../db/schema';
import type { Selectable } from 'kysely';

export type ImportRow = Selectable<DataCenterImportTable>;
export type ImportResourceRow = Selectable<DataCenterImportResourceTable>;

export interface NewImport {
  fingerprint: string;
  sealedConfig: string;
  zones: string[];
  userId: number;
  accountId: number;
  jobId: string | null;
  totalSteps: number;
  counts: DataCenterImportCounts;
}

/** An id a completed step produced. */
export interface ProducedId {
  ref: string;
  kind: string;
  uuid: string;
  label?: string;
}

/**
 * The import journal: one row per import, and one per id a completed step produced. A step's
 * record (its id, the new step count and counts) is one transaction, written as soon as the step's
 * own command has committed and before the next step starts.
 */
export class ImportJournal {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: NewImport): Promise<ImportRow> {
    const at = nowIso();
    return this.db
      .insertInto('datacenter_imports')
      .values({
        uuid: crypto.randomUUID(),
        fingerprint: input.fingerprint,
        config: input.sealedConfig,
        zones: JSON.stringify(input.zones),
        user_id: input.userId,
        account_id: input.accountId,
        job_id: input.jobId,
        state: 'Running',
        total_steps: input.totalSteps,
        done_steps: 0,
        counts: JSON.stringify(input.counts),
        created: at,
        updated: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Imports whose job is over while they still say a job works on them (the server died with
   * the job, and job recovery failed it) become Interrupted.
   */
  async markInterrupted(): Promise<void> {
    await this.db
      .updateTable('datacenter_imports')
      .set({ state: 'Interrupted', updated: nowIso() })
      .where('state', 'in', ACTIVE_IMPORT_STATES)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('async_jobs')
              .select('async_jobs.id')
              .whereRef('async_jobs.uuid', '=', 'datacenter_imports.job_id')
              .where('async_jobs.status', '=', 0),
          ),
        ),
      )
      .execute();
  }

  async byUuid(uuid: string): Promise<ImportRow | undefined> {
    await this.markInterrupted();
    return this.db.selectFrom('datacenter_imports').selectAll().where('uuid', '=', uuid).executeTakeFirst();
  }

  /** The newest unfinished import of the same plan, which importing that plan again continues. */
  async unfinishedOf(fingerprint: string): Promise<ImportRow | undefined> {
    await this.markInterrupted();
    return this.db
      .selectFrom('datacenter_imports')
      .selectAll()
      .where('fingerprint', '=', fingerprint)
      .where('state', 'in', UNFINISHED_IMPORT_STATES)
      .where('removal_started', '=', 0)
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  async list(
    filter: { uuid?: string; state?: string },
    window?: PageWindow,
  ): Promise<{ rows: ImportRow[]; count: number }> {
    await this.markInterrupted();
    let q = this.db.selectFrom('datacenter_imports');
    if (filter.uuid) q = q.where('uuid', '=', filter.uuid);
    if (filter.state) q = q.where('state', '=', filter.state);
    const { count } = await q.select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
    let rows = q.selectAll().orderBy('id', 'desc');
    if (window) rows = rows.limit(window.limit).offset(window.offset);
    return { rows: await rows.execute(), count: Number(count) };
  }

  /** A job takes the import over (resume, removal, or the same description imported again). */
  async begin(id: number, jobId: string | null, state: DataCenterImportState): Promise<void> {
    await this.db
      .updateTable('datacenter_imports')
      .set({ job_id: jobId, state, updated: nowIso() })
      .where('id', '=', id)
      .execute();
  }

  /** Removing what the import created starts: the import can no longer be resumed. */
  async beginRemoval(id: number, jobId: string | null): Promise<void> {
    await this.db
      .updateTable('datacenter_imports')
      .set({ job_id: jobId, state: 'RollingBack', removal_started: 1, updated: nowIso() })
      .where('id', '=', id)
      .execute();
  }

  async finish(id: number, state: DataCenterImportState): Promise<void> {
    await this.db.updateTable('datacenter_imports').set({ state, updated: nowIso() }).where('id', '=', id).execute();
  }

  /** Step `index` (0-based) completed: its id, the new step count and counts, in one transaction. */
  async recordStep(id: number, index: number, counts: DataCenterImportCounts, produced?: ProducedId): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (produced) {
        await trx
          .insertInto('datacenter_import_resources')
          .values({
            import_id: id,
            step: index,
            ref: produced.ref,
            kind: produced.kind,
            resource_uuid: produced.uuid,
            label: produced.label ?? null,
          })
          .execute();
      }
      await trx
        .updateTable('datacenter_imports')
        .set({ done_steps: index + 1, counts: JSON.stringify(counts), updated: nowIso() })
        .where('id', '=', id)
        .execute();
    });
  }

  /** The ids completed steps produced, in step order. */
  async resources(id: number): Promise<ImportResourceRow[]> {
    return this.db
      .selectFrom('datacenter_import_resources')
      .selectAll()
      .where('import_id', '=', id)
      .orderBy('step')
      .execute();
  }

  /** A removed resource leaves the journal, so a removal that is interrupted continues where it stopped. */
  async forget(id: number, ref: string): Promise<void> {
    await this.db
      .deleteFrom('datacenter_import_resources')
      .where('import_id', '=', id)
      .where('ref', '=', ref)
      .execute();
  }
}
