import type { Kysely } from 'kysely';
import { permissionDenied } from '../domain/errors';
import { message, type ServerMessage } from '../domain/messages';
import type { Database } from '../db/schema';

/** A step of a running job: one progress report, before the work that follows it. */
export interface JobStep {
  jobId: string;
  command: string;
  percent: number;
  text?: string;
}

/** Called before each step of every job on this server, before the owner check (awaited). */
export type JobStepListener = (step: JobStep) => void | Promise<void>;

/**
 * Why the user who queued a job may no longer run it (the error that stops the job), or undefined
 * while it may.
 */
export type OwnerCheck = (userId: number) => Promise<ServerMessage | undefined>;

/**
 * CloudStack's owner checks for a job's caller: the user and its account exist, are enabled
 * (neither disabled nor locked) and not removed.
 */
export function ownerAccessCheck(db: Kysely<Database>): OwnerCheck {
  return async (userId) => {
    const row = await db
      .selectFrom('users')
      .innerJoin('accounts', 'accounts.id', 'users.account_id')
      .select([
        'users.username',
        'users.state as userState',
        'users.removed as userRemoved',
        'accounts.name as accountName',
        'accounts.state as accountState',
        'accounts.removed as accountRemoved',
      ])
      .where('users.id', '=', userId)
      .executeTakeFirst();
    if (!row || row.userRemoved) return message('error.job.ownerUserDeleted', {});
    const owner = { account: row.accountName, username: row.username };
    if (row.accountRemoved) return message('error.job.ownerAccountDeleted', owner);
    if (row.userState !== 'enabled')
      return message('error.job.ownerUserNotEnabled', { username: row.username, state: row.userState });
    if (row.accountState !== 'enabled')
      return message('error.job.ownerAccountNotEnabled', { ...owner, state: row.accountState });
    return undefined;
  };
}

/**
 * Checks a job's owner when the job starts and before each step (progress report). Once the
 * owner has lost access the job stays stopped: every later step throws the same error, and the
 * runner fails the job with it even when a handler swallowed it.
 */
export class JobOwnerGuard {
  private stopped?: Error;

  constructor(
    private readonly job: { uuid: string; command: string; user_id: number },
    private readonly check: OwnerCheck,
    private readonly listeners: Iterable<JobStepListener>,
  ) {}

  /** The job's failure once its owner lost access: 531, as CloudStack's permission errors. */
  get failure(): { errorcode: number; errortext: string } | undefined {
    return this.stopped ? { errorcode: 531, errortext: this.stopped.message } : undefined;
  }

  async atStart(): Promise<void> {
    await this.verify();
  }

  async beforeStep(percent: number, text?: string): Promise<void> {
    if (this.stopped) throw this.stopped;
    for (const listener of this.listeners) {
      await listener({ jobId: this.job.uuid, command: this.job.command, percent, text });
    }
    // A report of 100 % closes the work: no change that needs the owner's rights follows it.
    if (percent < 100) await this.verify();
  }

  private async verify(): Promise<void> {
    if (this.stopped) throw this.stopped;
    const problem = await this.check(this.job.user_id);
    if (problem === undefined) return;
    this.stopped = permissionDenied('JOB.OWNER_NO_ACCESS', problem);
    throw this.stopped;
  }
}
