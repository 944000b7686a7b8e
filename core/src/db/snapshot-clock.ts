import { AsyncLocalStorage } from 'node:async_hooks';

/** What one check read: the snapshot, the database's clock, and the tables changed since `since`. */
export interface SnapshotCheck {
  snapshot: string;
  /** The database's clock in seconds. */
  at: number;
  changed: string[];
}

/** Reads the current snapshot and the tables whose writes it sees and `since` (a snapshot) did not. */
export type CheckSnapshot = (since: string | undefined) => Promise<SnapshotCheck>;

/** The tables a read depends on, or every table. */
export type Tables = ReadonlySet<string> | 'all';

/**
 * The write log keeps a write for WRITE_LOG_KEPT_S at least (see WriteLogPruner); a check this long
 * after the previous one cannot tell which tables changed, and treats them all as changed.
 */
export const MAX_CHECK_GAP_S = 300;

/** Checks already made in this scope, per clock (see withinOneRead). */
const scope = new AsyncLocalStorage<Map<SnapshotClock, Promise<number>>>();

/**
 * Runs a read (every query of one read-only request) on one check of each clock: a check sent
 * after the request arrived is fresh enough for all its queries, so they need not wait for a
 * check each. Never around work that writes: its later reads would not see its own writes.
 */
export function withinOneRead<T>(read: () => T): T {
  return scope.run(new Map(), read);
}

/**
 * Tells which tables of a PostgreSQL database changed, for caches of reads. Each check reads the
 * current snapshot and, from the write log, the tables written by transactions this snapshot
 * sees and the previous check's did not: every change is reported by exactly the first check
 * that sees it. Checks are numbered; a read made after check n (its basis) is still what the
 * database answers at check m as long as no table it reads changed in checks n+1..m.
 *
 * Checks are shared: every caller waits for a check sent after it asked (at most one runs at a
 * time, the next one takes everyone who asked meanwhile), so a change committed before a request
 * arrived is always seen, and fifty requests at once cost one or two round trips, not fifty.
 */
export class SnapshotClock {
  /** The number of the last completed check. */
  latest = 0;
  private last?: SnapshotCheck;
  private readonly changedAt = new Map<string, number>();
  /** The last check at which some table changed, and at which all may have. */
  private anyChangedAt = 0;
  private allChangedAt = 0;
  private waiting: Array<{ resolve: (check: number) => void; reject: (error: unknown) => void }> = [];
  private checking = false;

  constructor(private readonly check: CheckSnapshot) {}

  /** The number of a check sent after this call (or after the read it is part of began). */
  fresh(): Promise<number> {
    const read = scope.getStore();
    if (!read) return this.checked();
    let check = read.get(this);
    if (!check) {
      check = this.checked();
      read.set(this, check);
    }
    return check;
  }

  /** True when none of the tables changed in a check after `basis`. */
  unchangedSince(tables: Tables, basis: number): boolean {
    if (this.allChangedAt > basis) return false;
    if (tables === 'all') return this.anyChangedAt <= basis;
    for (const table of tables) if ((this.changedAt.get(table) ?? 0) > basis) return false;
    return true;
  }

  private checked(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.checking) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.checking = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        this.record(await this.check(this.last?.snapshot));
        for (const waiter of batch) waiter.resolve(this.latest);
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    this.checking = false;
  }

  private record(check: SnapshotCheck): void {
    const n = ++this.latest;
    const previous = this.last;
    this.last = check;
    if (!previous || check.at - previous.at > MAX_CHECK_GAP_S) {
      this.allChangedAt = n;
      return;
    }
    if (check.snapshot === previous.snapshot) return;
    for (const table of check.changed) {
      this.changedAt.set(table, n);
      this.anyChangedAt = n;
    }
  }
}
