import type { Core } from '../core';
import { answerRead, createReadCore, type ReadAnswer, type ReadCore } from './read-core';
import { ReadWorker } from './read-worker';
import type { ReadRequest, ReadWorkerSetup } from './read-worker-protocol';

export type ReadCall = Omit<ReadRequest, 'kind' | 'id'>;

/**
 * Where authenticated read-only commands run: the read worker while it has fewer than its share
 * in flight, else this thread, which reads over a read-only connection of its own too (see
 * openReadStore: answers are remembered until the data changes).
 */
export class ReadPool {
  /** Reads answered by the worker, and on this thread. */
  readonly answered = { worker: 0, here: 0 };
  /** The settings writes the readers last read (or are reading) after. */
  private settingsRead?: { writes: number; refreshed: Promise<void> };

  private constructor(
    private readonly worker: ReadWorker,
    private readonly local: ReadCore,
    private readonly core: Core,
    private readonly inWorker: number,
  ) {}

  static async start(core: Core, setup: ReadWorkerSetup, inWorker: number): Promise<ReadPool> {
    const worker = await ReadWorker.start(setup);
    try {
      const local = await createReadCore(setup, core.readView);
      return new ReadPool(worker, local, core, inWorker);
    } catch (error) {
      await worker.close();
      throw error;
    }
  }

  /** False once the worker has exited (then reads run on the main thread's core like any command). */
  get available(): boolean {
    return this.worker.available;
  }

  execute(request: ReadCall): Promise<ReadAnswer> {
    if (this.worker.inFlight < this.inWorker) {
      return this.worker.execute(request).then((answer) => {
        this.answered.worker++;
        return answer;
      });
    }
    this.answered.here++;
    return answerRead(this.local, request);
  }

  /**
   * Makes both readers read the settings again when this server changed them since they last did;
   * called before a command's answer goes out, so that the change is seen by the next read.
   */
  refreshSettings(): Promise<void> {
    const writes = this.core.settings.writes;
    if (this.settingsRead?.writes !== writes) {
      const refreshed = Promise.all([this.worker.refreshSettings(), this.local.settings.load()]).then(() => undefined);
      this.settingsRead = { writes, refreshed };
      // A failed refresh is tried again by the next call.
      refreshed.catch(() => {
        if (this.settingsRead?.refreshed === refreshed) this.settingsRead = undefined;
      });
    }
    return this.settingsRead.refreshed;
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.local.close();
  }
}
