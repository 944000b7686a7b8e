import { expect, snap, test } from './fixtures';
import { InfrastructurePage } from './pages/infrastructure-page';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';
import { ApiSession } from './support/api';

/**
 * Ctrl+K searches the cloud: a host found by its IP comes first and is put into maintenance from
 * the palette, a cluster is found by name and opened, and both show as recent items afterwards.
 */
test('command palette finds a host by IP, runs its action, opens a cluster, remembers both', async ({
  page,
  server,
}) => {
  const run = Date.now().toString(36);
  const names = { zone: `pal-zone-${run}`, pod: `pal-pod-${run}`, cluster: `pal-dc1-c03-${run}` };
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const host = await test.step('seed a small Simulator cloud', async () => {
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
      gateway: '172.31.0.1',
      netmask: '255.255.255.0',
      startip: '172.31.0.10',
      endip: '172.31.0.60',
    });
    const clusters = await api.call('addCluster', {
      zoneid: zone.id,
      podid: pod.id,
      clustername: names.cluster,
      hypervisor: 'Simulator',
      clustertype: 'CloudManaged',
    });
    const cluster = Array.isArray(clusters.cluster) ? clusters.cluster[0] : clusters.cluster;
    const hosts = await api.call('addHost', {
      zoneid: zone.id,
      podid: pod.id,
      clusterid: cluster.id,
      hypervisor: 'Simulator',
      url: `http://sim/${run}/h1`,
      username: 'root',
      password: 'password',
    });
    const added = Array.isArray(hosts.host) ? hosts.host[0] : hosts.host;
    return { name: added.name as string, ip: added.ipaddress as string };
  });

  const login = new LoginPage(page, server.url);
  const shell = new ShellPage(page);
  const infra = new InfrastructurePage(page);
  const palette = page.getByTestId('command-palette');
  const box = palette.getByRole('combobox');
  const options = palette.getByRole('option');

  await test.step('log in as admin', async () => {
    await login.goto();
    await login.login('admin', server.adminPassword);
    await shell.expectSignedIn('admin');
  });

  await test.step("type the host's IP: the host is the first result, its actions follow", async () => {
    await page.keyboard.press('Control+K');
    await expect(box).toBeFocused();
    await box.fill(host.ip);
    await expect(options.first()).toContainText(host.name);
    await expect(options.first()).toContainText('IP match');
    await expect(box).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id')) ?? '');
    const maintenance = options.filter({ hasText: `Prepare for maintenance: ${host.name}` });
    await expect(maintenance).toBeVisible();
    await snap(page, 'palette-01-host-by-ip');
  });

  await test.step('run maintenance from the palette and see the host reach Maintenance', async () => {
    const target = options.filter({ hasText: `Prepare for maintenance: ${host.name}` });
    const index = Number((await target.getAttribute('id'))?.replace('palette-option-', ''));
    for (let i = 0; i < index; i += 1) await box.press('ArrowDown');
    await expect(target).toHaveAttribute('aria-selected', 'true');
    await box.press('Enter');
    await expect(palette).toBeHidden();
    await infra.confirm('Prepare for maintenance', 'Prepare for maintenance');
    await infra.open('hosts');
    const row = await infra.search('hosts', host.name);
    await expect(infra.stateBadge(row, 'Maintenance')).toBeVisible({ timeout: 30_000 });
    await snap(page, 'palette-02-host-in-maintenance');
  });

  await test.step('open the host from the palette, so it becomes a recent item', async () => {
    await page.keyboard.press('Control+K');
    await box.fill(host.ip);
    await expect(options.first()).toContainText(host.name);
    await box.press('Enter');
    await expect(page).toHaveURL(/#\/hosts\?id=/);
  });

  await test.step('find the cluster by name and open it; it offers "Add host to"', async () => {
    await page.keyboard.press('Control+K');
    await box.fill(names.cluster);
    await expect(options.first()).toContainText(names.cluster);
    await expect(options.filter({ hasText: `Add host to ${names.cluster}` })).toBeVisible();
    await snap(page, 'palette-03-cluster-by-name');
    await box.press('Enter');
    await expect(page).toHaveURL(/#\/clusters\?id=/);
    await expect(page.getByTestId('cluster-drawer')).toContainText(names.cluster);
  });

  await test.step('Ctrl+K over the open drawer: the palette opens on top of it and takes the pointer', async () => {
    // The drawer's panel (its root is a zero-size wrapper).
    const drawer = page.getByTestId('cluster-drawer').locator('.mantine-Drawer-content');
    await expect(drawer).toBeVisible();
    await page.keyboard.press('Control+K');
    await expect(palette).toBeVisible();
    await expect(box).toBeFocused();
    // Where the palette and the drawer overlap, the topmost element belongs to the palette.
    const paletteBox = (await palette.boundingBox())!;
    const drawerBox = (await drawer.boundingBox())!;
    const left = Math.max(paletteBox.x, drawerBox.x);
    const right = Math.min(paletteBox.x + paletteBox.width, drawerBox.x + drawerBox.width);
    const top = Math.max(paletteBox.y, drawerBox.y);
    const bottom = Math.min(paletteBox.y + paletteBox.height, drawerBox.y + drawerBox.height);
    expect(right - left).toBeGreaterThan(20);
    expect(bottom - top).toBeGreaterThan(20);
    const onTop = await palette.evaluate(
      (el, p) => {
        const hit = el.ownerDocument.elementFromPoint(p.x, p.y);
        return hit !== null && el.contains(hit);
      },
      { x: (left + right) / 2, y: (top + bottom) / 2 },
    );
    expect(onTop).toBe(true);
    // Clicking the search box works (Playwright refuses when another element would take the click).
    await box.click();
    await box.fill(names.pod);
    await expect(options.first()).toContainText(names.pod);
    await snap(page, 'palette-03c-over-drawer');
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
  });

  await test.step('Tab on a result that is not the best shows its own actions, highlighted', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    // The zone, the pod and the cluster all match; the pod is not the best result.
    await box.fill(`pal-`);
    const pod = palette.locator('[role="option"][data-item^="kind-pod:"]');
    await expect(pod).toContainText(names.pod);
    await expect(options.first()).not.toHaveAttribute('data-item', /^kind-pod:/);
    const addCluster = options.filter({ hasText: `Add cluster to pod ${names.pod}` });
    await expect(addCluster).toHaveCount(0);
    const index = Number((await pod.getAttribute('id'))?.replace('palette-option-', ''));
    for (let i = 0; i < index; i += 1) await box.press('ArrowDown');
    await expect(pod).toHaveAttribute('aria-selected', 'true');
    await expect(pod).toContainText('Tab: actions');
    await box.press('Tab');
    await expect(addCluster).toHaveAttribute('aria-selected', 'true');
    await expect(box).toBeFocused();
    await snap(page, 'palette-03b-tab-actions');
  });

  await test.step('reopen the palette: both are recent, newest first', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    const recent = palette.getByRole('group', { name: 'Recent' }).getByRole('option');
    await expect(recent.nth(0)).toContainText(names.cluster);
    await expect(recent.nth(1)).toContainText(host.name);
    await snap(page, 'palette-04-recent');
  });

  await test.step('Korean and dark: the same search reads in Korean', async () => {
    await page.keyboard.press('Escape');
    await shell.switchLanguage('ko');
    await shell.toggleTheme();
    await page.keyboard.press('Control+K');
    await box.fill(host.ip);
    await expect(options.first()).toContainText(host.name);
    await expect(palette.getByRole('group', { name: '호스트' })).toBeVisible();
    await snap(page, 'palette-05-ko-dark');
    await box.fill('');
    await expect(palette.getByRole('group', { name: '최근 항목' })).toBeVisible();
    await snap(page, 'palette-06-ko-dark-recent');
    await page.keyboard.press('Escape');
    await shell.toggleTheme();
    await page.keyboard.press('Control+K');
    await box.fill(names.cluster);
    await expect(options.first()).toContainText(names.cluster);
    await snap(page, 'palette-07-ko-light-cluster');
    await page.keyboard.press('Escape');
    await shell.toggleTheme();
    await shell.switchLanguage('en');
    await page.keyboard.press('Control+K');
    await box.fill(names.cluster);
    await expect(options.first()).toContainText(names.cluster);
    await snap(page, 'palette-08-en-dark-cluster');
  });

  expect(errors).toEqual([]);
});
