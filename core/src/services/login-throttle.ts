import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../db/connect';
import type { SettingsReader } from './core-services';

/** What one login attempt is counted against: its username (in its domain) and its source address. */
export interface LoginKeys {
  user: string;
  address?: string;
}

export interface LoginThrottleDeps {
  store: Store;
  settings: SettingsReader;
  /** The clock (tests move it). */
  now?: () => number;
}

/** wait 0: the password check may go ahead, and `done` must be called once it has finished. */
export interface LoginPermit {
  wait: number;
  done(): void;
}

const PURGE_EVERY_MS = 60_000;

const DEFAULTS = {
  'login.throttle.user.failures': 5,
  'login.throttle.address.failures': 20,
  'login.throttle.delay.seconds': 1,
  'login.throttle.max.delay.seconds': 120,
  'login.throttle.window.seconds': 900,
} as const;

const MAX_KEY_LENGTH = 300;

/** A key as stored: long ones (a username or domain path of any length) by their hash. */
const bounded = (key: string) =>
  key.length <= MAX_KEY_LENGTH
    ? key
    : `${key.slice(0, 5)}sha256:${crypto.createHash('sha256').update(key).digest('hex')}`;

export function loginKeys(domainKey: string, username: string, address: string | undefined): LoginKeys {
  const keys: LoginKeys = { user: bounded(`user:${domainKey}:${username.toLowerCase()}`) };
  if (address) keys.address = bounded(`addr:${address}`);
  return keys;
}

/**
 * Failed-login throttling per username and per source address. Past a threshold of recent
 * failures, attempts wait for a delay that doubles at each new failure (capped): the password is
 * not even checked meanwhile, so a flood costs no hashing and a right password is refused too.
 * The counters live in the database, shared by every server on it; the passwords being checked
 * right now are counted in memory, so that a burst of parallel attempts cannot all slip in before
 * the first failure is written.
 */
export class LoginThrottle {
  private readonly store: Store;
  private readonly settings: SettingsReader;
  private readonly now: () => number;
  private readonly checking = new Map<string, number>();
  private lastPurge = 0;

  constructor(deps: LoginThrottleDeps) {
    this.store = deps.store;
    this.settings = deps.settings;
    this.now = deps.now ?? Date.now;
  }

  /**
   * Reserves a password check for an attempt, or says how many seconds it must wait. The
   * reservation is taken before anything is awaited, so parallel attempts see each other.
   */
  async begin(keys: LoginKeys): Promise<LoginPermit> {
    const names = keyList(keys);
    const before = names.map((k) => this.checking.get(k) ?? 0);
    for (const k of names) this.checking.set(k, (this.checking.get(k) ?? 0) + 1);
    const done = () => {
      for (const k of names) {
        const n = (this.checking.get(k) ?? 1) - 1;
        if (n <= 0) this.checking.delete(k);
        else this.checking.set(k, n);
      }
    };
    try {
      const wait = await this.waitSeconds(keys, before);
      if (wait === 0) return { wait: 0, done };
      done();
      return { wait, done: () => undefined };
    } catch (error) {
      done();
      throw error;
    }
  }

  /** Seconds before an attempt with these keys would be checked (0: now). */
  retryAfter(keys: LoginKeys): Promise<number> {
    return this.waitSeconds(
      keys,
      keyList(keys).map(() => 0),
    );
  }

  async recordFailure(keys: LoginKeys): Promise<void> {
    for (const key of keyList(keys)) await this.countFailure(key, this.threshold(key));
    await this.purgeForgotten();
  }

  /** A right password clears its username's failures (not its address's: those only age out). */
  async recordSuccess(keys: LoginKeys): Promise<void> {
    await this.store.db.deleteFrom('login_failures').where('key', '=', keys.user).execute();
  }

  private async waitSeconds(keys: LoginKeys, checkingBefore: number[]): Promise<number> {
    const names = keyList(keys);
    const now = this.now();
    const cutoff = new Date(now - this.setting('login.throttle.window.seconds') * 1000).toISOString();
    const rows = await this.store.db
      .selectFrom('login_failures')
      .selectAll()
      .where('key', 'in', names)
      .where('last_failure', '>=', cutoff)
      .execute();
    let waitMs = 0;
    names.forEach((key, i) => {
      const row = rows.find((r) => r.key === key);
      const failures = row?.failures ?? 0;
      if (row) waitMs = Math.max(waitMs, Date.parse(row.blocked_until) - now);
      // Checks already running for this key use up what is left below the threshold (at least one).
      if ((checkingBefore[i] ?? 0) >= Math.max(1, this.threshold(key) - failures)) waitMs = Math.max(waitMs, 1000);
    });
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  private async countFailure(key: string, threshold: number): Promise<void> {
    const now = this.now();
    const nowIso = new Date(now).toISOString();
    const cutoff = new Date(now - this.setting('login.throttle.window.seconds') * 1000).toISOString();
    const db = this.store.db;
    const row = await db
      .insertInto('login_failures')
      .values({ key, failures: 1, last_failure: nowIso, blocked_until: new Date(0).toISOString() })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`CASE WHEN login_failures.last_failure < ${cutoff} THEN 1 ELSE login_failures.failures + 1 END`,
          last_failure: nowIso,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    if (row.failures < threshold) return;
    const base = this.setting('login.throttle.delay.seconds');
    const max = this.setting('login.throttle.max.delay.seconds');
    const delayS = Math.min(max, base * 2 ** Math.min(30, row.failures - threshold));
    const until = new Date(now + delayS * 1000).toISOString();
    await db
      .updateTable('login_failures')
      .set({
        blocked_until: sql<string>`CASE WHEN login_failures.blocked_until > ${until} THEN login_failures.blocked_until ELSE ${until} END`,
      })
      .where('key', '=', key)
      .execute();
  }

  private async purgeForgotten(): Promise<void> {
    const now = this.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    const cutoff = new Date(now - this.setting('login.throttle.window.seconds') * 1000).toISOString();
    await this.store.db
      .deleteFrom('login_failures')
      .where('last_failure', '<', cutoff)
      .where('blocked_until', '<', new Date(now).toISOString())
      .execute();
  }

  private threshold(key: string): number {
    return this.setting(key.startsWith('addr:') ? 'login.throttle.address.failures' : 'login.throttle.user.failures');
  }

  private setting(name: keyof typeof DEFAULTS): number {
    let value: unknown;
    try {
      value = this.settings.get<number>(name);
    } catch {
      return DEFAULTS[name];
    }
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) && n >= 1 ? n : DEFAULTS[name];
  }
}

function keyList(keys: LoginKeys): string[] {
  return keys.address ? [keys.user, keys.address] : [keys.user];
}
