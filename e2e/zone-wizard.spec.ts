import { expect, snap, test } from './fixtures';
import { ZoneWizardPage } from './pages/zone-wizard-page';
import { ApiSession } from './support/api';

/**
 * The zone wizard end to end against the real core: an advanced and a basic zone through every
 * step with Simulator hosts, a server-side failure the client cannot foresee (secondary storage
 * already used by another zone) fixed and resumed without leftovers, and "Discard what was
 * created" leaving nothing behind.
 */

const run = Date.now().toString(36);

interface Listed {
  id: string;
  name: string;
  allocationstate?: string;
  state?: string;
}

async function list(api: ApiSession, command: string, name: string, params: Record<string, string>) {
  const answer = await api.call<Record<string, unknown>>(command, params);
  return (answer[name] as Listed[] | undefined) ?? [];
}

/** Everything of the physical model inside a zone, for "nothing left over" checks. */
async function contents(api: ApiSession, zoneid: string) {
  const of = (command: string, name: string) => list(api, command, name, { zoneid }).then((x) => x.length);
  return {
    physicalnetworks: await of('listPhysicalNetworks', 'physicalnetwork'),
    pods: await of('listPods', 'pod'),
    vlans: await of('listVlanIpRanges', 'vlan'),
    clusters: await of('listClusters', 'cluster'),
    hosts: await of('listHosts', 'host'),
    storagepools: await of('listStoragePools', 'storagepool'),
    imagestores: await of('listImageStores', 'imagestore'),
  };
}

test.beforeEach(async ({ app, server }) => {
  await app.login.goto();
  await app.login.login('admin', server.adminPassword);
  await app.shell.expectSignedIn('admin');
});

test('advanced zone through every step with a Simulator host, applied call by call', async ({ page, server }) => {
  const wizard = new ZoneWizardPage(page, server.url);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const zoneName = `e2e-adv-${run}`;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await wizard.open();
  await test.step('zone type', async () => {
    await expect(wizard.step('type')).toHaveAttribute('aria-current', 'step');
    await wizard.chooseType('Advanced');
    await snap(page, 'zone-wizard-adv-01-type');
    await wizard.next('zone');
  });

  await test.step('zone details, validated as typed', async () => {
    const f = wizard.form('zone');
    await wizard.field(f, 'DNS 1').fill('8.8.8');
    await expect(f.getByText('Enter an IPv4 address such as 192.168.1.1')).toBeVisible();
    await wizard.field(f, 'Guest CIDR').fill('10.1.1.9/24');
    await expect(f.getByText('Use the network address: 10.1.1.0/24')).toBeVisible();
    await snap(page, 'zone-wizard-adv-02-zone-errors');
    await wizard.fillZone({
      name: zoneName,
      dns1: '8.8.8.8',
      dns2: '8.8.4.4',
      internaldns1: '10.147.28.6',
      guestcidr: '10.1.1.0/24',
      networkdomain: 'adv.e2e.local',
    });
    await expect(f.getByText('Enter an IPv4 address such as 192.168.1.1')).toBeHidden();
    await expect(wizard.summary).toContainText(zoneName);
    await snap(page, 'zone-wizard-adv-03-zone');
    await wizard.next('network');
  });

  await test.step('physical network, traffic types and guest VLAN range', async () => {
    const f = wizard.form('network');
    await wizard.field(f, 'Guest VLAN range').fill('100-4095');
    await expect(f.getByText('"100-4095": VLANs are 1-4094')).toBeVisible();
    await wizard.fillNetwork({ name: `pn-${run}`, guestVlan: '100-199', guestKvmLabel: 'cloudbr1' });
    await expect(f.getByText('100 VLANs for guest networks')).toBeVisible();
    await snap(page, 'zone-wizard-adv-04-network');
    await wizard.next('pod');
  });

  await test.step('pod with its reserved system range', async () => {
    await wizard.fillPod(`pod-${run}`, {
      gateway: '172.16.15.1',
      netmask: '255.255.255.0',
      startip: '172.16.15.2',
      endip: '172.16.15.200',
    });
    await expect(wizard.form('pod').getByTestId('range-info')).toHaveText('Subnet 172.16.15.0/24 · 199 addresses');
    await snap(page, 'zone-wizard-adv-05-pod');
    await wizard.next('ranges');
  });

  await test.step('public IP range: VLAN checked against the guest range', async () => {
    const range = wizard.form('ranges').getByTestId('public-range').first();
    await wizard.fillRange(range, {
      gateway: '192.168.2.1',
      netmask: '255.255.255.0',
      vlan: '150',
      startip: '192.168.2.10',
      endip: '192.168.2.100',
    });
    await expect(range.getByText('VLAN 150 is inside the guest VLAN range')).toBeVisible();
    await wizard.field(range, 'VLAN').fill('50');
    await expect(range.getByText('VLAN 150 is inside the guest VLAN range')).toBeHidden();
    await snap(page, 'zone-wizard-adv-06-public-ranges');
    await wizard.next('cluster');
  });

  await test.step('cluster, host, storage', async () => {
    await wizard.fillCluster(`cluster-${run}`);
    await snap(page, 'zone-wizard-adv-07-cluster');
    await wizard.next('host');
    await wizard.fillHosts([{ url: `http://sim/${run}/adv/h0`, password: 'Sim-pass-1', tags: 'e2e' }]);
    await snap(page, 'zone-wizard-adv-08-host');
    await wizard.next('primary');
    await wizard.fillPrimary({ name: `primary-${run}`, url: `nfs://10.0.0.1/${run}/adv/primary` });
    await snap(page, 'zone-wizard-adv-09-primary');
    await wizard.next('secondary');
    await wizard.fillSecondary({ name: `secondary-${run}`, url: `nfs://10.0.0.1/${run}/adv/secondary` });
    await snap(page, 'zone-wizard-adv-10-secondary');
    await wizard.next('review');
  });

  await test.step('review lists the exact calls, password masked', async () => {
    expect(await wizard.commands()).toEqual([
      'createZone',
      'createPhysicalNetwork',
      'addTrafficType',
      'addTrafficType',
      'addTrafficType',
      'updatePhysicalNetwork',
      'listNetworkServiceProviders',
      'listVirtualRouterElements',
      'configureVirtualRouterElement',
      'updateNetworkServiceProvider',
      'createPod',
      'createVlanIpRange',
      'addCluster',
      'addHost',
      'createStoragePool',
      'addImageStore',
    ]);
    await expect(wizard.call('addHost')).toContainText('password=••••••••');
    await expect(wizard.call('addHost')).not.toContainText('Sim-pass-1');
    await expect(wizard.call('createPod')).toContainText('zoneid=‹zone id›');
    await expect(wizard.call('updatePhysicalNetwork')).toContainText('vlan=100-199');
    await expect(wizard.call('createVlanIpRange')).toContainText('vlan=vlan://50');
    await snap(page, 'zone-wizard-adv-11-review');
  });

  await test.step('apply: every call done, the zone Disabled (its pod and cluster Enabled); enable it at the end', async () => {
    await wizard.applyAndFinish();
    await expect(wizard.step('review')).toHaveAttribute('data-status', 'created');
    // References now show the ids the calls produced.
    await expect(wizard.call('createPod')).not.toContainText('‹zone id›');
    const finished = page.getByTestId('wizard-finished');
    await expect(finished).toContainText(`Zone ${zoneName} is created and Disabled`);
    await snap(page, 'zone-wizard-adv-12-done-disabled');
    const zones = await list(api, 'listZones', 'zone', { name: zoneName });
    expect(zones).toHaveLength(1);
    expect(zones[0]!.allocationstate).toBe('Disabled');
    const zoneid = zones[0]!.id;
    expect((await list(api, 'listPods', 'pod', { zoneid })).map((p) => p.allocationstate)).toEqual(['Enabled']);
    expect((await list(api, 'listClusters', 'cluster', { zoneid })).map((c) => c.allocationstate)).toEqual(['Enabled']);
    await wizard.enableZone(zoneName);
    await snap(page, 'zone-wizard-adv-13-enabled');
    expect((await list(api, 'listZones', 'zone', { id: zoneid }))[0]!.allocationstate).toBe('Enabled');
    expect(await contents(api, zones[0]!.id)).toEqual({
      physicalnetworks: 1,
      pods: 1,
      vlans: 1,
      clusters: 1,
      hosts: 1,
      storagepools: 1,
      imagestores: 1,
    });
    await page.getByRole('button', { name: 'Open the zone' }).click();
    await expect(page).toHaveURL(new RegExp(`#/zones\\?id=${zones[0]!.id}`));
  });
  expect(errors).toEqual([]);
});

test('basic zone through every step with security groups and a guest IP range', async ({ page, server, app }) => {
  const wizard = new ZoneWizardPage(page, server.url);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const zoneName = `e2e-basic-${run}`;

  await wizard.open();
  await wizard.chooseType('Basic');
  await expect(wizard.step('ranges')).toContainText('Guest IP range');
  await wizard.next('zone');
  await wizard.fillZone({ name: zoneName, dns1: '8.8.8.8', internaldns1: '10.147.28.6' });
  await expect(wizard.field(wizard.form('zone'), 'Guest CIDR')).toHaveCount(0);
  await expect(wizard.form('zone').getByLabel('Security groups')).toBeChecked();
  await snap(page, 'zone-wizard-basic-01-zone');
  await wizard.next('network');
  await wizard.fillNetwork({ name: `pn-basic-${run}` });
  await expect(wizard.form('network').getByTestId('traffic-table')).not.toContainText('Public');
  await snap(page, 'zone-wizard-basic-02-network');
  await wizard.next('pod');
  await wizard.fillPod(`pod-basic-${run}`, {
    gateway: '172.16.16.1',
    netmask: '255.255.255.0',
    startip: '172.16.16.2',
    endip: '172.16.16.50',
  });
  await wizard.next('ranges');
  await test.step('guest range may not overlap the pod range', async () => {
    const f = wizard.form('ranges');
    await wizard.fillRange(f, {
      gateway: '172.16.16.1',
      netmask: '255.255.255.0',
      startip: '172.16.16.40',
      endip: '172.16.16.200',
    });
    await expect(f.getByText('Overlaps the range 172.16.16.2-172.16.16.50')).toBeVisible();
    await expect(f.getByText('The gateway lies inside', { exact: false })).toBeHidden();
    await snap(page, 'zone-wizard-basic-03-guest-range-error');
    await wizard.field(f, 'Start IP').fill('172.16.16.100');
    await expect(f.getByText('Overlaps the range 172.16.16.2-172.16.16.50')).toBeHidden();
    await snap(page, 'zone-wizard-basic-04-guest-range');
    await wizard.next('cluster');
  });
  await wizard.fillCluster(`cluster-basic-${run}`);
  await wizard.next('host');
  await wizard.fillHosts([
    { url: `http://sim/${run}/basic/h0`, password: 'Sim-pass-1' },
    { url: `http://sim/${run}/basic/h1`, password: 'Sim-pass-1' },
  ]);
  await wizard.next('primary');
  await wizard.fillPrimary({ name: `primary-basic-${run}`, url: `nfs://10.0.0.1/${run}/basic/primary`, scope: 'Zone' });
  await wizard.next('secondary');
  await wizard.fillSecondary({ url: `nfs://10.0.0.1/${run}/basic/secondary` });
  await wizard.next('review');

  const commands = await wizard.commands();
  expect(commands.filter((c) => c === 'updateNetworkServiceProvider')).toHaveLength(2);
  await expect(wizard.call('listNetworkServiceProviders', 1)).toContainText('name=SecurityGroupProvider');
  await expect(wizard.call('createVlanIpRange')).toContainText('forvirtualnetwork=false');
  await expect(wizard.call('createVlanIpRange')).toContainText('podid=‹pod id›');
  await expect(wizard.call('createStoragePool')).toContainText('scope=zone');
  await snap(page, 'zone-wizard-basic-05-review');

  await wizard.applyAndFinish();
  await snap(page, 'zone-wizard-basic-06-done');
  await app.shell.switchLanguage('ko');
  await expect(page.getByRole('heading', { name: 'Zone 추가' })).toBeVisible();
  await expect(wizard.step('ranges')).toContainText('게스트 IP 범위');
  await expect(page.getByTestId('wizard-finished')).toContainText(`Zone ${zoneName}을(를) 활성화할까요?`);
  await snap(page, 'zone-wizard-basic-07-done-ko');
  await wizard.goTo('network');
  await snap(page, 'zone-wizard-basic-08-network-ko');
  await app.shell.switchLanguage('en');
  await wizard.goTo('review');
  await wizard.enableZone(zoneName);
  const zones = await list(api, 'listZones', 'zone', { name: zoneName });
  expect(zones).toHaveLength(1);
  expect(zones[0]).toMatchObject({ allocationstate: 'Enabled', networktype: 'Basic', securitygroupsenabled: true });
  expect(await contents(api, zones[0]!.id)).toEqual({
    physicalnetworks: 1,
    pods: 1,
    vlans: 1,
    clusters: 1,
    hosts: 2,
    storagepools: 1,
    imagestores: 1,
  });
});

test.describe('failures', () => {
  let api: ApiSession;
  let seedZone: string;
  let seedStore: string;
  const takenUrl = `nfs://10.0.0.9/${run}/taken/secondary`;

  test.beforeAll(async ({ server }) => {
    // Another zone already uses a secondary storage URL: only the core can know.
    api = await ApiSession.login(server.url, 'admin', server.adminPassword);
    const zone = await api.call<{ zone: Listed }>('createZone', {
      name: `e2e-seed-${run}`,
      networktype: 'Basic',
      dns1: '8.8.8.8',
      internaldns1: '10.147.28.6',
    });
    seedZone = zone.zone.id;
    const store = await api.call<{ imagestore: Listed }>('addImageStore', {
      zoneid: seedZone,
      name: `seed-store-${run}`,
      provider: 'NFS',
      url: takenUrl,
    });
    seedStore = store.imagestore.id;
  });

  test.afterAll(async () => {
    await api.call('deleteImageStore', { id: seedStore });
    await api.call('deleteZone', { id: seedZone });
  });

  test('a call the core refuses stops the apply; fix the step, resume, nothing left over', async ({ page, server }) => {
    const wizard = new ZoneWizardPage(page, server.url);
    const zoneName = `e2e-resume-${run}`;

    await test.step('fill everything from the lab preset', async () => {
      await wizard.open('?preset=lab');
      await expect(wizard.form('review')).toBeVisible();
      await expect(page).toHaveURL(/#\/zones\/new$/);
      await snap(page, 'zone-wizard-resume-01-preset');
      const f = await wizard.goTo('zone');
      await wizard.field(f, 'Name').fill(zoneName);
      await wizard.goTo('secondary');
      await wizard.fillSecondary({ url: takenUrl });
      await wizard.goTo('review');
    });

    await test.step('apply stops at addImageStore with the core’s error', async () => {
      await wizard.applyButton.click();
      const failed = page.getByTestId('wizard-failed');
      await expect(failed).toBeVisible({ timeout: 60_000 });
      await expect(failed).toContainText('addImageStore failed');
      await expect(failed).toContainText(`already uses ${takenUrl}`);
      await expect(wizard.call('addImageStore')).toHaveAttribute('data-state', 'failed');
      expect((await wizard.states()).filter((s) => s === 'done')).toHaveLength(16);
      await expect(wizard.step('secondary')).toHaveAttribute('data-status', 'failed');
      await expect(wizard.step('host')).toHaveAttribute('data-status', 'created');
      await snap(page, 'zone-wizard-resume-02-failed');
    });

    await test.step('navigating away and back keeps the progress', async () => {
      await page.goto(`${server.url}/#/events`);
      await expect(page.getByRole('heading', { name: 'Add zone' })).toBeHidden();
      await page.goto(`${server.url}/#/zones/new`);
      await expect(wizard.call('addImageStore')).toHaveAttribute('data-state', 'failed');
    });

    await test.step('fix in Secondary storage, created steps are locked', async () => {
      await page.getByTestId('wizard-failed').getByRole('button', { name: 'Fix in Secondary storage' }).click();
      await expect(wizard.form('secondary')).toBeVisible();
      await wizard.fillSecondary({ url: `nfs://10.0.0.9/${run}/fresh/secondary` });
      await snap(page, 'zone-wizard-resume-03-fix');
      const hosts = await wizard.goTo('host');
      await expect(wizard.field(hosts.getByTestId('host-item').first(), 'Host URL')).toHaveAttribute('readonly', '');
      await snap(page, 'zone-wizard-resume-04-locked');
      await wizard.goTo('review');
      await expect(wizard.applyButton).toHaveText('Resume from call 17');
    });

    await test.step('resume from the failed call and finish', async () => {
      await wizard.applyAndFinish();
      await wizard.enableZone(zoneName);
      await snap(page, 'zone-wizard-resume-05-done');
    });

    await test.step('exactly one zone, nothing duplicated or orphaned', async () => {
      const zones = await list(api, 'listZones', 'zone', { name: zoneName });
      expect(zones).toHaveLength(1);
      expect(zones[0]!.allocationstate).toBe('Enabled');
      const zoneid = zones[0]!.id;
      expect(await contents(api, zoneid)).toEqual({
        physicalnetworks: 1,
        pods: 1,
        vlans: 1,
        clusters: 1,
        hosts: 2,
        storagepools: 1,
        imagestores: 1,
      });
      // The hosts exist once in the whole cloud, not also in a half-made zone.
      for (const host of await list(api, 'listHosts', 'host', { zoneid })) {
        expect(await list(api, 'listHosts', 'host', { name: host.name })).toHaveLength(1);
      }
      // The seeded store still holds its URL; the new zone got the fixed one.
      const stores = await list(api, 'listImageStores', 'imagestore', { zoneid });
      expect((stores[0] as unknown as { url: string }).url).toBe(`nfs://10.0.0.9/${run}/fresh/secondary`);
    });
  });

  test('"Discard what was created" deletes it all in reverse order', async ({ page, server }) => {
    const wizard = new ZoneWizardPage(page, server.url);
    const zoneName = `e2e-discard-${run}`;
    await wizard.open('?preset=lab');
    await expect(wizard.form('review')).toBeVisible();
    await wizard.field(await wizard.goTo('zone'), 'Name').fill(zoneName);
    await wizard.goTo('secondary');
    await wizard.fillSecondary({ url: takenUrl });
    await wizard.goTo('review');
    await wizard.applyButton.click();
    await expect(page.getByTestId('wizard-failed')).toBeVisible({ timeout: 60_000 });

    const zones = await list(api, 'listZones', 'zone', { name: zoneName });
    expect(zones).toHaveLength(1);
    const zoneid = zones[0]!.id;
    const hostNames = (await list(api, 'listHosts', 'host', { zoneid })).map((h) => h.name);
    expect(hostNames).toHaveLength(2);

    await page.getByTestId('discard-created').click();
    const dialog = page.getByRole('dialog', { name: 'Discard what was created?' });
    await expect(dialog).toContainText('8 resources');
    await snap(page, 'zone-wizard-discard-01-confirm');
    await dialog.getByRole('button', { name: 'Discard what was created' }).click();
    await expect(page.getByText('Everything the wizard created was deleted')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('discard-created')).toBeHidden();
    // Back to "nothing applied": the draft is kept for another try.
    await expect(wizard.applyButton).toHaveText('Create zone');
    await expect(wizard.call('createZone')).toHaveAttribute('data-state', 'pending');
    await snap(page, 'zone-wizard-discard-02-done');

    expect(await list(api, 'listZones', 'zone', { name: zoneName })).toHaveLength(0);
    for (const name of hostNames) expect(await list(api, 'listHosts', 'host', { name })).toHaveLength(0);
    const leftovers = await list(api, 'listPhysicalNetworks', 'physicalnetwork', {}).then((nets) =>
      nets.filter((n) => (n as unknown as { zoneid: string }).zoneid === zoneid),
    );
    expect(leftovers).toHaveLength(0);
  });
});
