import { ISO_FORMAT, SIMULATED_ISO_BYTES, SIMULATED_TEMPLATE_BYTES } from '../../domain/templates';
import { message } from '../../domain/messages';
import type { CoreServices } from '../core-services';
import { PeriodicTask } from '../periodic';

/** The longest stretch one advance counts: after a stop (a restart), the download goes on where it was. */
const MAX_STEP_MS = 5_000;
/** Rows advanced per round. */
const BATCH = 500;

/**
 * Drives template and ISO downloads to the image stores. Every zone is simulated today: the bytes
 * "arrive" at simulator.template.download.speed (MiB/s) and the image has a fixed simulated size;
 * the KVM issue puts a real downloader (with the qcow2 inspection of domain/qcow2.ts) behind the
 * same rows. State lives in the rows only (bytes so far and when they last advanced), so a
 * restarted core, or another server on the same database, continues every download where it was;
 * each advance is conditioned on the row's last advance, so two servers never count one second
 * twice.
 */
export class TemplateDownloader {
  private readonly task: PeriodicTask;

  constructor(private readonly services: CoreServices) {
    this.task = new PeriodicTask(
      () => services.config.get<number>('simulator.template.download.interval'),
      () => this.tick().then(() => undefined),
    );
  }

  start(): void {
    this.task.start();
  }

  stop(): Promise<void> {
    this.task.stop();
    return Promise.resolve();
  }

  /** One round: advances every download in progress; returns how many finished. */
  async tick(now = Date.now()): Promise<number> {
    const { db } = this.services.store;
    const speed = this.services.config.get<number>('simulator.template.download.speed') * 1024 * 1024;
    const rows = await db
      .selectFrom('template_zones as tz')
      .innerJoin('templates as t', 't.id', 'tz.template_id')
      .select([
        'tz.id',
        'tz.downloaded_bytes',
        'tz.last_progress',
        't.format',
        't.uuid',
        't.name',
        't.account_id',
        't.domain_id',
      ])
      .where('tz.download_state', '=', 'DOWNLOAD_IN_PROGRESS')
      .orderBy('tz.id')
      .limit(BATCH)
      .execute();
    let finished = 0;
    for (const row of rows) {
      const total = row.format === ISO_FORMAT ? SIMULATED_ISO_BYTES : SIMULATED_TEMPLATE_BYTES;
      const elapsed = Math.min(MAX_STEP_MS, Math.max(0, now - Date.parse(row.last_progress)));
      const bytes = Math.min(total, Number(row.downloaded_bytes) + Math.floor((speed * elapsed) / 1000));
      const done = bytes >= total;
      const result = await db
        .updateTable('template_zones')
        .set({
          downloaded_bytes: bytes,
          download_pct: Math.floor((bytes * 100) / total),
          last_progress: new Date(now).toISOString(),
          ...(done
            ? { download_state: 'DOWNLOADED', download_pct: 100, size: total, physical_size: total, error_text: null }
            : {}),
        })
        .where('id', '=', row.id)
        .where('last_progress', '=', row.last_progress)
        .where('download_state', '=', 'DOWNLOAD_IN_PROGRESS')
        .executeTakeFirst();
      if (done && Number(result.numUpdatedRows) === 1) {
        finished += 1;
        const iso = row.format === ISO_FORMAT;
        await this.services.events.record({
          type: 'TEMPLATE.DOWNLOAD.SUCCESS',
          message: message(iso ? 'event.iso.downloaded' : 'event.template.downloaded', {
            name: row.name,
            id: row.uuid,
          }),
          state: 'Completed',
          resourceType: iso ? 'Iso' : 'Template',
          resourceId: row.uuid,
        });
      }
    }
    return finished;
  }
}
