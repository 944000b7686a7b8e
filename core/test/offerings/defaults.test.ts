import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/core';
import { ADMIN_PASSWORD, dialects, freshDatabase, type Dialect } from '../harness';
import { fails, ok } from '../tenancy/fixtures';
import { listed, names } from './fixtures';

/**
 * The offerings CloudStack has from its first start (ConfigurationServerImpl and the system VM
 * managers; compute, disk, system and network offerings), created once: a restart, or two servers starting together on one PostgreSQL
 * database, never adds them twice, and an offering an admin deleted stays deleted.
 */

const SYSTEM_OFFERINGS = [
  'System Offering For Console Proxy',
  'System Offering For Console Proxy - Local Storage',
  'System Offering For Secondary Storage VM',
  'System Offering For Secondary Storage VM - Local Storage',
  'System Offering For Software Router',
  'System Offering For Software Router - Local Storage',
  'System Offering For Internal LB VM',
  'System Offering For Internal LB VM - Local Storage',
];

/** Every default offering once: 10 compute and system, 4 disk, 4 network with their 20 services. */
const ONCE = { service: 10, disk: 4, network: 4, networkServices: 20, uniqueNames: 18 };

async function counts(core: Core) {
  const db = core.store.db;
  const service = await db.selectFrom('service_offerings').select(['unique_name']).execute();
  const disk = await db.selectFrom('disk_offerings').select(['unique_name']).execute();
  const network = await db.selectFrom('network_offerings').select(['unique_name']).execute();
  const networkServices = await db.selectFrom('network_offering_services').select('offering_id').execute();
  return {
    service: service.length,
    disk: disk.length,
    network: network.length,
    networkServices: networkServices.length,
    uniqueNames: new Set([...service, ...disk, ...network].map((r) => r.unique_name)).size,
  };
}

/** A fresh database and the options of a server on it. */
async function serverOn(dialect: Dialect) {
  const database = await freshDatabase(dialect);
  const options: CoreOptions = {
    database: database.config,
    dataDir: database.dataDir,
    adminPassword: ADMIN_PASSWORD,
    secretKey: crypto.randomBytes(32),
    runJobs: false,
  };
  return { database, options };
}

const admin = async (core: Core) => {
  const row = await core.store.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const caller = await core.auth.callerForUser(row.id, 'session');
  if (!caller) throw new Error('no admin');
  return caller;
};

const call = async (core: Core, command: string, params: Record<string, string> = {}) => {
  const r = await core.api.execute(command, params, await admin(core));
  const data = (r.body[`${command.toLowerCase()}response`] ?? r.body.errorresponse ?? {}) as Record<string, any>;
  return { status: r.status, body: r.body, data };
};

describe.each(dialects())('default offerings (%s)', (dialect) => {
  it("has CloudStack's default compute, disk and system offerings from the first start, once after a restart", async () => {
    const { database, options } = await serverOn(dialect);
    let core = await createCore(options);
    try {
      const compute = ok(await call(core, 'listServiceOfferings'));
      listed(compute, 'serviceoffering', ['Small Instance', 'Medium Instance']);
      expect(compute.serviceoffering[0]).toMatchObject({
        name: 'Small Instance',
        displaytext: 'Small Instance',
        cpunumber: 1,
        cpuspeed: 500,
        memory: 512,
        storagetype: 'shared',
        provisioningtype: 'thin',
        offerha: false,
        issystem: false,
        defaultuse: false,
        iscustomized: false,
        dynamicscalingenabled: true,
        state: 'Active',
      });
      expect(compute.serviceoffering[1]).toMatchObject({ cpunumber: 1, cpuspeed: 1000, memory: 1024 });

      const system = ok(await call(core, 'listServiceOfferings', { issystem: 'true' }));
      expect(names(system.serviceoffering).sort()).toEqual([...SYSTEM_OFFERINGS].sort());
      const byName = new Map<string, any>(system.serviceoffering.map((o: any) => [o.name, o]));
      expect(byName.get('System Offering For Console Proxy')).toMatchObject({
        issystem: true,
        defaultuse: true,
        systemvmtype: 'consoleproxy',
        cpunumber: 1,
        cpuspeed: 500,
        memory: 1024,
        networkrate: 0,
        storagetype: 'shared',
      });
      expect(byName.get('System Offering For Console Proxy - Local Storage')).toMatchObject({ storagetype: 'local' });
      expect(byName.get('System Offering For Secondary Storage VM')).toMatchObject({
        systemvmtype: 'secondarystoragevm',
        memory: 512,
        cpuspeed: 500,
      });
      expect(byName.get('System Offering For Software Router')).toMatchObject({
        systemvmtype: 'domainrouter',
        memory: 256,
        cpuspeed: 500,
        offerha: true,
      });
      expect(byName.get('System Offering For Internal LB VM')).toMatchObject({
        systemvmtype: 'internalloadbalancervm',
        memory: 256,
        cpuspeed: 256,
      });
      const routers = ok(await call(core, 'listServiceOfferings', { issystem: 'true', systemvmtype: 'domainrouter' }));
      expect(names(routers.serviceoffering).sort()).toEqual([
        'System Offering For Software Router',
        'System Offering For Software Router - Local Storage',
      ]);

      const disks = ok(await call(core, 'listDiskOfferings'));
      listed(disks, 'diskoffering', ['Small', 'Medium', 'Large', 'Custom']);
      expect(disks.diskoffering.map((d: any) => [d.displaytext, d.disksize, d.iscustomized])).toEqual([
        ['Small Disk, 5 GB', 5, false],
        ['Medium Disk, 20 GB', 20, false],
        ['Large Disk, 100 GB', 100, false],
        ['Custom Disk', 0, true],
      ]);
      const networks = ok(await call(core, 'listNetworkOfferings'));
      expect(names(networks.networkoffering).sort()).toEqual([
        'DefaultIsolatedNetworkOffering',
        'DefaultIsolatedNetworkOfferingWithSourceNatService',
        'DefaultSharedNetworkOffering',
        'DefaultSharedNetworkOfferingWithSGService',
      ]);
      for (const o of networks.networkoffering) expect(o).toMatchObject({ isdefault: true, state: 'Enabled' });
      const before = await counts(core);
      expect(before).toEqual(ONCE);

      // Deleting a default (not a system one) sticks; the default system offerings cannot go.
      ok(await call(core, 'deleteServiceOffering', { id: compute.serviceoffering[0].id }));
      ok(await call(core, 'deleteDiskOffering', { id: disks.diskoffering[3].id }));
      fails(
        await call(core, 'deleteServiceOffering', { id: byName.get('System Offering For Software Router').id }),
        431,
        /Default service offering/,
      );

      await core.close();
      core = await createCore(options);
      expect(await counts(core)).toEqual(before);
      listed(ok(await call(core, 'listServiceOfferings')), 'serviceoffering', ['Medium Instance']);
      listed(ok(await call(core, 'listDiskOfferings')), 'diskoffering', ['Small', 'Medium', 'Large']);
    } finally {
      await core.close();
      await database.drop();
    }
  });
});

// Several servers share a database only on PostgreSQL.
describe.each(dialects().filter((d) => d === 'postgres'))(
  'default offerings of servers starting together (%s)',
  (dialect) => {
    it('creates each default offering once when two servers start on an empty database', async () => {
      const { database, options } = await serverOn(dialect);
      const started = await Promise.allSettled([
        createCore({ ...options, serverName: 'ms-a' }),
        createCore({ ...options, serverName: 'ms-b' }),
      ]);
      const cores = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      try {
        expect(started.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
        for (const core of cores) expect(await counts(core)).toEqual(ONCE);
      } finally {
        for (const core of cores) await core.close();
        await database.drop();
      }
    });
  },
);
