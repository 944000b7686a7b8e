import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderServerMessage, type ServerMessageKey } from '../src/contract/messages';
import type { NameProblem } from '../src/domain/names';
import { dialects, startTestCore, type TestCore } from './harness';
import { buildSmallCloud, type SmallCloud } from './small-cloud';
import { ok } from './tenancy/fixtures';

/**
 * One name rule for every named resource, infrastructure and tenancy alike: no control characters,
 * no bidirectional embedding, override or isolate characters, not blank, at most 255 characters.
 * A refused name is a 431 that says why, quotes the value with those characters escaped, and
 * changes nothing.
 */
const BAD_NAMES: readonly { label: string; value: string; text: RegExp; problem: NameProblem }[] = [
  { label: 'NUL', value: 'bad\u0000name', text: /control character/, problem: 'controlCharacters' },
  { label: 'CR/LF', value: 'bad\r\nname', text: /control character/, problem: 'controlCharacters' },
  { label: 'C1 NEL', value: 'bad\u0085name', text: /control character/, problem: 'controlCharacters' },
  { label: 'right-to-left override', value: 'evil\u202Etxt.exe', text: /bidirectional/, problem: 'bidiCharacters' },
  { label: 'right-to-left isolate', value: 'bad\u2067name', text: /bidirectional/, problem: 'bidiCharacters' },
  { label: 'blank', value: '   ', text: /blank/, problem: 'blank' },
  { label: '256 characters', value: 'n'.repeat(256), text: /255/, problem: 'tooLong' },
];

/** What a refused answer may not carry back raw. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

interface NamedParam {
  command: string;
  param: string;
  base(c: SmallCloud): Record<string, string>;
}

const TENANT = (username: string) => ({
  username,
  password: 'Passw0rd-names',
  firstname: 'First',
  lastname: 'Last',
  email: `${username}@example.com`,
});

const POD = { gateway: '172.16.40.1', netmask: '255.255.255.0', startip: '172.16.40.2', endip: '172.16.40.200' };

const NAMED_PARAMS: readonly NamedParam[] = [
  {
    command: 'createZone',
    param: 'name',
    base: () => ({ networktype: 'Advanced', dns1: '8.8.8.8', internaldns1: '10.0.0.2' }),
  },
  { command: 'updateZone', param: 'name', base: (c) => ({ id: c.zone }) },
  { command: 'createPhysicalNetwork', param: 'name', base: (c) => ({ zoneid: c.zone }) },
  { command: 'createPod', param: 'name', base: (c) => ({ zoneid: c.zone, ...POD }) },
  { command: 'updatePod', param: 'name', base: (c) => ({ id: c.pod }) },
  {
    command: 'addCluster',
    param: 'clustername',
    base: (c) => ({ zoneid: c.zone, podid: c.pod, hypervisor: 'Simulator' }),
  },
  { command: 'updateCluster', param: 'clustername', base: (c) => ({ id: c.cluster }) },
  {
    command: 'addHost',
    param: 'clustername',
    base: (c) => ({
      zoneid: c.zone,
      podid: c.pod,
      hypervisor: 'Simulator',
      username: 'root',
      password: 'password',
      url: 'http://sim/names/h1',
    }),
  },
  { command: 'updateHost', param: 'name', base: (c) => ({ id: c.host }) },
  {
    command: 'createStoragePool',
    param: 'name',
    base: (c) => ({ zoneid: c.zone, podid: c.pod, clusterid: c.cluster, url: 'nfs://10.0.0.6:/export/names' }),
  },
  { command: 'updateStoragePool', param: 'name', base: (c) => ({ id: c.storagePool }) },
  { command: 'addImageStore', param: 'name', base: (c) => ({ zoneid: c.zone, url: 'nfs://10.0.0.9/names' }) },
  { command: 'createDomain', param: 'name', base: () => ({}) },
  { command: 'updateDomain', param: 'name', base: (c) => ({ id: c.domain }) },
  ...(['username', 'firstname', 'lastname', 'account'] as const).map((param) => ({
    command: 'createAccount',
    param,
    base: () => ({ ...TENANT('names-account'), accounttype: '0' }),
  })),
  { command: 'updateAccount', param: 'newname', base: (c) => ({ id: String(c.account.id) }) },
  ...(['username', 'firstname', 'lastname'] as const).map((param) => ({
    command: 'createUser',
    param,
    base: (c: SmallCloud) => ({ ...TENANT('names-user'), account: 'small-user', domainid: c.domain }),
  })),
  ...(['username', 'firstname', 'lastname'] as const).map((param) => ({
    command: 'updateUser',
    param,
    base: (c: SmallCloud) => ({ id: String(c.account.user[0].id) }),
  })),
  {
    command: 'createServiceOffering',
    param: 'name',
    base: () => ({ cpunumber: '1', cpuspeed: '500', memory: '512' }),
  },
  { command: 'updateServiceOffering', param: 'name', base: (c) => ({ id: c.serviceOffering }) },
  { command: 'createDiskOffering', param: 'name', base: () => ({ disksize: '5' }) },
  { command: 'updateDiskOffering', param: 'name', base: (c) => ({ id: c.diskOffering }) },
  {
    command: 'createNetworkOffering',
    param: 'name',
    base: () => ({ guestiptype: 'Isolated', traffictype: 'Guest', supportedservices: 'Dhcp' }),
  },
  { command: 'updateNetworkOffering', param: 'name', base: (c) => ({ id: c.networkOffering }) },
  {
    command: 'registerTemplate',
    param: 'name',
    base: (c) => ({ url: 'http://203.0.113.10/t.qcow2', format: 'QCOW2', hypervisor: 'Simulator', zoneid: c.zone }),
  },
  { command: 'registerIso', param: 'name', base: (c) => ({ url: 'http://203.0.113.10/t.iso', zoneid: c.zone }) },
  { command: 'createRole', param: 'name', base: () => ({ type: 'User' }) },
  { command: 'updateRole', param: 'name', base: (c) => ({ id: c.role }) },
];

const NAMED_TABLES = [
  'zones',
  'physical_networks',
  'pods',
  'clusters',
  'hosts',
  'storage_pools',
  'image_stores',
  'domains',
  'accounts',
  'users',
  'roles',
  'service_offerings',
  'disk_offerings',
  'network_offerings',
  'templates',
] as const;

async function namedRows(tc: TestCore): Promise<string> {
  const db = tc.core.store.db;
  const rows = await Promise.all(NAMED_TABLES.map((t) => db.selectFrom(t).selectAll().orderBy('id').execute()));
  const events = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ rows, events: Number(events.n) }))
    .digest('hex');
}

describe.each(dialects())('one name rule (%s)', (dialect) => {
  let tc: TestCore;
  let cloud: SmallCloud;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    cloud = await buildSmallCloud(tc);
  });
  afterAll(async () => tc?.close());

  for (const { command, param, base } of NAMED_PARAMS) {
    it(`${command} refuses a bad ${param} with a clear 431 and changes nothing`, async () => {
      const before = await namedRows(tc);
      for (const bad of BAD_NAMES) {
        const r = await tc.settle(command, { ...base(cloud), [param]: bad.value });
        const what = `${command} ${param} ${bad.label}: ${JSON.stringify(r.data)}`;
        expect(r.status, what).toBe(431);
        expect(String(r.data.errortext), what).toMatch(bad.text);
        expect(String(r.data.errortext), what).not.toMatch(RAW_UNSAFE);
        // Keyed by the problem, whether the request parser (error.api.invalidName.*) or the service
        // (error.name.*) refused it, and the key renders the very errortext CloudStack clients read.
        // A too long tenancy name meets the string parameters' own length limit first (CloudStack's
        // "value greater than max allowed length", error.api.invalidValue.tooLong).
        const keys = [`error.api.invalidName.${bad.problem}`, `error.name.${bad.problem}`];
        if (bad.problem === 'tooLong') keys.push('error.api.invalidValue.tooLong');
        expect(keys, what).toContain(r.data.errorkey);
        const keyed = {
          key: r.data.errorkey as ServerMessageKey,
          params: r.data.errorparams as Record<string, string>,
        };
        expect(renderServerMessage(keyed), what).toBe(r.data.errortext);
      }
      expect(await namedRows(tc)).toBe(before);
    });
  }

  it('takes names in any script, with right-to-left marks', async () => {
    const name = 'منطقة\u200F 서울-1';
    const zone = ok(
      await tc.call('createZone', { name, networktype: 'Advanced', dns1: '8.8.8.8', internaldns1: '10.0.0.2' }),
    ).zone;
    expect(zone.name).toBe(name);
    expect(ok(await tc.call('updateZone', { id: zone.id, name: `${name}-b` })).zone.name).toBe(`${name}-b`);
    const pod = ok(await tc.call('updatePod', { id: cloud.pod, name: '파드 1' })).pod;
    expect(pod.name).toBe('파드 1');
  });
});
