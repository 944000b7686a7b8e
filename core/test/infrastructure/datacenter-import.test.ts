import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAdvancedConfigText } from '../fixtures/marvin/generate';
import { dialects, freshDatabase, startTestCore, type TestCore } from '../harness';

const REPO = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(REPO, 'core/test/fixtures/marvin');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/**
 * Submits importDataCenter and waits for the job (longer than the harness's 20 s for the big
 * imports); `progress` holds the jobprocstatus values seen while it ran.
 */
async function runImport(tc: TestCore, config: string, dryrun = false, timeoutMs = 120_000) {
  const submitted = await tc.call('importDataCenter', { config, dryrun: String(dryrun) });
  const progress: number[] = [];
  if (submitted.status !== 200) return { submitted, job: undefined as Record<string, any> | undefined, progress };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await tc.call('queryAsyncJobResult', { jobid: submitted.data.jobid });
    if (r.data.jobstatus !== 0) return { submitted, job: r.data, progress };
    progress.push(r.data.jobprocstatus as number);
    if (Date.now() > deadline) throw new Error('import did not finish');
    await new Promise((res) => setTimeout(res, 50));
  }
}

async function list(tc: TestCore, command: string, params: Record<string, string> = {}) {
  const r = await tc.call(command, { ...params, pagesize: '-1' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const key = Object.keys(r.data).find((k) => k !== 'count');
  return { count: (r.data.count as number | undefined) ?? 0, items: (key ? r.data[key] : []) as Record<string, any>[] };
}

async function setting(tc: TestCore, name: string) {
  const { items } = await list(tc, 'listConfigurations', { name });
  return items.find((c) => c.name === name)?.value as string | undefined;
}

/** Two pods whose ranges overlap: the second createPod fails. */
function overlappingPods(): string {
  const d = JSON.parse(
    fixture('advanced.cfg')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n'),
  );
  const zone = d.zones[0];
  const podB = {
    name: 'yard-adv-pod-b',
    gateway: '10.30.1.1',
    netmask: '255.255.255.0',
    startip: '10.30.1.100',
    endip: '10.30.1.150',
    clusters: [
      {
        clustername: 'yard-adv-b-c1',
        hypervisor: 'Simulator',
        hosts: [{ url: 'http://sim/yard-adv/b/h1', username: 'root', password: 'x' }],
      },
    ],
  };
  zone.pods.push(podB);
  return JSON.stringify(d);
}

describe.each(dialects())('datacenter import (%s)', (dialect) => {
  let tc: TestCore;
  beforeAll(async () => {
    tc = await startTestCore(dialect);
  });
  afterAll(async () => {
    await tc?.close();
  });

  it('imports a Basic zone with security groups', async () => {
    const { submitted, job } = await runImport(tc, fixture('basic.cfg'));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(job?.jobstatus, JSON.stringify(job)).toBe(1);
    const result = job?.jobresult.datacenterimport;
    expect(result.dryrun).toBe(false);
    expect(result.zones).toHaveLength(1);
    expect(result.zones[0].name).toBe('yard-basic');
    expect(result.created).toMatchObject({ zones: 1, pods: 1, clusters: 1, hosts: 2, storagepools: 1, imagestores: 1 });
    expect(result.calls).toBe(20);
    expect(result.warnings).toEqual([
      'globalConfig[1]: setting yard.not.a.setting is not known to this build; skipped',
    ]);
    const zoneid = result.zones[0].id as string;

    const zones = await list(tc, 'listZones', { id: zoneid });
    expect(zones.items[0]).toMatchObject({
      name: 'yard-basic',
      networktype: 'Basic',
      allocationstate: 'Enabled',
      securitygroupsenabled: true,
      dns1: '192.0.2.53',
    });
    const networks = await list(tc, 'listPhysicalNetworks', { zoneid });
    expect(networks.items.map((n) => [n.name, n.state])).toEqual([['yard-basic-pnet', 'Enabled']]);
    const providers = await list(tc, 'listNetworkServiceProviders', { physicalnetworkid: networks.items[0]!.id });
    const state = Object.fromEntries(providers.items.map((p) => [p.name, p.state]));
    expect(state).toMatchObject({ VirtualRouter: 'Enabled', SecurityGroupProvider: 'Enabled' });
    const pods = await list(tc, 'listPods', { zoneid });
    expect(pods.items.map((p) => p.name)).toEqual(['yard-basic-pod']);
    const ranges = await list(tc, 'listVlanIpRanges', { zoneid });
    expect(ranges.items).toHaveLength(1);
    expect(ranges.items[0]).toMatchObject({
      podid: pods.items[0]!.id,
      startip: '198.51.100.10',
      endip: '198.51.100.200',
      forvirtualnetwork: false,
    });
    expect((await list(tc, 'listClusters', { zoneid })).count).toBe(1);
    const hosts = await list(tc, 'listHosts', { zoneid });
    expect(hosts.count).toBe(2);
    expect(hosts.items.every((h) => h.hypervisor === 'Simulator')).toBe(true);
    expect((await list(tc, 'listStoragePools', { zoneid })).count).toBe(1);
    expect((await list(tc, 'listImageStores', { zoneid })).count).toBe(1);
    expect(await setting(tc, 'ping.interval')).toBe('30');

    const events = await list(tc, 'listEvents', { type: 'DATACENTER.IMPORT' });
    expect(events.count).toBe(1);
    expect(events.items[0]!.description).toMatch(/yard-basic.*2 hosts/);

    // The description (host passwords) does not stay in the job's stored parameters.
    const row = await tc.core.store.db
      .selectFrom('async_jobs')
      .select('params')
      .where('uuid', '=', submitted.data.jobid)
      .executeTakeFirstOrThrow();
    expect(row.params).not.toContain('s1mulated');
    expect(JSON.stringify(job)).not.toContain('s1mulated');
  }, 60_000);

  it('imports an Advanced zone: guest VLANs, public range, router providers, two clusters, zone-wide storage', async () => {
    const { job } = await runImport(tc, fixture('advanced.cfg'));
    expect(job?.jobstatus, JSON.stringify(job)).toBe(1);
    const result = job?.jobresult.datacenterimport;
    expect(result.created).toMatchObject({
      configurations: 1,
      zones: 1,
      physicalnetworks: 1,
      traffictypes: 3,
      networkserviceproviders: 3,
      pods: 1,
      vlanipranges: 1,
      clusters: 2,
      hosts: 3,
      storagepools: 3,
      imagestores: 1,
    });
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        'zones[0].vmwaredc: VMware datacenters are not supported by this build; ignored',
        'globalConfig[1]: setting yard.unknown.gc.wait is not known to this build; skipped',
      ]),
    );
    const zoneid = result.zones[0].id as string;
    const zone = (await list(tc, 'listZones', { id: zoneid })).items[0]!;
    expect(zone).toMatchObject({
      networktype: 'Advanced',
      allocationstate: 'Enabled',
      guestcidraddress: '10.31.0.0/16',
      domain: 'yard.example',
    });
    const network = (await list(tc, 'listPhysicalNetworks', { zoneid })).items[0]!;
    expect(network).toMatchObject({ name: 'yard-adv-pnet', state: 'Enabled', vlan: '2000-2099' });
    const traffic = await list(tc, 'listTrafficTypes', { physicalnetworkid: network.id });
    expect(traffic.items.map((t) => t.traffictype)).toEqual(expect.arrayContaining(['Guest', 'Management', 'Public']));
    const providers = await list(tc, 'listNetworkServiceProviders', { physicalnetworkid: network.id });
    const state = Object.fromEntries(providers.items.map((p) => [p.name, p.state]));
    expect(state).toMatchObject({ VirtualRouter: 'Enabled', VpcVirtualRouter: 'Enabled', InternalLbVm: 'Enabled' });
    const vr = providers.items.find((p) => p.name === 'VirtualRouter')!;
    const elements = await list(tc, 'listVirtualRouterElements', { nspid: vr.id });
    expect(elements.items[0]!.enabled).toBe(true);
    const ranges = await list(tc, 'listVlanIpRanges', { zoneid });
    expect(ranges.items).toHaveLength(1);
    expect(ranges.items[0]).toMatchObject({
      forvirtualnetwork: true,
      startip: '203.0.113.10',
      endip: '203.0.113.100',
      gateway: '203.0.113.1',
      physicalnetworkid: network.id,
    });
    expect(String(ranges.items[0]!.vlan)).toMatch(/300$/);
    const clusters = await list(tc, 'listClusters', { zoneid });
    expect(clusters.items.map((c) => c.name).sort()).toEqual(['yard-adv-c1', 'yard-adv-c2']);
    // Marvin relies on CloudStack creating pods and clusters Enabled: the import asks for it.
    expect(clusters.items.map((c) => c.allocationstate)).toEqual(['Enabled', 'Enabled']);
    expect((await list(tc, 'listPods', { zoneid })).items.map((p) => p.allocationstate)).toEqual(['Enabled']);
    expect((await list(tc, 'listHosts', { zoneid })).count).toBe(3);
    const pools = await list(tc, 'listStoragePools', { zoneid });
    expect(pools.count).toBe(3);
    expect(pools.items.find((p) => p.name === 'yard-adv-zone-ps')?.scope).toBe('ZONE');
    expect(pools.items.find((p) => p.name === 'yard-adv-c2-ps1')?.tags).toBe('fast');
    const stores = await list(tc, 'listImageStores', { zoneid });
    expect(stores.items.map((s) => s.name)).toEqual(['yard-adv-sec']);
    expect(await setting(tc, 'storage.overprovisioning.factor')).toMatch(/^3(\.0)?$/);
  }, 60_000);

  it('imports an Advanced zone with security groups, skipping its shared-network range with a warning', async () => {
    const config = {
      zones: [
        {
          name: 'yard-advsg',
          networktype: 'Advanced',
          securitygroupenabled: 'true',
          guestcidraddress: '10.41.0.0/16',
          dns1: '192.0.2.53',
          internaldns1: '10.40.0.53',
          physical_networks: [
            {
              name: 'yard-advsg-pnet',
              tags: ['yard-sg-pnet'],
              broadcastdomainrange: 'Zone',
              isolationmethods: ['VLAN'],
              traffictypes: [{ typ: 'Guest' }, { typ: 'Management', simulator: 'yard-sg-mgmt' }],
              providers: [{ name: 'VirtualRouter' }, { name: 'SecurityGroupProvider' }],
            },
          ],
          ipranges: [
            {
              gateway: '10.40.31.1',
              netmask: '255.255.255.0',
              startip: '10.40.31.150',
              endip: '10.40.31.159',
              vlan: '31',
            },
          ],
          pods: [
            {
              name: 'yard-advsg-pod',
              gateway: '10.40.29.1',
              netmask: '255.255.255.0',
              startip: '10.40.29.150',
              endip: '10.40.29.159',
              clusters: [
                {
                  clustername: 'yard-advsg-c1',
                  hypervisor: 'Simulator',
                  clustertype: 'CloudManaged',
                  hosts: [{ url: 'http://sim/yard-advsg/h1', username: 'root', password: 'pw' }],
                  primaryStorages: [{ name: 'yard-advsg-ps', url: 'nfs://10.40.9.5:/export/advsg/primary' }],
                },
              ],
            },
          ],
          secondaryStorages: [{ url: 'nfs://10.40.9.5:/export/advsg/secondary', provider: 'NFS' }],
        },
      ],
    };
    const { job } = await runImport(tc, JSON.stringify(config));
    expect(job?.jobstatus, JSON.stringify(job)).toBe(1);
    const result = job?.jobresult.datacenterimport;
    expect(result.warnings).toEqual([
      'zones[0].ipranges[0]: the shared security-group network of an Advanced zone is not created by this build; range ignored',
    ]);
    const zoneid = result.zones[0].id as string;
    expect((await list(tc, 'listZones', { id: zoneid })).items[0]).toMatchObject({
      securitygroupsenabled: true,
      allocationstate: 'Enabled',
    });
    const network = (await list(tc, 'listPhysicalNetworks', { zoneid })).items[0]!;
    expect(network).toMatchObject({ state: 'Enabled', tags: 'yard-sg-pnet' });
    const providers = await list(tc, 'listNetworkServiceProviders', { physicalnetworkid: network.id });
    expect(providers.items.find((p) => p.name === 'SecurityGroupProvider')?.state).toBe('Enabled');
    expect((await list(tc, 'listVlanIpRanges', { zoneid })).count).toBe(0);
    expect((await list(tc, 'listHosts', { zoneid })).count).toBe(1);
  }, 60_000);

  it('a dry run lists the plan with secrets masked and changes nothing', async () => {
    const fresh = await startTestCore(dialect);
    try {
      const before = await setting(fresh, 'ping.interval');
      const { job } = await runImport(fresh, fixture('basic.cfg'), true);
      expect(job?.jobstatus, JSON.stringify(job)).toBe(1);
      const result = job?.jobresult.datacenterimport;
      expect(result.dryrun).toBe(true);
      expect(result.zones).toEqual([{ name: 'yard-basic' }]);
      expect(result.calls).toBe(20);
      expect(result.plan).toHaveLength(20);
      expect(result.created).toMatchObject({ zones: 1, hosts: 2 });
      const host = result.plan.find((s: any) => s.command === 'addHost');
      expect(host.params).toMatchObject({
        password: '******',
        url: 'http://sim/yard-basic/c1/h1',
        clusterid: '{{zones[0].pods[0].clusters[0]}}',
      });
      expect(JSON.stringify(job)).not.toContain('s1mulated');
      expect(result.warnings).toContain(
        'globalConfig[1]: setting yard.not.a.setting is not known to this build; skipped',
      );
      expect((await list(fresh, 'listZones')).count).toBe(0);
      expect(await setting(fresh, 'ping.interval')).toBe(before);
      expect((await list(fresh, 'listEvents', { type: 'DATACENTER.IMPORT' })).count).toBe(0);
      expect(await fresh.core.store.db.selectFrom('zones').select('id').execute()).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('rejects an invalid description at once, naming the JSON path', async () => {
    const d = JSON.parse(fixture('basic.cfg').replace(/^\s*#.*$/gm, ''));
    delete d.zones[0].pods[0].clusters[0].hosts[1].url;
    const r = await tc.call('importDataCenter', { config: JSON.stringify(d) });
    expect(r.status).toBe(431);
    expect(r.data.errortext).toBe(
      'Invalid datacenter description: zones[0].pods[0].clusters[0].hosts[1].url is required',
    );
    expect(r.data).toMatchObject({
      errorkey: 'error.datacenterImport.invalidConfig',
      errorparams: { problems: 'zones[0].pods[0].clusters[0].hosts[1].url is required' },
    });
    const notJson = await tc.call('importDataCenter', { config: '# header\n{ "zones": [' });
    expect(notJson.status).toBe(431);
    expect(notJson.data.errortext).toMatch(/not valid JSON/);
    const missing = await tc.call('importDataCenter', {});
    expect(missing.status).toBe(431);
  });

  it('is for root admins only', async () => {
    await tc.call('createAccount', {
      username: 'dc-user',
      password: 'Passw0rd-dc-user',
      email: 'u@example.com',
      firstname: 'u',
      lastname: 'u',
      accounttype: '0',
    });
    const user = await tc.callerFor('dc-user');
    const r = await tc.call('importDataCenter', { config: fixture('basic.cfg') }, user);
    expect(r.status).toBe(432);
  });

  it('stops at a failing step, names it, and runs nothing after it', async () => {
    const fresh = await startTestCore(dialect);
    try {
      const { job } = await runImport(fresh, overlappingPods());
      expect(job?.jobstatus).toBe(2);
      const text = job?.jobresult.errortext as string;
      expect(text).toMatch(
        /^Datacenter import failed at step \d+ of \d+: Create pod yard-adv-pod-b in zone yard-advanced \(zones\[0\]\.pods\[1\]\): /,
      );
      expect(text).toMatch(/earlier steps created was kept; nothing after this step was run/);
      expect(job?.jobresultcode).toBe(431);
      const zone = (await list(fresh, 'listZones')).items[0]!;
      // Not enabled: updateZone comes after the failing step.
      expect(zone.allocationstate).toBe('Disabled');
      expect((await list(fresh, 'listPods')).items.map((p) => p.name)).toEqual(['yard-adv-pod']);
      expect((await list(fresh, 'listClusters')).items.map((c) => c.name).sort()).toEqual([
        'yard-adv-c1',
        'yard-adv-c2',
      ]);
      expect((await list(fresh, 'listHosts')).count).toBe(3);
      // The public range, secondary and zone-wide storage come after the pods.
      expect((await list(fresh, 'listVlanIpRanges')).count).toBe(0);
      expect((await list(fresh, 'listImageStores')).count).toBe(0);
      expect((await list(fresh, 'listStoragePools')).items.map((p) => p.name).sort()).toEqual([
        'yard-adv-c1-ps1',
        'yard-adv-c2-ps1',
      ]);
      expect((await list(fresh, 'listEvents', { type: 'DATACENTER.IMPORT' })).count).toBe(0);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('imports a generated 1,000-host description (50 clusters x 20 hosts)', async () => {
    const fresh = await startTestCore(dialect);
    try {
      const text = generateAdvancedConfigText({ clusters: 50, hostsPerCluster: 20, poolsPerCluster: 2 });
      const started = Date.now();
      const { job, progress } = await runImport(fresh, text, false, 180_000);
      const seconds = (Date.now() - started) / 1000;
      console.log(`[datacenter-import] ${dialect}: 1,000 hosts imported in ${seconds.toFixed(1)} s`);
      expect(job?.jobstatus, JSON.stringify(job?.jobresult)).toBe(1);
      const result = job?.jobresult.datacenterimport;
      expect(result.created).toMatchObject({ zones: 1, pods: 1, clusters: 50, hosts: 1000, storagepools: 100 });
      const zoneid = result.zones[0].id as string;
      expect((await list(fresh, 'listZones', { id: zoneid })).items[0]!.allocationstate).toBe('Enabled');
      expect((await list(fresh, 'listPods', { zoneid })).count).toBe(1);
      expect((await list(fresh, 'listClusters', { zoneid })).count).toBe(50);
      expect((await fresh.call('listHosts', { zoneid, page: '1', pagesize: '500' })).data.count).toBe(1000);
      expect((await list(fresh, 'listStoragePools', { zoneid })).count).toBe(100);
      expect((await list(fresh, 'listImageStores', { zoneid })).count).toBe(1);
      expect(await setting(fresh, 'ping.interval')).toBe('10');
      // Timers and other calls get their turn while the import runs: progress was seen in between.
      expect(
        progress.some((p) => p > 0 && p < 100),
        `progress seen: ${progress.join(',')}`,
      ).toBe(true);
    } finally {
      await fresh.close();
    }
  }, 240_000);

  it('`deploy-dc` imports a file on a data directory, printing progress', async () => {
    const db = await freshDatabase(dialect);
    try {
      const dbArgs = db.config.kind === 'postgres' ? ['--database', db.config.url] : [];
      const run = (args: string[]) =>
        new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
          const child = spawn(
            path.join(REPO, 'node_modules/.bin/tsx'),
            [path.join(REPO, 'core/src/server/cli.ts'), 'deploy-dc', ...args],
            {
              cwd: REPO,
              env: { ...process.env, STACKYARD_ADMIN_PASSWORD: 'Deploy-dc-test-1' },
              stdio: ['ignore', 'pipe', 'pipe'],
            },
          );
          let out = '';
          let err = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
          child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
          child.once('exit', (code) => resolve({ code, out, err }));
        });

      const dry = await run([path.join(FIXTURES, 'advanced.cfg'), '--data-dir', db.dataDir, '--dry-run', ...dbArgs]);
      expect(dry.code, dry.out + dry.err).toBe(0);
      expect(dry.out).toMatch(/Dry run: the description is valid; \d+ API calls would create/);
      expect(dry.out).toContain('password=******');

      const done = await run([path.join(FIXTURES, 'advanced.cfg'), '--data-dir', db.dataDir, ...dbArgs]);
      expect(done.code, done.out + done.err).toBe(0);
      expect(done.out).toMatch(/\[\s*\d+%\] Step 1 of \d+: Set global setting storage\.overprovisioning\.factor/);
      expect(done.out).toMatch(/zone yard-advanced: [0-9a-f-]{36}/);
      expect(done.out).toMatch(/Done in [\d.]+ s: \d+ API calls created .*3 hosts/);
      expect(done.out).toContain('warning: globalConfig[1]: setting yard.unknown.gc.wait is not known');

      // Again on the same data: the zone exists, so the import fails at its first step and exits 1.
      const again = await run([path.join(FIXTURES, 'advanced.cfg'), '--data-dir', db.dataDir, ...dbArgs]);
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/error: Datacenter import failed at step 2 of \d+: Create Advanced zone yard-advanced/);

      const missing = await run([path.join(os.tmpdir(), 'no-such-file.cfg'), '--data-dir', db.dataDir, ...dbArgs]);
      expect(missing.code).toBe(1);
      const usage = await run([]);
      expect(usage.code).toBe(2);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
