import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache';
import { MAX_CHECK_GAP_S, SnapshotClock, withinOneRead, type SnapshotCheck } from './snapshot-clock';

/** A clock over checks the test answers one by one, recording what each was asked. */
function scriptedClock() {
  const asked: Array<{
    since: string | undefined;
    answer: (check: SnapshotCheck) => void;
    fail: (error: Error) => void;
  }> = [];
  const clock = new SnapshotClock(
    (since) => new Promise<SnapshotCheck>((answer, fail) => asked.push({ since, answer, fail })),
  );
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  /** One check, answered as given. */
  const next = async (answer: SnapshotCheck) => {
    const n = clock.fresh();
    await settle();
    asked[asked.length - 1]?.answer(answer);
    return n;
  };
  return { clock, asked, settle, next };
}

const check = (snapshot: string, at: number, changed: string[] = []): SnapshotCheck => ({ snapshot, at, changed });

describe('SnapshotClock', () => {
  it('answers callers who asked while a check ran with the next check, sent after they asked', async () => {
    const { clock, asked, settle } = scriptedClock();
    const first = clock.fresh();
    await settle();
    const second = clock.fresh();
    const third = clock.fresh();
    await settle();
    expect(asked).toHaveLength(1);
    asked[0]?.answer(check('10:10:', 100));
    expect(await first).toBe(1);
    await settle();
    expect(asked).toHaveLength(2);
    expect(asked[1]?.since).toBe('10:10:');
    asked[1]?.answer(check('10:10:', 101));
    expect([await second, await third]).toEqual([2, 2]);
  });

  it('makes one check for every query of a read', async () => {
    const { clock, asked, settle } = scriptedClock();
    const checks = withinOneRead(async () => {
      const a = clock.fresh();
      await settle();
      asked[0]?.answer(check('10:10:', 100));
      const b = await a;
      return [b, await clock.fresh(), await clock.fresh()];
    });
    expect(await checks).toEqual([1, 1, 1]);
    expect(asked).toHaveLength(1);
  });

  it('tells a read unchanged until a later check reports one of its tables written', async () => {
    const { clock, next } = scriptedClock();
    await next(check('10:10:', 100));
    const basis = clock.latest;
    const users = new Set(['users', 'u']);
    await next(check('10:11:', 101, ['hosts']));
    expect(clock.unchangedSince(users, basis)).toBe(true);
    expect(clock.unchangedSince(new Set(['hosts']), basis)).toBe(false);
    expect(clock.unchangedSince('all', basis)).toBe(false);
    // A write that changed no tracked table moves the snapshot and changes nothing.
    await next(check('11:12:', 102));
    expect(clock.unchangedSince(users, basis)).toBe(true);
    await next(check('12:13:', 103, ['users']));
    expect(clock.unchangedSince(users, basis)).toBe(false);
    expect(clock.unchangedSince(users, clock.latest)).toBe(true);
  });

  it('treats every table as changed after a gap longer than the write log is sure to keep', async () => {
    const { clock, next } = scriptedClock();
    await next(check('10:10:', 100));
    const basis = clock.latest;
    await next(check('10:11:', 100 + MAX_CHECK_GAP_S + 1));
    expect(clock.unchangedSince(new Set(['users']), basis)).toBe(false);
  });

  it('fails the callers of a failed check, and the next check compares with the last good one', async () => {
    const { clock, asked, settle, next } = scriptedClock();
    await next(check('10:10:', 100));
    const failed = clock.fresh();
    await settle();
    asked[1]?.fail(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    const basis = clock.latest;
    await next(check('10:12:', 102, ['users']));
    expect(asked[2]?.since).toBe('10:10:');
    expect(clock.unchangedSince(new Set(['users']), basis)).toBe(false);
  });
});

describe('ReadCache', () => {
  it('keeps a read while its tables are unchanged since its basis, and drops it after', () => {
    const changed = new Map<string, number>();
    const cache = new ReadCache<string>(
      (tables, basis) =>
        tables === 'all' ? changed.size === 0 : [...tables].every((t) => (changed.get(t) ?? 0) <= basis),
      { entries: 10, rows: 10 },
    );
    cache.set('q', 'rows', new Set(['users']), 3, 1);
    expect(cache.get('q')).toBe('rows');
    changed.set('hosts', 4);
    expect(cache.get('q')).toBe('rows');
    changed.set('users', 4);
    expect(cache.get('q')).toBeUndefined();
    changed.clear();
    expect(cache.get('q')).toBeUndefined();
  });

  it('does not keep a read whose tables changed after it was sent', () => {
    const cache = new ReadCache<string>((_tables, basis) => basis >= 5, { entries: 10, rows: 10 });
    cache.set('old', 'rows', new Set(['users']), 4, 1);
    expect(cache.get('old')).toBeUndefined();
  });

  it('drops the oldest reads past its limits of entries and rows', () => {
    const cache = new ReadCache<string>(() => true, { entries: 2, rows: 10 });
    cache.set('a', 'A', 'all', 1, 1);
    cache.set('b', 'B', 'all', 1, 1);
    cache.set('c', 'C', 'all', 1, 1);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'B', 'C']);
    cache.set('d', 'D', 'all', 1, 9);
    expect([cache.get('b'), cache.get('c'), cache.get('d')]).toEqual([undefined, 'C', 'D']);
    cache.set('e', 'E', 'all', 1, 11);
    expect(cache.get('e')).toBeUndefined();
  });
});
