import { expect, snap, test } from './fixtures';
import { ApiSession } from './support/api';

/** A small Advanced zone: one pod, one cluster of three Simulator hosts, NFS storage (never contacted). */
function marvinConfig(run: string, zone: string): string {
  const config = {
    zones: [
      {
        name: zone,
        networktype: 'Advanced',
        guestcidraddress: '10.78.0.0/16',
        dns1: '192.0.2.53',
        internaldns1: '10.79.0.53',
        physical_networks: [
          {
            name: `pnet-${run}`,
            broadcastdomainrange: 'Zone',
            vlan: '3200-3249',
            isolationmethods: ['VLAN'],
            traffictypes: [{ typ: 'Guest' }, { typ: 'Management' }, { typ: 'Public' }],
            providers: [{ name: 'VirtualRouter', broadcastdomainrange: 'ZONE' }],
          },
        ],
        pods: [
          {
            name: `pod-${run}`,
            gateway: '10.79.1.1',
            netmask: '255.255.255.0',
            startip: '10.79.1.10',
            endip: '10.79.1.90',
            clusters: [
              {
                clustername: `cluster-${run}`,
                hypervisor: 'Simulator',
                hosts: ['h0', 'h1', 'h2'].map((h) => ({
                  url: `http://sim/${run}/${h}`,
                  username: 'root',
                  password: 'x',
                })),
                primaryStorages: [{ name: `ps-${run}`, url: `nfs://10.0.0.1/rec-${run}` }],
              },
            ],
          },
        ],
        secondaryStorages: [{ url: `nfs://10.0.0.1/rec2-${run}`, provider: 'NFS', name: `sec-${run}` }],
      },
    ],
  };
  return JSON.stringify(config);
}

/** Imports the description with the Simulator refusing its second host: the import stops there. */
async function stoppedImport(api: ApiSession, run: string, zone: string): Promise<void> {
  await api.call('configureSimulator', { name: 'ReadyCommand', value: 'result:fail', nth: '2', count: '1' });
  await expect(api.run('importDataCenter', { config: marvinConfig(run, zone) })).rejects.toThrow(
    /Datacenter import failed at step \d+ of \d+: Add host/,
  );
}

async function zoneCount(api: ApiSession, zone: string): Promise<number> {
  return ((await api.call('listZones', { name: zone })).count as number | undefined) ?? 0;
}

/**
 * An import that stopped before the end shows on the dashboard with how far it got; the operator
 * resumes it, or removes what it created after a confirmation that says what will be deleted.
 */
test('the dashboard offers to resume a stopped import or remove what it created', async ({ page, app, server }) => {
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const resumeZone = `e2e-resume-${run}`;
  const removeZone = `e2e-remove-${run}`;
  await stoppedImport(api, `${run}a`, resumeZone);

  await test.step('the stopped import shows with its zone, progress and both choices', async () => {
    await app.login.goto();
    await app.login.login('admin', server.adminPassword);
    await app.shell.expectSignedIn('admin');
    const card = page.getByTestId('unfinished-import').filter({ hasText: resumeZone });
    await expect(card).toBeVisible();
    await expect(card).toContainText(/\d+ of \d+ steps done/);
    await expect(card).toContainText('Hosts 1');
    await expect(card.getByTestId('resume-import')).toBeVisible();
    await expect(card.getByTestId('remove-import')).toBeVisible();
    await snap(page, 'import-recovery-01-stopped');
    await app.shell.switchLanguage('ko');
    await expect(card).toContainText('데이터센터 가져오기가 실패한 단계에서 멈춤');
    await expect(card.getByTestId('resume-import')).toHaveText('이어서 진행');
    await expect(card.getByTestId('remove-import')).toHaveText('만든 것 삭제');
    await snap(page, 'import-recovery-01-stopped-ko');
    await app.shell.switchLanguage('en');
  });

  await test.step('resume: the job finishes in the tray, the import is complete', async () => {
    const card = page.getByTestId('unfinished-import').filter({ hasText: resumeZone });
    await card.getByTestId('resume-import').click();
    await app.shell.openJobTray();
    await expect(app.shell.job(`Resume datacenter import ${resumeZone}`)).toHaveAttribute('data-state', 'done');
    await app.shell.jobTrayButton.click();
    await expect(card).toBeHidden();
    const zone = (await api.call('listZones', { name: resumeZone })).zone[0];
    expect((await api.call('listHosts', { zoneid: zone.id, type: 'Routing' })).count).toBe(3);
  });

  await stoppedImport(api, `${run}b`, removeZone);
  await test.step('remove: the confirmation says what goes, then the zone is gone', async () => {
    await page.getByTestId('dashboard-refresh').click();
    const card = page.getByTestId('unfinished-import').filter({ hasText: removeZone });
    await expect(card).toBeVisible();
    await card.getByTestId('remove-import').click();
    const dialog = page.getByRole('dialog', { name: 'Remove what the import created?' });
    await expect(dialog).toContainText(`This deletes what the import of ${removeZone} created: Hosts 1`);
    // The description changes no global setting: the dialog does not mention any.
    await expect(dialog).not.toContainText('global settings');
    await snap(page, 'import-recovery-02-confirm-remove');
    await dialog.getByRole('button', { name: 'Remove what it created' }).click();
    await app.shell.openJobTray();
    await expect(app.shell.job(`Remove datacenter import ${removeZone}`)).toHaveAttribute('data-state', 'done');
    await app.shell.jobTrayButton.click();
    await expect(card).toBeHidden();
    expect(await zoneCount(api, removeZone)).toBe(0);
  });
});
