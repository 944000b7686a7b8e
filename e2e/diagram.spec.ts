import { expect, snap, test } from './fixtures';
import { DiagramPage } from './pages/diagram-page';
import { ApiSession } from './support/api';

interface Seeded {
  zone: { id: string; name: string };
  pod: { id: string; name: string };
  cluster: { id: string; name: string };
  hosts: { id: string; name: string }[];
  pool: { id: string; name: string };
  store: { id: string; name: string };
}

/** Answers synchronously, or with a job id: then waits for the job (either way the object). */
async function callOrRun(api: ApiSession, command: string, params: Record<string, string>) {
  const answer = await api.call(command, params);
  if (typeof answer.jobid !== 'string') return answer;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await api.call('queryAsyncJobResult', { jobid: answer.jobid });
    if (job.jobstatus === 1) return job.jobresult as Record<string, any>;
    if (job.jobstatus === 2) throw new Error(`${command} failed: ${job.jobresult?.errortext}`);
    if (Date.now() > deadline) throw new Error(`${command} did not finish`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const one = (answer: Record<string, any>, name: string) =>
  (Array.isArray(answer[name]) ? answer[name][0] : answer[name]) as { id: string; name: string };

/** A zone with one pod, one Simulator cluster of two hosts, a cluster pool and an image store. */
async function seed(api: ApiSession, run: string): Promise<Seeded> {
  const zone = one(
    await callOrRun(api, 'createZone', {
      name: `e2e-diagram-${run}`,
      networktype: 'Advanced',
      dns1: '192.0.2.53',
      internaldns1: '10.0.0.2',
    }),
    'zone',
  );
  const pod = one(
    await callOrRun(api, 'createPod', {
      zoneid: zone.id,
      name: `pod-${run}`,
      gateway: '10.31.0.1',
      netmask: '255.255.255.0',
      startip: '10.31.0.10',
      endip: '10.31.0.60',
    }),
    'pod',
  );
  const cluster = one(
    await callOrRun(api, 'addCluster', {
      zoneid: zone.id,
      podid: pod.id,
      clustername: `cluster-${run}`,
      clustertype: 'CloudManaged',
      hypervisor: 'Simulator',
    }),
    'cluster',
  );
  const hosts = [];
  for (const h of ['h0', 'h1']) {
    hosts.push(
      one(
        await callOrRun(api, 'addHost', {
          zoneid: zone.id,
          podid: pod.id,
          clusterid: cluster.id,
          url: `http://sim/${run}/c0/${h}`,
          username: 'root',
          password: 'password',
          hypervisor: 'Simulator',
        }),
        'host',
      ),
    );
  }
  const pool = one(
    await callOrRun(api, 'createStoragePool', {
      zoneid: zone.id,
      podid: pod.id,
      clusterid: cluster.id,
      name: `primary-${run}`,
      url: 'nfs://10.0.0.1/x',
      scope: 'cluster',
      hypervisor: 'Simulator',
    }),
    'storagepool',
  );
  const store = one(
    await callOrRun(api, 'addImageStore', {
      name: `secondary-${run}`,
      url: 'nfs://10.0.0.1/sec',
      provider: 'NFS',
      zoneid: zone.id,
    }),
    'imagestore',
  );
  return { zone, pod, cluster, hosts, pool, store };
}

/**
 * The infrastructure diagram against a seeded zone: the nodes, a host's details, zoom, search, a
 * cluster summarised and expanded, then a host that stops answering turns amber and red live.
 */
test('the diagram draws a zone, opens details, zooms, expands clusters and follows a host going down', async ({
  page,
  app,
  server,
}) => {
  test.setTimeout(300_000);
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const seeded = await seed(api, run);
  const [h0, h1] = seeded.hosts as [{ id: string; name: string }, { id: string; name: string }];
  const diagram = new DiagramPage(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await test.step('log in and open the diagram from the rail', async () => {
    await app.login.goto();
    await app.login.login('admin', server.adminPassword);
    await app.shell.expectSignedIn('admin');
    await page.getByTestId('nav-diagram').click();
    await expect(page).toHaveURL(/#\/infrastructure/);
    await expect(diagram.canvas).toHaveAttribute('data-ready', 'true');
    // Other specs' zones share the canvas: fitted that far out, a zone's name is in its band.
    await expect(diagram.band('zone', seeded.zone.name)).toBeVisible();
    await snap(page, 'diagram-01-all-zones');
  });

  await test.step('filter to the seeded zone: zone, pod, cluster, hosts and storage are drawn', async () => {
    await page.getByTestId('diagram-zone-filter').click();
    await page.getByRole('option', { name: seeded.zone.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`zoneid=${seeded.zone.id}`));
    await expect(diagram.canvas).toHaveAttribute('data-ready', 'true');
    // Fitted to this zone, not left at the zoom of all zones.
    await diagram.expectFitted();
    await expect(diagram.node('zone', seeded.zone.name)).toBeVisible();
    await expect(diagram.node('pod', seeded.pod.name)).toBeVisible();
    await expect(diagram.node('cluster', seeded.cluster.name)).toBeVisible();
    await expect(diagram.host(h0.name)).toBeVisible();
    await expect(diagram.host(h1.name)).toBeVisible();
    await expect(diagram.node('storagepool', seeded.pool.name)).toBeVisible();
    await expect(diagram.node('imagestore', seeded.store.name)).toBeVisible();
    await expect(diagram.host(h0.name)).toHaveAttribute('data-color', 'green');
    await expect(diagram.legend).toContainText('Alert / Disconnected');
    await expect(page.getByTestId('diagram-summary')).toContainText('Hosts 2');
    await snap(page, 'diagram-02-zone');
  });

  await test.step('click a host: the details panel shows its state and links to its page', async () => {
    await diagram.host(h0.name).click();
    await expect(diagram.details).toBeVisible();
    await expect(diagram.details.getByRole('heading', { name: h0.name })).toBeVisible();
    await expect(diagram.details.getByTestId('details-state')).toContainText('Up');
    await expect(diagram.details.getByTestId('details-link')).toHaveAttribute('href', `#/hosts?id=${h0.id}`);
    await expect(diagram.details).toContainText(seeded.cluster.name);
    await expect(diagram.host(h0.name)).toHaveAttribute('data-selected', 'true');
    await snap(page, 'diagram-03-host-details');
    await page.keyboard.press('Escape');
    await expect(diagram.details).toBeHidden();
  });

  await test.step('zoom in and out with the controls, fit again', async () => {
    await diagram.control('Fit to screen');
    const start = await diagram.zoom();
    await diagram.control('Zoom in');
    await expect.poll(() => diagram.zoom()).toBeGreaterThan(start);
    const zoomed = await diagram.zoom();
    await snap(page, 'diagram-04-zoomed-in');
    await diagram.control('Zoom out');
    await diagram.control('Zoom out');
    await expect.poll(() => diagram.zoom()).toBeLessThan(zoomed);
    await diagram.control('Fit to screen');
    await expect.poll(() => diagram.zoom()).toBeCloseTo(start, 2);
    // Zoom in goes past the fit (capped at 1) up to 2.
    const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
    for (let i = 0; i < 10 && (await zoomIn.isEnabled()); i++) {
      await zoomIn.click();
      await page.waitForTimeout(250);
    }
    await expect.poll(() => diagram.zoom()).toBeCloseTo(2, 1);
    await expect(zoomIn).toBeDisabled();
    await diagram.control('Fit to screen');
    await expect.poll(() => diagram.zoom()).toBeCloseTo(start, 2);
  });

  await test.step('find a host by name: it is centred and selected', async () => {
    await diagram.find(h1.name);
    await expect(diagram.host(h1.name)).toHaveAttribute('data-selected', 'true');
    await expect(diagram.details.getByRole('heading', { name: h1.name })).toBeVisible();
    await expect.poll(() => diagram.zoom()).toBeGreaterThanOrEqual(1);
    await expect(diagram.host(h1.name)).toBeInViewport();
    await snap(page, 'diagram-05-found');
    await diagram.details.getByRole('button', { name: 'Close' }).click();
    await expect(diagram.details).toBeHidden();
  });

  await test.step('above hostlimit clusters are summaries; the operator expands and collapses one', async () => {
    await diagram.open({ zoneid: seeded.zone.id, hostlimit: '1' });
    await expect(page.getByTestId('diagram-aggregated')).toBeVisible();
    const cluster = diagram.node('cluster', seeded.cluster.name);
    await expect(cluster).toContainText('Hosts: 2');
    await expect(cluster.getByTestId('cluster-state-bar')).toHaveAttribute('aria-label', 'Up 2');
    await expect(page.getByTestId('diagram-node-host')).toHaveCount(0);
    // The cluster's pool is summarised in the cluster node until the cluster is expanded.
    await expect(diagram.node('storagepool', seeded.pool.name)).toHaveCount(0);
    await snap(page, 'diagram-06-aggregated');
    await cluster.getByRole('button', { name: 'Show hosts' }).click();
    await expect(diagram.host(h0.name)).toBeVisible();
    await expect(diagram.node('storagepool', seeded.pool.name)).toBeVisible();
    await expect(diagram.host(h1.name)).toBeVisible();
    // The newly shown hosts are brought into view.
    await expect(diagram.host(h1.name)).toBeInViewport();
    await snap(page, 'diagram-07-expanded');
    await cluster.getByRole('button', { name: 'Hide hosts' }).click();
    await expect(page.getByTestId('diagram-node-host')).toHaveCount(0);
    await diagram.open({ zoneid: seeded.zone.id });
    await expect(diagram.host(h0.name)).toBeVisible();
  });

  const setting = await api.call('listConfigurations', { name: 'ping.interval' });
  const previousInterval = String(
    (setting.configuration as { name: string; value: string }[] | undefined)?.find((c) => c.name === 'ping.interval')
      ?.value ?? '60',
  );
  let mockId: string | undefined;
  try {
    await test.step('the host stops answering: its node turns amber, then red, without a reload', async () => {
      await page.evaluate(() => {
        (globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true;
      });
      await diagram.host(h0.name).click();
      await expect(diagram.details.getByTestId('details-state')).toContainText('Up');
      await api.call('updateConfiguration', { name: 'ping.interval', value: '1' });
      const mock = await api.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', hostid: h0.id });
      mockId = (mock.simulatormock as { id: string }).id;
      // Heartbeats run every ping.interval seconds (the change applies from the next round); a host
      // silent for ping.interval * ping.timeout becomes Disconnected, then Alert, then Down.
      await expect(diagram.host(h0.name)).toHaveAttribute('data-color', /yellow|red/, { timeout: 150_000 });
      await snap(page, 'diagram-08-host-silent');
      await expect(diagram.host(h0.name)).toHaveAttribute('data-color', 'red', { timeout: 60_000 });
      await expect(diagram.host(h0.name)).toHaveAttribute('data-state', 'down');
      await expect(diagram.details.getByTestId('details-state')).toContainText('Down');
      await expect(diagram.host(h1.name)).toHaveAttribute('data-color', 'green');
      // The cluster's stacked state bar follows too.
      await expect(diagram.node('cluster', seeded.cluster.name).getByTestId('cluster-state-bar')).toHaveAttribute(
        'aria-label',
        /Down 1/,
      );
      expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
        true,
      );
      await snap(page, 'diagram-09-host-down');
    });
  } finally {
    if (mockId) await api.call('cleanupSimulatorMock', { id: mockId }).catch(() => undefined);
    await api.call('updateConfiguration', { name: 'ping.interval', value: previousInterval }).catch(() => undefined);
  }

  await test.step('Korean and dark: the same diagram reads in Korean', async () => {
    await app.shell.switchLanguage('ko');
    await expect(page.getByRole('heading', { name: '인프라 구성도' })).toBeVisible();
    await app.shell.toggleTheme();
    await snap(page, 'diagram-10-ko-dark');
    await app.shell.toggleTheme();
    await app.shell.switchLanguage('en');
  });

  expect(errors).toEqual([]);
});
