import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../core/src/db/connect';

/** A fresh database for a benchmark: a SQLite file in dataDir, or a new PostgreSQL database. */
export async function database(kind: 'sqlite' | 'postgres', dataDir: string): Promise<DatabaseConfig> {
  if (kind === 'sqlite') return { kind, file: path.join(dataDir, 'bench.db') };
  const adminUrl = process.env.STACKYARD_TEST_PG_URL as string;
  const name = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { kind, url: url.toString() };
}
