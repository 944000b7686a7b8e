import { describe, expect, it } from 'vitest';
import { FairQueue } from './fair-queue';

/** A task that finishes when the test says so, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let started!: () => void;
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  return {
    task: async () => {
      log.push(name);
      started();
      await opened;
      return name;
    },
    open,
    started: startedPromise,
  };
}

describe('FairQueue', () => {
  it('takes turns between clients: a client with many waiting tasks does not starve another', async () => {
    const queue = new FairQueue({ concurrency: 1 });
    const log: string[] = [];
    const heavy = Array.from({ length: 5 }, (_, i) => gate(log, `a${i}`));
    const light = gate(log, 'b0');
    const done = heavy.map((g) => queue.run('a', g.task));
    const lightDone = queue.run('b', light.task);
    for (const g of heavy) {
      g.open();
      if (g === heavy[1]) light.open();
    }
    await Promise.all([...done, lightDone]);
    expect(log).toEqual(['a0', 'b0', 'a1', 'a2', 'a3', 'a4']);
  });

  it('keeps each client first in, first out, round-robin across three clients', async () => {
    const queue = new FairQueue({ concurrency: 1 });
    const log: string[] = [];
    const tasks = ['a0', 'a1', 'a2', 'b0', 'b1', 'c0'].map((name) => ({ name, g: gate(log, name) }));
    const done = tasks.map(({ name, g }) => queue.run(name[0] as string, g.task));
    for (const { g } of tasks) g.open();
    expect(await Promise.all(done)).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'c0']);
    expect(log).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'a2']);
  });

  it('runs at most `concurrency` tasks at once and starts the next when one ends', async () => {
    const queue = new FairQueue({ concurrency: 2 });
    const log: string[] = [];
    const gates = ['x', 'y', 'z'].map((name) => gate(log, name));
    const done = gates.map((g, i) => queue.run(`client-${i}`, g.task));
    await Promise.all([gates[0]!.started, gates[1]!.started]);
    expect(queue.active).toBe(2);
    expect(queue.waiting).toBe(1);
    expect(log).toEqual(['x', 'y']);
    gates[0]!.open();
    await gates[2]!.started;
    expect(log).toEqual(['x', 'y', 'z']);
    gates[1]!.open();
    gates[2]!.open();
    await Promise.all(done);
    expect(queue.active).toBe(0);
  });

  it('passes a failure to its caller and frees the slot', async () => {
    const queue = new FairQueue({ concurrency: 1 });
    const failed = queue.run('a', () => Promise.reject(new Error('boom')));
    const thrown = queue.run('a', () => {
      throw new Error('sync boom');
    });
    const next = queue.run('b', () => Promise.resolve('after'));
    await expect(failed).rejects.toThrow('boom');
    await expect(thrown).rejects.toThrow('sync boom');
    await expect(next).resolves.toBe('after');
  });

  it('lets the next task start when one holds its slot longer than maxHoldMs', async () => {
    const queue = new FairQueue({ concurrency: 1, maxHoldMs: 1 });
    const log: string[] = [];
    const stuck = gate(log, 'stuck');
    const stuckDone = queue.run('a', stuck.task);
    // Resolves only if the stuck task gave its slot up.
    await expect(queue.run('b', () => Promise.resolve('ran'))).resolves.toBe('ran');
    expect(queue.active).toBe(0);
    stuck.open();
    await expect(stuckDone).resolves.toBe('stuck');
    expect(queue.active).toBe(0);
  });
});
