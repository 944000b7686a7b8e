import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core';
import { parseDatabaseUrl, type DatabaseConfig } from '../db/connect';
import type { Caller } from '../services/caller';
import type { LiveMessage } from '../services/core-services';

/**
 * `stackyard deploy-dc <file>`: builds a cloud from a Marvin datacenter description, in-process,
 * by running importDataCenter as the bootstrap admin and following its job.
 */
export interface DeployDcOptions {
  file: string;
  dataDir: string;
  /** postgres://..., sqlite:/path or a config; default SQLite in the data dir. */
  database?: string | DatabaseConfig;
  dryRun?: boolean;
  /** First start only (otherwise a password is generated and printed once). */
  adminPassword?: string;
  secretKey?: Buffer;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

export const DEPLOY_DC_USAGE = `deploy-dc <file> options:
  --data-dir DIR   data directory (default $STACKYARD_DATA_DIR or ~/.local/share/stackyard)
  --database URL   postgres://user:pass@host/db, or sqlite:/path (also --db; default SQLite in the data dir)
  --dry-run        validate the description and list the API calls without changing anything
  Stop a server using the same data directory first: embedded SQLite serves one core at a time.
`;

async function bootstrapAdmin(core: Core): Promise<Caller> {
  const row = await core.store.db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .innerJoin('domains', 'domains.id', 'accounts.domain_id')
    .select('users.id')
    .where('users.username', '=', 'admin')
    .where('domains.parent_id', 'is', null)
    .where('users.removed', 'is', null)
    .executeTakeFirst();
  const caller = row ? await core.auth.callerForUser(row.id, 'system') : undefined;
  if (!caller) throw new Error('the admin user of the ROOT domain is missing or disabled');
  return caller;
}

const pct = (n: unknown) => `[${String(typeof n === 'number' ? n : 0).padStart(3)}%]`;

/** Runs the import and prints progress; returns the exit code (0 done, 1 failed). */
export async function deployDataCenter(options: DeployDcOptions): Promise<number> {
  const out = options.out ?? ((t: string) => process.stdout.write(t));
  const err = options.err ?? ((t: string) => process.stderr.write(t));
  let text: string;
  try {
    text = fs.readFileSync(options.file, 'utf8');
  } catch (error) {
    err(`cannot read ${options.file}: ${(error as Error).message}\n`);
    return 1;
  }
  const database =
    typeof options.database === 'object' ? options.database : parseDatabaseUrl(options.database, options.dataDir);
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const core = await createCore({
    database,
    dataDir: options.dataDir,
    adminPassword: options.adminPassword,
    secretKey: options.secretKey,
    runJobs: true,
    runMonitors: false,
  });
  try {
    if (core.generatedAdminPassword) out(`First start: admin password ${core.generatedAdminPassword} (shown once)\n`);
    const admin = await bootstrapAdmin(core);
    const started = Date.now();
    out(`${options.dryRun ? 'Checking' : 'Importing'} ${path.basename(options.file)}\n`);

    let jobId: string | undefined;
    let lastLine = '';
    let wake: (() => void) | undefined;
    const show = (job: Record<string, unknown>) => {
      if (typeof job.jobprogresstext !== 'string' || job.jobstatus !== 0) return;
      const line = `${pct(job.jobprocstatus)} ${job.jobprogresstext}`;
      if (line !== lastLine) out(`${line}\n`);
      lastLine = line;
    };
    const unsubscribe = core.events.subscribe((message: LiveMessage) => {
      if (message.kind !== 'job' || message.job.jobid !== jobId) return;
      show(message.job);
      if (message.job.jobstatus !== 0) wake?.();
    });
    try {
      const submitted = await core.api.execute(
        'importDataCenter',
        { config: text, dryrun: options.dryRun ? 'true' : 'false' },
        admin,
      );
      const body = (submitted.body.importdatacenterresponse ?? {}) as Record<string, unknown>;
      if (submitted.status !== 200 || typeof body.jobid !== 'string') {
        err(`error: ${String(body.errortext ?? JSON.stringify(submitted.body))}\n`);
        return 1;
      }
      jobId = body.jobid;
      let job: Record<string, unknown>;
      for (;;) {
        const r = await core.api.execute('queryAsyncJobResult', { jobid: jobId }, admin);
        job = (r.body.queryasyncjobresultresponse ?? {}) as Record<string, unknown>;
        if (job.jobstatus !== 0) break;
        show(job);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 500);
        });
      }
      const result = (job.jobresult ?? {}) as Record<string, any>;
      if (job.jobstatus !== 1) {
        err(`error: ${String(result.errortext ?? 'the import failed')}\n`);
        return 1;
      }
      printResult(result.datacenterimport ?? {}, (Date.now() - started) / 1000, out);
      return 0;
    } finally {
      unsubscribe();
    }
  } finally {
    await core.close();
  }
}

function printResult(result: Record<string, any>, seconds: number, out: (t: string) => void) {
  const created = Object.entries((result.created ?? {}) as Record<string, number>)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  if (result.dryrun) {
    const steps = (result.plan ?? []) as { command: string; params: Record<string, string>; label: string }[];
    steps.forEach((s, i) => {
      const params = Object.entries(s.params)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      out(`${String(i + 1).padStart(5)}. ${s.label}\n       ${s.command} ${params}\n`);
    });
    out(`Dry run: the description is valid; ${result.calls} API calls would create ${created || 'nothing'}.\n`);
  } else {
    for (const z of (result.zones ?? []) as { id?: string; name: string }[]) out(`zone ${z.name}: ${z.id}\n`);
    out(`Done in ${seconds.toFixed(1)} s: ${result.calls} API calls created ${created || 'nothing'}.\n`);
  }
  for (const w of (result.warnings ?? []) as string[]) out(`warning: ${w}\n`);
}

/** Parses `deploy-dc` arguments; `defaults` come from the CLI (data directory, STACKYARD_DB_URL). */
export async function deployDcCommand(
  argv: string[],
  defaults: { dataDir: string; database?: string; adminPassword?: string },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        database: { type: 'string' },
        db: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${DEPLOY_DC_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(DEPLOY_DC_USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`deploy-dc takes one description file\n\n${DEPLOY_DC_USAGE}`);
    return 2;
  }
  return deployDataCenter({
    file: path.resolve(positionals[0] as string),
    dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : defaults.dataDir,
    database: values.database ?? values.db ?? defaults.database,
    dryRun: values['dry-run'] === true,
    adminPassword: defaults.adminPassword,
  });
}
