import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../src/core';
import { SecretBox } from '../../src/services/secrets';
import { ADMIN_PASSWORD, dialects, freshDatabase, startTestCore } from '../harness';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/marvin');

/** A second data directory next to the first: another server on the same database. */
function otherDataDir(dataDir: string): string {
  const dir = `${dataDir}-second`;
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe.each(dialects())('the cluster secret key (%s)', (dialect) => {
  it('refuses a server whose key does not match the database key, before it does anything', async () => {
    const database = await freshDatabase(dialect);
    const key = crypto.randomBytes(32);
    const base: CoreOptions = { database: database.config, dataDir: database.dataDir, adminPassword: ADMIN_PASSWORD };
    const first = await createCore({ ...base, secretKey: key, runJobs: false });
    const second = otherDataDir(database.dataDir);
    try {
      // The database holds a fingerprint of the key, never the key nor a plain hash of it.
      const stored = await first.store.db.selectFrom('cluster_identity').selectAll().execute();
      expect(stored).toHaveLength(1);
      const fingerprint = stored[0]?.key_fingerprint as string;
      expect(fingerprint).toBe(new SecretBox(key).fingerprint());
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
      for (const plain of [key.toString('hex'), crypto.createHash('sha256').update(key).digest('hex')]) {
        expect(fingerprint).not.toBe(plain);
      }

      const otherKey = crypto.randomBytes(32);
      await expect(
        createCore({
          ...base,
          dataDir: second,
          secretKey: otherKey,
          secretKeySource: 'from the test',
          serverName: 'b',
        }),
      ).rejects.toThrow(
        new RegExp(
          `^the secret key from the test does not match this database's key \\(fingerprint ${fingerprint.slice(0, 16)};.*` +
            `copy the key from the first server.*see docs/servers\\.md`,
        ),
      );
      // Refused before registering itself or running anything.
      const servers = await first.store.db.selectFrom('management_servers').select('name').execute();
      expect(servers.map((s) => s.name)).not.toContain('b');

      // Without any key, a second data directory is refused too, and no stray key file is made.
      await expect(createCore({ ...base, dataDir: second, serverName: 'b' })).rejects.toThrow(
        /there is no secret key in .*secret\.key, and this database already has one \(fingerprint [0-9a-f]{16}\)/,
      );
      expect(fs.existsSync(path.join(second, 'secret.key'))).toBe(false);

      // A key file that is not there is named in the error.
      await expect(
        createCore({ ...base, dataDir: second, secretKeyFile: path.join(second, 'missing.key') }),
      ).rejects.toThrow(/cannot read the secret key file .*missing\.key: ENOENT/);

      // The first server's key, copied to a file, is accepted.
      const copied = path.join(second, 'cluster.key');
      fs.writeFileSync(copied, key.toString('base64'), { mode: 0o600 });
      const again = await createCore({ ...base, dataDir: second, secretKeyFile: copied, runJobs: false });
      await again.close();
    } finally {
      await first.close();
      fs.rmSync(second, { recursive: true, force: true });
      await database.drop();
    }
  });

  it('creates the data directory key on the first start and keeps using it', async () => {
    const database = await freshDatabase(dialect);
    const base: CoreOptions = { database: database.config, dataDir: database.dataDir, adminPassword: ADMIN_PASSWORD };
    try {
      const first = await createCore({ ...base, runJobs: false });
      await first.close();
      const file = path.join(database.dataDir, 'secret.key');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const second = await createCore({ ...base, runJobs: false });
      await second.close();
      const garbage = path.join(database.dataDir, 'garbage.key');
      fs.writeFileSync(garbage, 'not a key');
      await expect(createCore({ ...base, secretKeyFile: garbage })).rejects.toThrow(
        /the secret key in .*garbage\.key is not 32 bytes in base64/,
      );
    } finally {
      await database.drop();
    }
  });

  it('fails a job whose parameters were sealed under another key with that reason', async () => {
    const tc = await startTestCore(dialect, { runJobs: false });
    try {
      const config = fs.readFileSync(path.join(FIXTURES, 'basic.cfg'), 'utf8');
      const submitted = await tc.call('importDataCenter', { config });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      const jobId = submitted.data.jobid as string;
      // As if another server with its own key had queued it.
      const row = await tc.core.store.db
        .selectFrom('async_jobs')
        .select('params')
        .where('uuid', '=', jobId)
        .executeTakeFirstOrThrow();
      const params = JSON.parse(row.params) as Record<string, string>;
      expect(params.config).toMatch(/^sealed:v1:/);
      params.config = `sealed:${new SecretBox(crypto.randomBytes(32)).encrypt(config)}`;
      await tc.core.store.db
        .updateTable('async_jobs')
        .set({ params: JSON.stringify(params) })
        .where('uuid', '=', jobId)
        .execute();

      await tc.core.jobs.start();
      const done = await tc.waitForJob(jobId);
      expect(done.jobstatus).toBe(2);
      expect(done.jobresult.errortext).toMatch(
        /^A secret stored in the database cannot be decrypted: it was sealed under another secret key than this server's \(key fingerprint [0-9a-f]{16}\)\. Every server sharing the database must use the same secret key; see docs\/servers\.md/,
      );
      expect(done.jobresult.errortext).not.toMatch(/Internal error/);
      const zones = await tc.call('listZones', {});
      expect(zones.data.count ?? 0).toBe(0);
    } finally {
      await tc.close();
    }
  });
});
