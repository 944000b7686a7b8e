import { Worker } from 'node:worker_threads';
import type { ReadAnswer } from './read-core';
import type { FromReadWorker, ReadRequest, ReadWorkerSetup, ToReadWorker } from './read-worker-protocol';

type Pending = { resolve: (answer: ReadAnswer | undefined) => void; reject: (error: Error) => void };

/**
 * The worker's first script: registers tsx in the new thread, then loads the TypeScript entry
 * (Node 20 does not apply a parent's `--import tsx` to worker threads).
 */
function bootScript(): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./read-worker-main.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

/**
 * The main thread's handle on the read worker (read-worker-main.ts): hands it authenticated
 * read-only commands and gets their final status and body bytes back.
 */
export class ReadWorker {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private exited = false;
  /** Commands the worker has answered. */
  answered = 0;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromReadWorker) => this.receive(message));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      this.exited = true;
      this.failAll(new Error('the read worker exited'));
    });
  }

  /** Starts the worker and waits until its database and services are open. */
  static async start(setup: ReadWorkerSetup): Promise<ReadWorker> {
    const worker = new Worker(bootScript(), { eval: true, workerData: setup });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (message: FromReadWorker) => {
        if (message.kind === 'ready') resolve();
        else if (message.kind === 'failed') reject(new Error(`the read worker did not start: ${message.error}`));
        else return;
        worker.off('message', onMessage);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the read worker exited (${code}) before it was ready`)));
    }).catch(async (error: unknown) => {
      await worker.terminate();
      throw error;
    });
    return new ReadWorker(worker);
  }

  /** False once the worker has exited (then the main thread answers everything). */
  get available(): boolean {
    return !this.exited;
  }

  /** Requests sent and not answered yet. */
  get inFlight(): number {
    return this.pending.size;
  }

  execute(request: Omit<ReadRequest, 'kind' | 'id'>): Promise<ReadAnswer> {
    return this.call({ ...request, kind: 'execute', id: 0 }) as Promise<ReadAnswer>;
  }

  /** Makes the worker read the settings again (after a change on this server), before the change is answered. */
  async refreshSettings(): Promise<void> {
    await this.call({ kind: 'refresh-settings', id: 0 });
  }

  async close(): Promise<void> {
    if (this.exited) return;
    await this.call({ kind: 'close', id: 0 }).catch(() => undefined);
    await this.worker.terminate();
  }

  private call(message: ToReadWorker): Promise<ReadAnswer | undefined> {
    if (this.exited) return Promise.reject(new Error('the read worker has exited'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private receive(message: FromReadWorker): void {
    if (!('id' in message)) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.kind === 'answer') {
      this.answered++;
      pending.resolve({ status: message.status, bytes: message.bytes });
    } else if (message.kind === 'done') pending.resolve(undefined);
    else pending.reject(new Error(`the read worker failed: ${message.error}`));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
