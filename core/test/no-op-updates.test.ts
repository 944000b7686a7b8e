import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyCommand } from '../src/api/command';
import { ALL_COMMANDS } from '../src/api/commands';
import { paramMeta } from '../src/api/schemas/params';
import { dialects, startTestCore, type TestCore } from './harness';
import { buildSmallCloud, type SmallCloud } from './small-cloud';
import { ok } from './tenancy/fixtures';

/**
 * Every update* command sent only what names its target answers the unchanged object, as
 * CloudStack does (an update with nothing to change was an empty SQL UPDATE: a 530), and an empty
 * string in any optional parameter is a valid value or a 431, never a server error. The list of
 * commands comes from the registry, so a new update command fails here until it has a fixture.
 */
const UPDATE_COMMANDS = ALL_COMMANDS.filter((c) => /^update[A-Z]/.test(c.name));

interface Target {
  /** The parameters that name the target: the "only its id" call. */
  ids: Record<string, string>;
  /** Reads the target back as its list command answers it (the object an update returns). */
  read(): Promise<Record<string, unknown>>;
}

async function listOne(tc: TestCore, command: string, params: Record<string, string>, key: string) {
  const data = ok(await tc.call(command, params));
  const items = data[key] as Record<string, unknown>[] | undefined;
  if (items?.length !== 1) throw new Error(`${command} ${JSON.stringify(params)}: ${JSON.stringify(data)}`);
  return items[0]!;
}

const byId =
  (tc: TestCore, list: string, key: string, id: string, extra: Record<string, string> = {}): Target['read'] =>
  () =>
    listOne(tc, list, { id, ...extra }, key);

/** A fresh template or ISO of the admin in the cloud's zone (given an image store the first time). */
async function imageOf(tc: TestCore, c: SmallCloud, command: 'registerTemplate' | 'registerIso'): Promise<string> {
  const stores = ok(await tc.call('listImageStores', { zoneid: c.zone })).imagestore as unknown[] | undefined;
  if (!stores?.length)
    ok(await tc.call('addImageStore', { name: 'noop-store', zoneid: c.zone, url: 'nfs://10.0.0.9/noop' }));
  const params = { name: `noop-${command}`, url: 'http://203.0.113.10/noop.img', zoneid: c.zone };
  const extra: Record<string, string> =
    command === 'registerTemplate' ? { format: 'QCOW2', hypervisor: 'Simulator' } : {};
  const data = ok(await tc.call(command, { ...params, ...extra }));
  return (data.template ?? data.iso)[0].id as string;
}

/**
 * How to name each update command's target. `refused` marks the commands CloudStack itself refuses
 * when nothing is given to change (a 431, never a 5xx).
 */
type Fixture = { target(tc: TestCore, cloud: SmallCloud): Promise<Target>; refused?: RegExp };

const FIXTURES: Record<string, Fixture> = {
  updateZone: {
    target: async (tc, c) => ({ ids: { id: c.zone }, read: byId(tc, 'listZones', 'zone', c.zone) }),
  },
  updatePhysicalNetwork: {
    target: async (tc, c) => ({
      ids: { id: c.physicalNetwork },
      read: byId(tc, 'listPhysicalNetworks', 'physicalnetwork', c.physicalNetwork),
    }),
  },
  updateTrafficType: {
    target: async (tc, c) => {
      const read = () => listOne(tc, 'listTrafficTypes', { physicalnetworkid: c.physicalNetwork }, 'traffictype');
      return { ids: { id: String((await read()).id) }, read };
    },
  },
  updateNetworkServiceProvider: {
    target: async (tc, c) => {
      const read = () =>
        listOne(
          tc,
          'listNetworkServiceProviders',
          { physicalnetworkid: c.physicalNetwork, name: 'VirtualRouter' },
          'networkserviceprovider',
        );
      return { ids: { id: String((await read()).id) }, read };
    },
  },
  updatePod: {
    target: async (tc, c) => ({ ids: { id: c.pod }, read: byId(tc, 'listPods', 'pod', c.pod) }),
  },
  updateCluster: {
    target: async (tc, c) => ({ ids: { id: c.cluster }, read: byId(tc, 'listClusters', 'cluster', c.cluster) }),
  },
  updateHost: {
    target: async (tc, c) => ({ ids: { id: c.host }, read: byId(tc, 'listHosts', 'host', c.host) }),
  },
  updateStoragePool: {
    target: async (tc, c) => ({
      ids: { id: c.storagePool },
      read: byId(tc, 'listStoragePools', 'storagepool', c.storagePool),
    }),
  },
  updateDomain: {
    target: async (tc, c) => ({ ids: { id: c.domain }, read: byId(tc, 'listDomains', 'domain', c.domain) }),
  },
  updateAccount: {
    target: async (tc, c) => ({ ids: { id: c.account.id }, read: byId(tc, 'listAccounts', 'account', c.account.id) }),
  },
  updateUser: {
    target: async (tc, c) => {
      const id = String(c.account.user[0].id);
      return { ids: { id }, read: byId(tc, 'listUsers', 'user', id) };
    },
  },
  updateRole: {
    target: async (tc, c) => ({ ids: { id: c.role }, read: byId(tc, 'listRoles', 'role', c.role) }),
  },
  updateServiceOffering: {
    target: async (tc, c) => ({
      ids: { id: c.serviceOffering },
      read: byId(tc, 'listServiceOfferings', 'serviceoffering', c.serviceOffering),
    }),
  },
  updateDiskOffering: {
    target: async (tc, c) => ({
      ids: { id: c.diskOffering },
      read: byId(tc, 'listDiskOfferings', 'diskoffering', c.diskOffering),
    }),
  },
  updateNetworkOffering: {
    target: async (tc, c) => ({
      ids: { id: c.networkOffering },
      read: byId(tc, 'listNetworkOfferings', 'networkoffering', c.networkOffering),
    }),
  },
  updateTemplate: {
    target: async (tc, c) => {
      const id = await imageOf(tc, c, 'registerTemplate');
      return { ids: { id }, read: byId(tc, 'listTemplates', 'template', id, { templatefilter: 'self' }) };
    },
  },
  updateIso: {
    target: async (tc, c) => {
      const id = await imageOf(tc, c, 'registerIso');
      return { ids: { id }, read: byId(tc, 'listIsos', 'iso', id, { isofilter: 'self' }) };
    },
  },
  // Stackyard refuses a call that names nothing to change (share, unshare, reset or a flag).
  updateTemplatePermissions: {
    target: async (tc, c) => {
      const id = await imageOf(tc, c, 'registerTemplate');
      return {
        ids: { id },
        read: async () => ok(await tc.call('listTemplatePermissions', { id })).templatepermission,
      };
    },
    refused: /at least one of/,
  },
  // CloudStack asks for a new rule order, or a rule and its permission.
  updateRolePermission: {
    target: async (tc, c) => ({ ids: { roleid: c.role }, read: byId(tc, 'listRoles', 'role', c.role) }),
    refused: /either ruleorder, or ruleid with permission/,
  },
  // CloudStack's value is required: a configuration is named and given a value.
  updateConfiguration: {
    target: async (tc) => ({
      ids: { name: 'session.timeout' },
      read: () => listOne(tc, 'listConfigurations', { name: 'session.timeout' }, 'configuration'),
    }),
    refused: /missing parameter value/,
  },
};

const optionalParams = (command: AnyCommand) =>
  Object.entries(command.params.shape as Record<string, Parameters<typeof paramMeta>[0]>)
    .filter(([, schema]) => !paramMeta(schema).required)
    .map(([name]) => name);

describe('update commands', () => {
  it('every update command has a no-op fixture', () => {
    expect(UPDATE_COMMANDS.length).toBeGreaterThan(10);
    expect(UPDATE_COMMANDS.map((c) => c.name).filter((name) => !(name in FIXTURES))).toEqual([]);
  });
});

describe.each(dialects())('updates with nothing to change (%s)', (dialect) => {
  let tc: TestCore;
  let cloud: SmallCloud;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    cloud = await buildSmallCloud(tc);
  });
  afterAll(async () => tc?.close());

  for (const command of UPDATE_COMMANDS) {
    it(`${command.name} with only its id answers the unchanged object`, async () => {
      const fixture = FIXTURES[command.name];
      if (!fixture) throw new Error(`no fixture for ${command.name}`);
      const target = await fixture.target(tc, cloud);
      const before = await target.read();
      const r = await tc.settle(command.name, target.ids);
      if (fixture.refused) {
        expect(r.status, JSON.stringify(r.body)).toBe(431);
        expect(String(r.data.errortext)).toMatch(fixture.refused);
      } else {
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        const key = Object.keys(r.data).find((k) => typeof r.data[k] === 'object');
        expect(key && r.data[key], JSON.stringify(r.data)).toEqual(before);
      }
      expect(await target.read()).toEqual(before);
    });

    it(`${command.name} takes '' in each optional parameter as a value or a 431, never a 5xx`, async () => {
      const fixture = FIXTURES[command.name];
      if (!fixture) throw new Error(`no fixture for ${command.name}`);
      const target = await fixture.target(tc, cloud);
      for (const name of optionalParams(command)) {
        const r = await tc.settle(command.name, { ...target.ids, [name]: '' });
        expect([200, 431], `${command.name} ${name}='': ${JSON.stringify(r.body)}`).toContain(r.status);
      }
    });
  }
});
