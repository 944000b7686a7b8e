/**
 * Acceptance: an ordinary CloudStack API client, written here from the CloudStack docs and
 * independent of the core's own signing code, drives a real server over HTTP.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server/cli';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from './harness';

/** CloudMonkey-style signing: sorted lowercased keys, quote_plus-like encoding, '+' as %20, lowercased. */
function cloudMonkeySign(params: Record<string, string>, secret: string): string {
  const encode = (v: string) =>
    encodeURIComponent(v)
      .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/~/g, '%7E');
  const query = Object.keys(params)
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
    .map((k) => `${k.toLowerCase()}=${encode(params[k] as string)}`)
    .join('&')
    .toLowerCase();
  return crypto.createHmac('sha1', secret).update(query).digest('base64');
}

class Client {
  sessionKey?: string;
  cookies: string[] = [];
  keys?: { apikey: string; secretkey: string };
  constructor(private readonly base: string) {}

  async login(username: string, password: string, domain = '/') {
    const r = await this.post({ command: 'login', username, password, domain, response: 'json' });
    if (r.status === 200) this.sessionKey = r.json.loginresponse.sessionkey;
    return r;
  }

  async post(params: Record<string, string>) {
    const res = await fetch(`${this.base}/client/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookies.join('; ') },
      body: new URLSearchParams(params),
    });
    const setCookie = res.headers.getSetCookie();
    if (setCookie.length) this.cookies = setCookie.map((c) => c.split(';')[0] as string);
    return {
      status: res.status,
      json: (await res.json()) as Record<string, any>,
      contentType: res.headers.get('content-type'),
    };
  }

  /** A session call, as the CloudStack UI makes them. */
  session(command: string, params: Record<string, string> = {}) {
    return this.post({ ...params, command, response: 'json', sessionkey: this.sessionKey ?? '' });
  }

  /** A signed GET, as scripts and CloudMonkey make them. */
  async signed(command: string, params: Record<string, string> = {}, tweak?: (p: Record<string, string>) => void) {
    if (!this.keys) throw new Error('no keys');
    const p: Record<string, string> = { ...params, command, response: 'json', apikey: this.keys.apikey };
    tweak?.(p);
    p.signature = cloudMonkeySign(p, this.keys.secretkey);
    const res = await fetch(`${this.base}/client/api?${new URLSearchParams(p)}`);
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  async waitForJob(jobid: string) {
    for (let i = 0; i < 500; i++) {
      const r = await this.signed('queryAsyncJobResult', { jobid });
      const body = r.json.queryasyncjobresultresponse;
      if (body.jobstatus !== 0) return body;
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error('job did not finish');
  }
}

const expiresIn = (seconds: number) =>
  new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

describe.each(dialects())('a CloudStack client against serve (%s)', (dialect) => {
  let tc: TestCore;
  let server: { url: string; close(): Promise<void> };
  let client: Client;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    server = await startServer({ core: tc.core, host: '127.0.0.1', port: 0 });
    client = new Client(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await tc?.close();
  });

  const countAccounts = async () =>
    Number(
      (
        await tc.core.store.db
          .selectFrom('accounts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('logs in and registers keys', async () => {
    const login = await client.login('admin', ADMIN_PASSWORD);
    expect(login.status).toBe(200);
    expect(login.contentType).toMatch(/^application\/json/);
    expect(login.json.loginresponse).toMatchObject({ username: 'admin', account: 'admin', type: '1' });
    const me = login.json.loginresponse.userid as string;
    const keys = await client.session('registerUserKeys', { id: me });
    expect(keys.status).toBe(200);
    client.keys = keys.json.registeruserkeysresponse.userkeys;
    expect(client.keys?.apikey).toBeTruthy();
    expect(client.keys?.secretkey).toBeTruthy();
  });

  it('makes signed calls, including signatureVersion 3', async () => {
    const apis = await client.signed('listApis');
    expect(apis.status).toBe(200);
    const names = (apis.json.listapisresponse.api as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['login', 'createAccount', 'deleteAccount', 'queryAsyncJobResult']));
    const v3 = await client.signed('listUsers', { listall: 'true' }, (p) => {
      p.signatureversion = '3';
      p.expires = expiresIn(60);
    });
    expect(v3.status).toBe(200);
    expect(v3.json.listusersresponse.count).toBeGreaterThanOrEqual(1);
  });

  it('runs the account commands and polls an async delete', async () => {
    const domains = await client.signed('listDomains', { listall: 'true' });
    const root = domains.json.listdomainsresponse.domain.find((d: any) => d.name === 'ROOT');
    const created = await client.signed('createAccount', {
      username: 'alice',
      password: 'alice-pass-1',
      firstname: 'Alice',
      lastname: 'Kim',
      email: 'alice@example.test',
      accounttype: '0',
      domainid: root.id,
    });
    expect(created.status).toBe(200);
    const account = created.json.createaccountresponse.account;
    expect(account).toMatchObject({ name: 'alice', accounttype: 0, domainid: root.id, state: 'enabled' });
    const listed = await client.signed('listAccounts', { name: 'alice', listall: 'true' });
    expect(listed.json.listaccountsresponse.account[0].id).toBe(account.id);

    const del = await client.signed('deleteAccount', { id: account.id });
    expect(del.status).toBe(200);
    const job = await client.waitForJob(del.json.deleteaccountresponse.jobid);
    expect(job.jobstatus).toBe(1);
    expect(job.jobresult).toMatchObject({ success: true });
    const after = await client.signed('listAccounts', { name: 'alice', listall: 'true' });
    expect(after.json.listaccountsresponse).toEqual({});
  });

  it.each([
    [
      'a bad signature',
      async () =>
        client
          .signed('listUsers', {}, (p) => (p.listall = 'true'))
          .then(async () => {
            const p = {
              command: 'createDomain',
              name: 'evil',
              response: 'json',
              apikey: client.keys!.apikey,
              signature: 'AAAA',
            };
            const res = await fetch(`${server.url}/client/api?${new URLSearchParams(p)}`);
            return { status: res.status, json: (await res.json()) as any };
          }),
      401,
    ],
    [
      'an expired request',
      async () =>
        client.signed('createDomain', { name: 'late' }, (p) => {
          p.signatureversion = '3';
          p.expires = expiresIn(-60);
        }),
      401,
    ],
    ['a missing parameter', async () => client.signed('createAccount', { username: 'nobody' }), 431],
    ['an unknown id', async () => client.signed('deleteAccount', { id: crypto.randomUUID() }), 431],
    ['an unknown command', async () => client.signed('frobnicateEverything'), 432],
  ])('is refused on %s with a CloudStack error and nothing changed', async (_what, call, status) => {
    const before = await countAccounts();
    const domainsBefore = await tc.core.store.db.selectFrom('domains').select('id').execute();
    const r = await call();
    expect(r.status).toBe(status);
    const body = Object.values(r.json)[0] as Record<string, unknown>;
    expect(body).toMatchObject({ errorcode: status });
    expect(typeof body.errortext).toBe('string');
    expect(typeof body.cserrorcode === 'number' || status === 401).toBe(true);
    expect(await countAccounts()).toBe(before);
    expect((await tc.core.store.db.selectFrom('domains').select('id').execute()).length).toBe(domainsBefore.length);
  });

  it('builds an advanced zone with Simulator hosts through the documented call sequence, and queries it', async () => {
    const call = async (command: string, params: Record<string, string> = {}) => {
      const r = await client.signed(command, params);
      const body = r.json[`${command.toLowerCase()}response`];
      if (r.status !== 200) throw new Error(`${command}: ${JSON.stringify(r.json)}`);
      if (body.jobid === undefined || command === 'queryAsyncJobResult') return body;
      const job = await client.waitForJob(body.jobid);
      if (job.jobstatus !== 1) throw new Error(`${command} job: ${JSON.stringify(job.jobresult)}`);
      return job.jobresult;
    };
    const zone = (
      await call('createZone', {
        name: 'cmk-adv',
        networktype: 'Advanced',
        dns1: '8.8.8.8',
        internaldns1: '10.147.28.6',
        guestcidraddress: '10.1.1.0/24',
      })
    ).zone;
    const network = (
      await call('createPhysicalNetwork', { zoneid: zone.id, name: 'cmk-pnet', isolationmethods: 'VLAN' })
    ).physicalnetwork;
    for (const traffictype of ['Guest', 'Management', 'Public']) {
      await call('addTrafficType', { physicalnetworkid: network.id, traffictype });
    }
    await call('updatePhysicalNetwork', { id: network.id, vlan: '100-200', state: 'Enabled' });
    const vr = (await call('listNetworkServiceProviders', { physicalnetworkid: network.id, name: 'VirtualRouter' }))
      .networkserviceprovider[0];
    const element = (await call('listVirtualRouterElements', { nspid: vr.id })).virtualrouterelement[0];
    await call('configureVirtualRouterElement', { id: element.id, enabled: 'true' });
    await call('updateNetworkServiceProvider', { id: vr.id, state: 'Enabled' });
    const pod = (
      await call('createPod', {
        zoneid: zone.id,
        name: 'cmk-pod',
        gateway: '172.16.15.1',
        netmask: '255.255.255.0',
        startip: '172.16.15.2',
        endip: '172.16.15.200',
      })
    ).pod;
    await call('createVlanIpRange', {
      zoneid: zone.id,
      vlan: '50',
      gateway: '192.168.2.1',
      netmask: '255.255.255.0',
      startip: '192.168.2.2',
      endip: '192.168.2.200',
      forvirtualnetwork: 'true',
    });
    const cluster = (
      await call('addCluster', {
        zoneid: zone.id,
        podid: pod.id,
        clustername: 'cmk-c0',
        hypervisor: 'Simulator',
        clustertype: 'CloudManaged',
      })
    ).cluster[0];
    for (const h of ['h0', 'h1']) {
      await call('addHost', {
        zoneid: zone.id,
        podid: pod.id,
        clusterid: cluster.id,
        hypervisor: 'Simulator',
        url: `http://sim/c0/${h}`,
        username: 'root',
        password: 'password',
      });
    }
    await call('createStoragePool', {
      zoneid: zone.id,
      podid: pod.id,
      clusterid: cluster.id,
      name: 'cmk-ps0',
      url: 'nfs://10.147.28.6:/export/home/sandbox/primary0',
    });
    await call('addImageStore', {
      zoneid: zone.id,
      name: 'cmk-sec',
      provider: 'NFS',
      url: 'nfs://10.147.28.6:/export/home/sandbox/secondary',
    });
    await call('updateZone', { id: zone.id, allocationstate: 'Enabled' });

    expect((await call('listZones', { id: zone.id })).zone[0]).toMatchObject({
      name: 'cmk-adv',
      allocationstate: 'Enabled',
    });
    const hosts = (await call('listHosts', { zoneid: zone.id })).host;
    expect(hosts.map((h: any) => h.state)).toEqual(['Up', 'Up']);
    expect(hosts[0]).toMatchObject({
      hypervisor: 'Simulator',
      clustername: 'cmk-c0',
      podname: 'cmk-pod',
      zonename: 'cmk-adv',
    });
    expect((await call('listStoragePools', { zoneid: zone.id })).storagepool[0]).toMatchObject({
      state: 'Up',
      type: 'NetworkFilesystem',
    });
    expect((await call('listImageStores', { zoneid: zone.id })).imagestore[0].protocol).toBe('nfs');
    expect((await call('listVlanIpRanges', { zoneid: zone.id })).vlan[0]).toMatchObject({ startip: '192.168.2.2' });
    const capacity = (await call('listCapacity', { zoneid: zone.id })).capacity as any[];
    const memory = capacity.find((c) => c.name === 'MEMORY');
    expect(memory.capacitytotal).toBe(hosts.reduce((n: number, h: any) => n + h.memorytotal, 0));
    const infra = (await call('listInfrastructure')).infrastructure;
    expect(infra).toMatchObject({ zones: 1, pods: 1, clusters: 1, hosts: 2, storagepools: 1, imagestores: 1 });
  });

  it('is refused on a call above its role', async () => {
    const created = await client.signed('createAccount', {
      username: 'bob',
      password: 'bob-pass-1',
      firstname: 'Bob',
      lastname: 'Lee',
      email: 'bob@example.test',
      accounttype: '0',
    });
    expect(created.status).toBe(200);
    const bob = new Client(server.url);
    expect((await bob.login('bob', 'bob-pass-1')).status).toBe(200);
    const before = await countAccounts();
    const r = await bob.session('createAccount', {
      username: 'mallory',
      password: 'x-pass-123',
      firstname: 'M',
      lastname: 'X',
      email: 'm@example.test',
      accounttype: '1',
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(600);
    expect(Object.values(r.json)[0]).toMatchObject({ errorcode: r.status });
    expect(await countAccounts()).toBe(before);
    const configs = await bob.session('listConfigurations');
    expect(configs.status).toBe(432);
  });
});
