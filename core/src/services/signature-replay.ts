import crypto from 'node:crypto';
import type { Store } from '../db/connect';

const PURGE_EVERY_MS = 60_000;

/**
 * The signatures already used while still valid, so that a captured signed URL works once. Kept in
 * the database, shared by every server on it: the first server to record a signature wins (an
 * insert that does nothing when the signature is there). Each entry lives until its request
 * expires, and the expiry is capped by `api.signature.expiry.seconds`, so the table holds at most
 * that many seconds of signed requests; expired entries are deleted about once a minute.
 */
export class SignatureReplayCache {
  private lastPurge = 0;

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a signature valid until `expires`; false when it was recorded before (a replay). */
  async firstUse(signature: string, expires: Date): Promise<boolean> {
    await this.purgeExpired();
    const hash = crypto.createHash('sha256').update(signature, 'utf8').digest('hex');
    const result = await this.store.db
      .insertInto('used_signatures')
      .values({ hash, expires: expires.toISOString() })
      .onConflict((oc) => oc.column('hash').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  private async purgeExpired(): Promise<void> {
    const now = this.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    await this.store.db.deleteFrom('used_signatures').where('expires', '<', new Date(now).toISOString()).execute();
  }
}
