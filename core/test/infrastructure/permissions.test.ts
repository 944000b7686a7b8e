import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyCommand } from '../../src/api/command';
import { alertCommands } from '../../src/api/commands/alerts';
import { capacityCommands } from '../../src/api/commands/capacity';
import { clusterCommands } from '../../src/api/commands/clusters';
import { datacenterImportCommands } from '../../src/api/commands/datacenter-import';
import { hostCommands } from '../../src/api/commands/hosts';
import { imageStoreCommands } from '../../src/api/commands/image-stores';
import { infrastructureCommands } from '../../src/api/commands/infrastructure';
import { physicalNetworkCommands } from '../../src/api/commands/physical-networks';
import { podCommands } from '../../src/api/commands/pods';
import { simulatorCommands } from '../../src/api/commands/simulator';
import { storagePoolCommands } from '../../src/api/commands/storage-pools';
import { vlanIpRangeCommands } from '../../src/api/commands/vlan-ip-ranges';
import { zoneCommands } from '../../src/api/commands/zones';
import type { Caller } from '../../src/services/caller';
import { dialects, startTestCore, type TestCore } from '../harness';
import { callerOf, createAccount, createDomain } from '../tenancy/fixtures';
import { seedCluster, seedHost, seedPod, seedZone } from './seed';

const INFRASTRUCTURE_COMMANDS: readonly AnyCommand[] = [
  ...zoneCommands,
  ...physicalNetworkCommands,
  ...podCommands,
  ...vlanIpRangeCommands,
  ...clusterCommands,
  ...hostCommands,
  ...simulatorCommands,
  ...storagePoolCommands,
  ...imageStoreCommands,
  ...capacityCommands,
  ...alertCommands,
  ...infrastructureCommands,
  ...datacenterImportCommands,
] as readonly AnyCommand[];

const TABLES = [
  'zones',
  'physical_networks',
  'traffic_types',
  'network_service_providers',
  'virtual_router_elements',
  'pods',
  'vlan_ip_ranges',
  'clusters',
  'hosts',
  'host_tags',
  'storage_pools',
  'image_stores',
  'alerts',
  'simulator_mocks',
  'async_jobs',
] as const;

async function inventoryHash(tc: TestCore): Promise<string> {
  const rows = await Promise.all(TABLES.map((t) => tc.core.store.db.selectFrom(t).selectAll().execute()));
  return crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

const isList = (c: AnyCommand) => /^(list|query)/.test(c.name);

/**
 * Every infrastructure command refuses callers its roles leave out, before it reads or writes
 * anything: users and domain admins manage no infrastructure; resource admins may read it.
 */
describe.each(dialects())('infrastructure permissions (%s)', (dialect) => {
  let tc: TestCore;
  const callers: Record<'user' | 'domainAdmin' | 'resourceAdmin', Caller> = {} as never;
  let params: Record<string, string>;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const domain = await createDomain(tc, `perm-${dialect}`);
    const user = await createAccount(tc, { username: `perm-user-${dialect}`, domainid: domain.id });
    const da = await createAccount(tc, { username: `perm-da-${dialect}`, domainid: domain.id, accounttype: 2 });
    const ra = await createAccount(tc, { username: `perm-ra-${dialect}`, accounttype: 3 });
    callers.user = await callerOf(tc, user.user[0].id);
    callers.domainAdmin = await callerOf(tc, da.user[0].id);
    callers.resourceAdmin = await callerOf(tc, ra.user[0].id);
    const db = tc.core.store.db;
    const zone = await seedZone(db);
    const pod = await seedPod(db, zone.id);
    const cluster = await seedCluster(db, pod);
    const host = await seedHost(db, cluster);
    // Plausible targets, so that a command which wrongly skipped its role check would act.
    params = { id: host.uuid, zoneid: zone.uuid, podid: pod.uuid, clusterid: cluster.uuid, name: 'x' };
  });
  afterAll(async () => tc?.close());

  it('declares at least the commands the issue lists', () => {
    const names = new Set(INFRASTRUCTURE_COMMANDS.map((c) => c.name));
    for (const name of [
      'createZone',
      'createPhysicalNetwork',
      'addTrafficType',
      'updateNetworkServiceProvider',
      'configureVirtualRouterElement',
      'createPod',
      'createVlanIpRange',
      'addCluster',
      'addHost',
      'prepareHostForMaintenance',
      'createStoragePool',
      'enableStorageMaintenance',
      'addImageStore',
      'listCapacity',
      'listInfrastructure',
      'listAlerts',
      'configureSimulator',
      'importDataCenter',
    ]) {
      expect(names.has(name), name).toBe(true);
    }
  });

  for (const who of ['user', 'domainAdmin', 'resourceAdmin'] as const) {
    it(`refuses every command a ${who} may not call, and changes nothing`, async () => {
      const before = await inventoryHash(tc);
      let refused = 0;
      for (const command of INFRASTRUCTURE_COMMANDS) {
        const roleType = callers[who].roleType;
        if (command.roles.includes(roleType)) continue;
        const r = await tc.call(command.name, params, callers[who]);
        expect(r.status, `${command.name} as ${who}`).toBe(432);
        refused += 1;
      }
      expect(refused).toBeGreaterThan(who === 'resourceAdmin' ? 10 : 30);
      expect(await inventoryHash(tc)).toBe(before);
    });
  }

  it('lets only root admins change infrastructure; resource admins read it', () => {
    for (const command of INFRASTRUCTURE_COMMANDS) {
      if (command.name === 'listZones') {
        expect(command.roles).toContain('User');
        continue;
      }
      expect(command.roles, command.name).not.toContain('User');
      expect(command.roles, command.name).not.toContain('DomainAdmin');
      if (!isList(command)) expect(command.roles, command.name).toEqual(['Admin']);
    }
  });
});
