/**
 * The read worker's thread: answers read-only list commands that the main thread has already
 * admitted and authenticated, over its own database connection, so lists use the second core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerRead, createReadCore, type ReadCore } from './read-core';
import type { FromReadWorker, ReadRequest, ReadWorkerSetup, ToReadWorker } from './read-worker-protocol';

const port = parentPort;
if (!port) throw new Error('read-worker-main runs only as a worker thread');
const send = (message: FromReadWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

async function answer(core: ReadCore, request: ReadRequest): Promise<void> {
  const { status, bytes } = await answerRead(core, request);
  send({ kind: 'answer', id: request.id, status, bytes }, [bytes.buffer as ArrayBuffer]);
}

async function handle(core: ReadCore, message: ToReadWorker): Promise<void> {
  switch (message.kind) {
    case 'execute':
      return answer(core, message);
    case 'refresh-settings':
      // load(), not refresh(): a refresh already under way may have read before the change.
      await core.settings.load();
      return send({ kind: 'done', id: message.id });
    case 'close':
      await core.close();
      send({ kind: 'done', id: message.id });
      port?.close();
      return;
  }
}

try {
  const core = await createReadCore(workerData as ReadWorkerSetup);
  port.on('message', (message: ToReadWorker) => {
    handle(core, message).catch((error: unknown) => {
      send({
        kind: 'error',
        id: message.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    });
  });
  send({ kind: 'ready' });
} catch (error) {
  send({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
}
