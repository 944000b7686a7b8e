import { jobState, JOB_WIRE_STATUS } from '../domain/state-machines/job-state';
import { LIVE_SERVER_STATES, type ManagementServerState } from '../domain/management-servers';
import { nowIso } from '../domain/time';
import type { Store } from '../db/connect';

export const INTERRUPTED_TEXT = 'Job was interrupted by a management server restart';

export interface JobRecoveryDeps {
  store: Store;
  serverId: string;
  serverName: string;
  heartbeatMs: number;
  /** Heartbeats a server may miss before it is considered gone (default 3). */
  heartbeatMisses?: number;
  isResumable(command: string): boolean;
  publish(jobId: number): Promise<void>;
}

/**
 * Jobs left running by a server that is gone: an earlier run of this server (its stable id, or
 * an older row of the same name), servers marked down or silent for `heartbeatMisses`
 * heartbeats, or unknown owners. On SQLite at start every such job (one server per database
 * file). Resumable jobs go back to the queue (Release); the others fail with 530 (Abandon). A
 * draining server hands its unfinished jobs over the same way (handOver).
 */
export class JobRecovery {
  constructor(private readonly deps: JobRecoveryDeps) {}

  private get db() {
    return this.deps.store.db;
  }

  async recover(atStart: boolean): Promise<void> {
    const { dead, alive } = await this.servers(atStart);
    let query = this.db
      .selectFrom('async_jobs')
      .select(['id', 'uuid', 'command', 'owner_server'])
      .where('started', 'is not', null)
      .where('completed', 'is', null);
    // At start nothing runs here yet: jobs under this server's own id are an earlier run's.
    if (!atStart) {
      query = query.where((eb) =>
        eb.or([eb('owner_server', 'is', null), eb('owner_server', '!=', this.deps.serverId)]),
      );
    }
    if (alive.length > 0) {
      query = query.where((eb) => eb.or([eb('owner_server', 'is', null), eb('owner_server', 'not in', alive)]));
    }
    const orphans = await query.orderBy('id').execute();
    for (const job of orphans) await this.releaseOrFail(job, INTERRUPTED_TEXT);
    await this.markDown(dead, atStart);
  }

  /**
   * A draining server's jobs that did not finish in its grace period: resumable ones back to the
   * queue for another server, the others failed with `text`. Guarded by this server's ownership,
   * so a job that finished meanwhile is left as it is.
   */
  async handOver(jobIds: number[], text: string): Promise<void> {
    if (jobIds.length === 0) return;
    const jobs = await this.db
      .selectFrom('async_jobs')
      .select(['id', 'uuid', 'command', 'owner_server'])
      .where('id', 'in', jobIds)
      .where('owner_server', '=', this.deps.serverId)
      .where('completed', 'is', null)
      .orderBy('id')
      .execute();
    for (const job of jobs) await this.releaseOrFail(job, text);
  }

  private async releaseOrFail(
    job: { id: number; uuid: string; command: string; owner_server: string | null },
    text: string,
  ): Promise<void> {
    const resumable = this.deps.isResumable(job.command);
    const state = jobState.next('Running', resumable ? 'Release' : 'Abandon', { kind: 'Job', name: job.uuid });
    const guard = this.ownerGuard(job.id, job.owner_server);
    const now = nowIso();
    const r = await (
      state === 'Queued'
        ? guard.set({ started: null, owner_server: null, heartbeat: null, progress: 0, progress_text: null })
        : guard.set({
            status: JOB_WIRE_STATUS[state],
            result_code: 530,
            result: JSON.stringify({ errorcode: 530, errortext: text }),
            completed: now,
            heartbeat: now,
          })
    ).executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) await this.deps.publish(job.id);
  }

  /** The other servers, split into gone and alive. */
  private async servers(atStart: boolean): Promise<{ dead: string[]; alive: string[] }> {
    const misses = this.deps.heartbeatMisses ?? 3;
    const staleBefore = new Date(Date.now() - misses * this.deps.heartbeatMs).toISOString();
    // SQLite databases serve one server at a time: at start every other server is gone.
    const singleServer = atStart && this.deps.store.dialect === 'sqlite';
    const servers = await this.db
      .selectFrom('management_servers')
      .select(['uuid', 'name', 'state', 'last_heartbeat'])
      .where('uuid', '!=', this.deps.serverId)
      .execute();
    const dead = servers
      .filter(
        (s) =>
          singleServer ||
          (atStart && s.name === this.deps.serverName) ||
          !LIVE_SERVER_STATES.includes(s.state as ManagementServerState) ||
          s.last_heartbeat < staleBefore,
      )
      .map((s) => s.uuid);
    return { dead, alive: servers.map((s) => s.uuid).filter((uuid) => !dead.includes(uuid)) };
  }

  private async markDown(dead: string[], atStart: boolean): Promise<void> {
    if (dead.length === 0) return;
    if (atStart) {
      // Earlier runs of this server are gone for good; other dead servers stay listed as Down.
      await this.db
        .deleteFrom('management_servers')
        .where('uuid', 'in', dead)
        .where('name', '=', this.deps.serverName)
        .execute();
    }
    await this.db
      .updateTable('management_servers')
      .set({ state: 'Down' })
      .where('uuid', 'in', dead)
      .where('state', '!=', 'Down')
      .execute();
  }

  /** An update of one unfinished job that only applies while its owner is still `owner`. */
  private ownerGuard(id: number, owner: string | null) {
    return this.db
      .updateTable('async_jobs')
      .where('id', '=', id)
      .where('completed', 'is', null)
      .where((eb) => (owner === null ? eb('owner_server', 'is', null) : eb('owner_server', '=', owner)));
  }
}
