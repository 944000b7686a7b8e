/**
 * The server of the load benchmark, in its own process so the clients' load generation does not
 * share its event loop: a real `serve` (startServer) on the seeded database. It tells its parent
 * (bench/load.ts) where it listens, answers 'usage' with its CPU time, memory and event-loop delay
 * since the last 'usage', and exits on 'stop' (so that --cpu-prof, when given, writes its profile).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../core/src/server/cli';
import type { DatabaseConfig } from '../core/src/db/connect';

/** The main thread's event-loop delay since the previous 'usage' (ms). */
export interface LoopDelay {
  p99: number;
  max: number;
}

export type ServerMessage =
  { kind: 'ready'; url: string } | { kind: 'usage'; cpu: NodeJS.CpuUsage; memory: NodeJS.MemoryUsage; loop: LoopDelay };

const send = (message: ServerMessage) => process.send?.(message);

const server = await startServer({
  host: '127.0.0.1',
  port: 0,
  dataDir: process.env.BENCH_LOAD_DATA_DIR as string,
  database: JSON.parse(process.env.BENCH_LOAD_DB as string) as DatabaseConfig,
  secretKey: Buffer.from(process.env.BENCH_LOAD_SECRET as string, 'hex'),
  staticDir: null,
  // BENCH_LOAD_READ_WORKER=0 measures the server without its read worker (one core).
  readWorker: process.env.BENCH_LOAD_READ_WORKER !== '0',
});

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

process.on('message', (message: string) => {
  if (message === 'usage') {
    const loop = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
    loopDelay.reset();
    send({ kind: 'usage', cpu: process.cpuUsage(), memory: process.memoryUsage(), loop });
  }
  if (message === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
send({ kind: 'ready', url: server.url });
