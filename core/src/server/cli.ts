import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core';
import { parseDatabaseUrl, type DatabaseConfig } from '../db/connect';
import { parseSecretKey, SECRET_KEY_ENV } from '../services/secrets';
import { DEPLOY_DC_USAGE, deployDcCommand } from './deploy-dc';
import { createHttpServer, isLoopback, type ReadWorkerOptions, type StackyardHttpServer } from './http';

export interface StartServerOptions {
  /** An existing core (tests, Electron fallback); it is not closed by close(). */
  core?: Core;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to $STACKYARD_DATA_DIR or ~/.local/share/stackyard. */
  dataDir?: string;
  /** postgres://..., sqlite:/path, or a config; default SQLite in the data dir. */
  database?: string | DatabaseConfig;
  /** First start only; otherwise a password is generated and returned once. */
  adminPassword?: string;
  /** The built renderer; null serves no UI (the build hint page). Default: <repo>/dist/renderer. */
  staticDir?: string | null;
  /** The cluster's secret key (see CoreOptions.secretKey) and where it came from, for errors. */
  secretKey?: Buffer;
  secretKeySource?: string;
  /** A key file copied from the first server; it must exist. */
  secretKeyFile?: string;
  runJobs?: boolean;
  /** This server's name among several sharing one PostgreSQL; defaults to the host name. */
  serverName?: string;
  heartbeatMs?: number;
  /** Answer read-only lists from a worker thread too (the second core); only for a core it creates on a SQLite file. */
  readWorker?: boolean;
}

export interface RunningServer {
  core: Core;
  http: StackyardHttpServer;
  /** http://host:port */
  url: string;
  apiUrl: string;
  uiUrl: string;
  port: number;
  /** Set on the first start when no admin password was given: show it once. */
  generatedAdminPassword?: string;
  /** Graceful shutdown of the core it created (Core.drain); call close() afterwards. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STACKYARD_DATA_DIR) return path.resolve(env.STACKYARD_DATA_DIR);
  const dataHome = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(dataHome, 'stackyard');
}

/** <repo>/dist/renderer, found from this file's location (core/src/server/cli.ts). */
export function defaultStaticDir(): string {
  try {
    return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/renderer');
  } catch {
    return path.resolve(process.cwd(), 'dist/renderer');
  }
}

/** Creates (or takes) a core and serves it over HTTP. Used by `serve`, e2e tests and Electron's fallback. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const ownsCore = !options.core;
  let core = options.core;
  let readWorker: ReadWorkerOptions | undefined;
  if (!core) {
    const dataDir = options.dataDir ?? defaultDataDir();
    const database =
      typeof options.database === 'object' ? options.database : parseDatabaseUrl(options.database, dataDir);
    if (options.readWorker && (database.kind === 'postgres' || database.file !== ':memory:')) {
      const secretKeyFile = options.secretKeyFile ?? path.join(dataDir, 'secret.key');
      readWorker = { database, secretKey: options.secretKey, secretKeyFile };
    }
    core = await createCore({
      database,
      dataDir,
      adminPassword: options.adminPassword,
      secretKey: options.secretKey,
      secretKeySource: options.secretKeySource,
      secretKeyFile: options.secretKeyFile,
      runJobs: options.runJobs,
      serverName: options.serverName,
    });
  }
  let http: StackyardHttpServer;
  try {
    http = await createHttpServer({
      core,
      staticDir: options.staticDir === null ? undefined : (options.staticDir ?? defaultStaticDir()),
      listen: { host: options.host ?? '127.0.0.1', port: options.port ?? 8080 },
      heartbeatMs: options.heartbeatMs,
      readWorker,
    });
  } catch (error) {
    if (ownsCore) await core.close();
    throw error;
  }
  const running = core;
  let closing: Promise<void> | undefined;
  return {
    core,
    http,
    url: http.url,
    apiUrl: `${http.url}/client/api`,
    uiUrl: `${http.url}/`,
    port: http.port,
    generatedAdminPassword: ownsCore ? core.generatedAdminPassword : undefined,
    async drain() {
      if (ownsCore) await running.drain();
    },
    close() {
      closing ??= (async () => {
        await http.close();
        if (ownsCore) await running.close();
      })();
      return closing;
    },
  };
}

export type SecretKeyChoice = Pick<StartServerOptions, 'secretKey' | 'secretKeySource' | 'secretKeyFile'>;

/**
 * The cluster's secret key as `serve` was given it: `--secret-key-file PATH` or
 * $STACKYARD_SECRET_KEY (base64), not both; neither leaves the data directory's key file.
 */
export function secretKeyChoice(file: string | undefined, env: NodeJS.ProcessEnv): SecretKeyChoice {
  const fromEnv = env[SECRET_KEY_ENV];
  if (file !== undefined && fromEnv) {
    throw new Error(`give the secret key once: --secret-key-file or ${SECRET_KEY_ENV}, not both`);
  }
  if (file !== undefined) return { secretKeyFile: path.resolve(file) };
  if (!fromEnv) return {};
  const secretKeySource = `from $${SECRET_KEY_ENV}`;
  return { secretKey: parseSecretKey(fromEnv, secretKeySource), secretKeySource };
}

/** The one-time admin password, framed so it stands out in a terminal. */
export function passwordBox(password: string): string {
  const lines = [
    'First start: the admin account was created.',
    `admin password: ${password}`,
    'It is shown only this once and is not stored in clear.',
    'Log in as admin (domain ROOT) and change it.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '+' + '-'.repeat(width + 2) + '+';
  return [bar, ...lines.map((l) => `| ${l.padEnd(width)} |`), bar].join('\n');
}

const USAGE = `Usage: stackyard <command> [options]

Commands:
  serve       Run the management server (CloudStack API, live events, web UI)
  deploy-dc   Build a cloud from a Marvin datacenter description (JSON .cfg), printing progress

serve options:
  --port P         TCP port (default 8080; 0 picks a free one)
  --listen ADDR    address to listen on (default 127.0.0.1)
  --data-dir DIR   data directory (default $STACKYARD_DATA_DIR or ~/.local/share/stackyard)
  --db URL         postgres://user:pass@host/db, or sqlite:/path (default SQLite in the data dir)
  --server-name N  this server's name among several sharing one PostgreSQL (default: host name)
  --secret-key-file PATH
                   the cluster's secret key, copied from the first server's <data-dir>/secret.key
                   (default: <data-dir>/secret.key, created on the cluster's first start)

  SIGTERM or Ctrl+C drains: no new jobs, running ones get management.server.shutdown.grace.seconds,
  then go to another server; the server is marked Down. A second signal exits at once.

${DEPLOY_DC_USAGE}
Environment:
  STACKYARD_ADMIN_PASSWORD   the admin password set on first start (otherwise one is generated)
  STACKYARD_DATA_DIR         default data directory
  STACKYARD_DB_URL           default --db
  STACKYARD_SECRET_KEY       the cluster's secret key in base64, instead of --secret-key-file
`;

async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8080' },
      listen: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      db: { type: 'string' },
      'server-name': { type: 'string' },
      'secret-key-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`invalid --port ${values.port}\n`);
    return 2;
  }
  let key: SecretKeyChoice;
  try {
    key = secretKeyChoice(values['secret-key-file'], process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const host = values.listen ?? '127.0.0.1';
  if (!isLoopback(host)) {
    process.stderr.write(
      `warning: listening on ${host}: the API is reachable from other machines; use TLS in front of it.\n`,
    );
  }
  const server = await startServer({
    host,
    port,
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : undefined,
    database: values.db ?? process.env.STACKYARD_DB_URL,
    adminPassword: process.env.STACKYARD_ADMIN_PASSWORD || undefined,
    serverName: values['server-name'],
    readWorker: true,
    ...key,
  });
  // Signals are handled before anything says the server is ready: a supervisor (or a test) that
  // stops it as soon as it reads the URLs must get a drain, not the default exit.
  const drained = untilSignalDrained(server);
  if (server.generatedAdminPassword) process.stdout.write(`${passwordBox(server.generatedAdminPassword)}\n`);
  const staticDir = defaultStaticDir();
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    process.stdout.write('The web UI is not built; run `npm run build:renderer`.\n');
  }
  process.stdout.write(`Stackyard API: ${server.apiUrl}\nStackyard UI: ${server.uiUrl}\n`);
  await drained;
  return 0;
}

/**
 * The first SIGINT or SIGTERM drains (running jobs finish or are handed over, hosts go to the
 * other servers, this server is marked Down), then the server closes; a second signal exits at once.
 */
function untilSignalDrained(server: RunningServer): Promise<void> {
  return new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        process.stderr.write(`${signal} again: exiting now\n`);
        process.exit(1);
      }
      stopping = true;
      const grace = server.core.settings.get<number>('management.server.shutdown.grace.seconds');
      process.stdout.write(
        `${signal}: shutting down: running jobs get up to ${grace} s, then go to another server (${signal} again exits at once)\n`,
      );
      server
        .drain()
        .then(() => server.close())
        .then(resolve, (error: unknown) => {
          process.stderr.write(`shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
          resolve();
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'deploy-dc':
      return deployDcCommand(rest, {
        dataDir: defaultDataDir(),
        database: process.env.STACKYARD_DB_URL,
        adminPassword: process.env.STACKYARD_ADMIN_PASSWORD || undefined,
      });
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

function isEntryPoint(): boolean {
  try {
    const entry = process.argv[1];
    return entry !== undefined && fs.realpathSync(entry) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
