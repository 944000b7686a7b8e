import { expect, snap, test } from './fixtures';
import { InfrastructurePage } from './pages/infrastructure-page';
import { LoginPage } from './pages/login-page';
import { ApiSession } from './support/api';

/**
 * The physical model's lists and details: a small Simulator cloud seeded over HTTP (nothing is
 * contacted: Simulator hosts and nfs:// URLs stay on paper), then a host through maintenance and
 * back, the zone's pod in its detail, a cluster disabled and enabled, and each list and detail.
 */
test('operator works the infrastructure lists: host maintenance, zone detail, cluster enable/disable', async ({
  page,
  server,
}) => {
  const run = Date.now().toString(36);
  const names = {
    zone: `e2e-zone-${run}`,
    pod: `e2e-pod-${run}`,
    cluster: `e2e-cluster-${run}`,
    pool: `e2e-pool-${run}`,
    store: `e2e-sec-${run}`,
  };
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const hostName = await test.step('seed a zone, pod, cluster, host and storage over the API', async () => {
    const { zone } = await api.call('createZone', {
      name: names.zone,
      networktype: 'Advanced',
      dns1: '8.8.8.8',
      internaldns1: '10.0.0.2',
      guestcidraddress: '10.1.0.0/16',
    });
    const { pod } = await api.call('createPod', {
      zoneid: zone.id,
      name: names.pod,
      gateway: '172.16.0.1',
      netmask: '255.255.255.0',
      startip: '172.16.0.10',
      endip: '172.16.0.60',
    });
    const clusters = await api.call('addCluster', {
      zoneid: zone.id,
      podid: pod.id,
      clustername: names.cluster,
      hypervisor: 'Simulator',
      clustertype: 'CloudManaged',
      allocationstate: 'Enabled',
    });
    const cluster = Array.isArray(clusters.cluster) ? clusters.cluster[0] : clusters.cluster;
    const hosts = await api.call('addHost', {
      zoneid: zone.id,
      podid: pod.id,
      clusterid: cluster.id,
      hypervisor: 'Simulator',
      url: `http://sim/${run}/h0`,
      username: 'root',
      password: 'password',
      hosttags: 'e2e',
    });
    const host = Array.isArray(hosts.host) ? hosts.host[0] : hosts.host;
    await api.call('createStoragePool', {
      zoneid: zone.id,
      podid: pod.id,
      clusterid: cluster.id,
      name: names.pool,
      scope: 'cluster',
      url: `nfs://10.0.0.1/export/${run}`,
      tags: 'e2e',
    });
    await api.call('addImageStore', {
      zoneid: zone.id,
      name: names.store,
      url: 'nfs://10.0.0.1/export/sec',
      provider: 'NFS',
    });
    return host.name as string;
  });

  const infra = new InfrastructurePage(page);
  const login = new LoginPage(page, server.url);

  await test.step('log in as admin', async () => {
    await login.goto();
    await login.login('admin', server.adminPassword);
    await expect(page.getByTestId('user-menu')).toContainText('admin');
  });

  await test.step('find the host, put it into maintenance and watch it reach Maintenance', async () => {
    await infra.open('hosts');
    const row = await infra.search('hosts', hostName);
    await expect(infra.stateBadge(row, 'Up')).toBeVisible({ timeout: 30_000 });
    await expect(infra.stateBadge(row, 'Enabled')).toBeVisible();
    await snap(page, 'infra-01-hosts');
    await page.getByRole('button', { name: 'Add host' }).click();
    const addHost = page.getByRole('dialog', { name: 'Add host' });
    await expect(addHost.getByLabel(/^Host URL/)).toBeVisible();
    await snap(page, 'infra-01b-add-host');
    await page.keyboard.press('Escape');
    await expect(addHost).toBeHidden();
    await infra.rowAction('hosts', hostName, 'Prepare for maintenance');
    await infra.confirm('Prepare for maintenance', 'Prepare for maintenance');
    await expect(infra.stateBadge(row, 'Maintenance')).toBeVisible({ timeout: 30_000 });
    await snap(page, 'infra-02-host-maintenance');
  });

  await test.step('the host detail offers cancel maintenance and delete; cancel it', async () => {
    const drawer = await infra.openDetail('hosts', hostName, 'host-drawer');
    const actions = drawer.getByTestId('detail-actions');
    await expect(actions.getByRole('button', { name: 'Cancel maintenance' })).toBeEnabled();
    await expect(actions.getByRole('button', { name: 'Delete' })).toBeEnabled();
    await expect(actions.getByRole('button', { name: 'Prepare for maintenance' })).toHaveCount(0);
    await expect(drawer.getByTestId('host-fields')).toContainText(names.cluster);
    await snap(page, 'infra-03-host-detail');
    await drawer.getByRole('tab', { name: 'Capacity and tags' }).click();
    await expect(drawer.getByTestId('host-capacity')).toContainText('e2e');
    await snap(page, 'infra-04-host-capacity');
    await actions.getByRole('button', { name: 'Cancel maintenance' }).click();
    await expect(actions.getByRole('button', { name: 'Prepare for maintenance' })).toBeVisible({ timeout: 30_000 });
    await expect(drawer.locator('[data-state="enabled"]').first()).toBeVisible();
    await drawer.getByRole('tab', { name: 'Events' }).click();
    await expect(drawer.getByTestId('resource-events')).toContainText('MAINT');
    await snap(page, 'infra-05-host-events');
    await infra.closeDetail(drawer);
    await expect(infra.stateBadge(infra.row('hosts', hostName), 'Enabled')).toBeVisible();
  });

  await test.step('open the zone detail and see its pod', async () => {
    await infra.open('zones');
    await infra.search('zones', names.zone);
    await snap(page, 'infra-06-zones');
    const drawer = await infra.openDetail('zones', names.zone, 'zone-drawer');
    await snap(page, 'infra-07-zone-detail');
    await drawer.getByRole('tab', { name: /Pods/ }).click();
    await expect(drawer.getByTestId('zone-pods')).toContainText(names.pod);
    await snap(page, 'infra-08-zone-pods');
    await drawer.getByRole('tab', { name: /IP ranges/ }).click();
    await snap(page, 'infra-09-zone-ranges');
    await drawer.getByRole('tab', { name: /Physical networks/ }).click();
    await snap(page, 'infra-10-zone-networks');
    await infra.closeDetail(drawer);
  });

  await test.step('the pod list, the add-pod form checking IPs as typed, and the detail', async () => {
    await infra.open('pods');
    await infra.search('pods', names.pod);
    await snap(page, 'infra-11-pods');
    await page.getByRole('button', { name: 'Add pod' }).click();
    const form = page.getByRole('dialog', { name: 'Add pod' });
    await form.getByLabel(/^Gateway/).fill('172.16.1.1');
    await form.getByLabel(/^Netmask/).fill('255.255.255.0');
    await form.getByLabel(/^Start IP/).fill('172.16.2.10');
    await expect(form.getByText('Outside the gateway’s network')).toBeVisible();
    await snap(page, 'infra-11b-add-pod-invalid');
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();
    const drawer = await infra.openDetail('pods', names.pod, 'pod-drawer');
    await drawer.getByRole('tab', { name: /Related/ }).click();
    await expect(drawer.getByTestId('pod-clusters')).toContainText(names.cluster);
    await snap(page, 'infra-12-pod-detail');
    await infra.closeDetail(drawer);
  });

  await test.step('disable and enable the cluster', async () => {
    await infra.open('clusters');
    const row = await infra.search('clusters', names.cluster);
    await expect(infra.stateBadge(row, 'Enabled')).toBeVisible();
    await infra.rowAction('clusters', names.cluster, 'Disable');
    await infra.confirm('Disable cluster', 'Disable');
    await expect(infra.stateBadge(row, 'Disabled')).toBeVisible();
    await snap(page, 'infra-13-cluster-disabled');
    await infra.rowAction('clusters', names.cluster, 'Enable');
    await expect(infra.stateBadge(row, 'Enabled')).toBeVisible();
    const drawer = await infra.openDetail('clusters', names.cluster, 'cluster-drawer');
    await drawer.getByRole('tab', { name: /Related/ }).click();
    await expect(drawer.getByTestId('cluster-hosts')).toContainText(hostName);
    await expect(drawer.getByTestId('cluster-pools')).toContainText(names.pool);
    await snap(page, 'infra-14-cluster-detail');
    await infra.closeDetail(drawer);
  });

  await test.step('primary and secondary storage lists and details', async () => {
    await infra.open('primaryStorage');
    await infra.search('primaryStorage', names.pool);
    await snap(page, 'infra-15-primary-storage');
    const pool = await infra.openDetail('primaryStorage', names.pool, 'pool-drawer');
    await expect(pool.getByTestId('detail-actions').getByRole('button', { name: 'Delete' })).toBeDisabled();
    await snap(page, 'infra-16-primary-storage-detail');
    await infra.closeDetail(pool);

    await infra.open('secondaryStorage');
    await infra.search('secondaryStorage', names.store);
    await snap(page, 'infra-17-secondary-storage');
    const store = await infra.openDetail('secondaryStorage', names.store, 'image-store-drawer');
    await expect(store).toContainText('nfs://10.0.0.1/export/sec');
    await snap(page, 'infra-18-secondary-storage-detail');
    await infra.closeDetail(store);
  });

  await test.step('the hosts list in Korean', async () => {
    await infra.open('hosts');
    await infra.search('hosts', hostName);
    await page.getByTestId('language-menu').click();
    await page.getByTestId('language-ko').click();
    await expect(page.getByRole('heading', { name: '호스트' })).toBeVisible();
    await snap(page, 'infra-19-hosts-korean');
    await page.getByTestId('language-menu').click();
    await page.getByTestId('language-en').click();
    await expect(page.getByRole('heading', { name: 'Hosts' })).toBeVisible();
  });

  expect(errors).toEqual([]);
});
