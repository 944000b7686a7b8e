/**
 * `serve` on SIGTERM or Ctrl+C (issue 8, finding 8): the first signal drains (the server takes no
 * new job and lets the running one go on, still answering the API), a second one exits at once.
 * The full drain (jobs finished, hosts handed over, Down) is in multi-server.int.test.ts.
 */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate, openStore } from '../src/db/connect';
import { dialects, freshDatabase } from './harness';
import { seedCluster, seedPod, seedZone } from './infrastructure/seed';
import { addSimulatorHosts, call, startServe, until } from './serve-process';

const PASSWORD = 'Shutdown-Adm1n-pass';

describe.each(dialects())('serve on a signal (%s)', (dialect) => {
  it('the first signal drains while the API still answers; a second exits at once', async () => {
    const db = await freshDatabase(dialect);
    const seeding = openStore(db.config);
    await migrate(seeding);
    const zone = await seedZone(seeding.db, { name: 'Z1' });
    const pod = await seedPod(seeding.db, zone.id, { name: 'P1' });
    const c1 = await seedCluster(seeding.db, pod, { name: 'C1' });
    await seeding.close();
    const cluster = { uuid: c1.uuid, zoneUuid: zone.uuid, podUuid: pod.uuid };
    const env = { STACKYARD_SECRET_KEY: crypto.randomBytes(32).toString('base64') };
    const server = await startServe('mgmt-solo', { database: db.config, password: PASSWORD, env, dataDir: db.dataDir });
    try {
      const [busy, idle] = await addSimulatorHosts(server, cluster, 's', 2);
      await call(server, 'configureSimulator', {
        name: 'MaintainCommand',
        value: 'wait:120000',
        hostid: busy as string,
      });
      await call(server, 'prepareHostForMaintenance', { id: busy as string });
      const me = async () => (await call(server, 'listManagementServers', { name: 'mgmt-solo' })).managementserver[0];
      await until('the job to run', async () => (await me()).pendingjobscount === 1);

      server.child.kill('SIGTERM');
      await until('the server to drain', async () => (await me()).state === 'PreparingToShutDown');
      expect(server.out()).toContain('SIGTERM: shutting down');
      // Still answering, but taking no new job: this one stays queued for another server.
      const late = (await call(server, 'prepareHostForMaintenance', { id: idle as string })).jobid as string;

      server.child.kill('SIGINT');
      expect(await server.exit).toBe(1);
      expect(server.out()).toContain('SIGINT again: exiting now');
      const store = openStore(db.config);
      try {
        const row = await store.db
          .selectFrom('async_jobs')
          .select(['started', 'completed'])
          .where('uuid', '=', late)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ started: null, completed: null });
      } finally {
        await store.close();
      }
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      await server.exit;
      await db.drop();
    }
  }, 120_000);
});
