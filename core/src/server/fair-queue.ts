/**
 * Admits work (API requests) a few at a time, taking turns between clients: each client (API key,
 * session, address) has its own first-in-first-out queue, and the next free slot goes to the
 * waiting client served least recently (one never served, or idle since, first), so one client
 * with many requests in flight cannot starve the others.
 *
 * Each admitted task starts from a macrotask (setImmediate): between tasks the event loop reaches
 * its I/O phase, where it accepts connections and reads requests. Without that, a request whose
 * awaits all resolve at once (better-sqlite3 is synchronous) runs in the microtask queue together
 * with every other request in flight, and new connections were accepted one at a time, each
 * waiting for the whole backlog: single requests waited 13-15 s at 50 clients.
 */
export interface FairQueueOptions {
  /** Tasks running at once (at least 1). */
  concurrency: number;
  /**
   * A task still running after this long gives its slot up (it goes on running): one that waits
   * on something slow (a hypervisor, a lock) must not hold back the requests behind it.
   */
  maxHoldMs?: number;
}

type Task = () => void;

export class FairQueue {
  private readonly queues = new Map<string, Task[]>();
  /** Clients with waiting tasks, in the order they started waiting. */
  private readonly turns: string[] = [];
  /** When each busy client (waiting or running tasks) was last given a slot. */
  private readonly lastServed = new Map<string, number>();
  private readonly runningOf = new Map<string, number>();
  private served = 0;
  private running = 0;
  private readonly concurrency: number;
  private readonly maxHoldMs: number | undefined;

  constructor(options: FairQueueOptions) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency));
    this.maxHoldMs = options.maxHoldMs;
  }

  /** Runs `task` when its turn comes; resolves or rejects with its outcome. */
  run<T>(client: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start: Task = () => {
        let held = true;
        const release = () => {
          if (!held) return;
          held = false;
          clearTimeout(timer);
          this.running--;
          this.pump();
        };
        const finished = () => {
          release();
          const left = (this.runningOf.get(client) ?? 1) - 1;
          if (left > 0) this.runningOf.set(client, left);
          else {
            this.runningOf.delete(client);
            if (!this.queues.has(client)) this.lastServed.delete(client);
          }
        };
        const timer = this.maxHoldMs === undefined ? undefined : setTimeout(release, this.maxHoldMs);
        timer?.unref();
        let running: Promise<T>;
        try {
          running = task();
        } catch (error) {
          running = Promise.reject(error);
        }
        running.then(resolve, reject).finally(finished);
      };
      const queue = this.queues.get(client);
      if (queue) queue.push(start);
      else {
        this.queues.set(client, [start]);
        this.turns.push(client);
      }
      this.pump();
    });
  }

  /** Tasks waiting for a slot (not those running). */
  get waiting(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  get active(): number {
    return this.running;
  }

  private pump(): void {
    while (this.running < this.concurrency && this.turns.length > 0) {
      const turn = this.nextTurn();
      const client = this.turns[turn] as string;
      const queue = this.queues.get(client) as Task[];
      const next = queue.shift() as Task;
      if (queue.length === 0) {
        this.queues.delete(client);
        this.turns.splice(turn, 1);
      }
      this.lastServed.set(client, this.served++);
      this.runningOf.set(client, (this.runningOf.get(client) ?? 0) + 1);
      this.running++;
      setImmediate(next);
    }
  }

  /** The index in `turns` of the waiting client served least recently (never served: first). */
  private nextTurn(): number {
    let best = 0;
    let bestServed = Infinity;
    for (let i = 0; i < this.turns.length; i++) {
      const served = this.lastServed.get(this.turns[i] as string) ?? -1;
      if (served < bestServed) {
        best = i;
        bestServed = served;
        if (served === -1) break;
      }
    }
    return best;
  }
}
