import { expect, snap, test } from './fixtures';

/**
 * The operator's round trip through the Accounts area: a domain, an account in it, a user with
 * API keys, the account's deletion as a job, the events that record it, then Korean and dark.
 */
test('admin manages a domain, an account, a user and its keys, and sees the events', async ({ page, app, server }) => {
  const run = Date.now().toString(36);
  const domain = `e2e-dom-${run}`;
  const account = `e2e-acct-${run}`;
  const user = `e2e-user-${run}`;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await test.step('log in as admin', async () => {
    await app.login.goto();
    await snap(page, '01-login');
    await app.login.login('admin', 'not-the-password');
    await expect(app.login.error).toContainText('Failed to authenticate user admin');
    await app.login.login('admin', server.adminPassword);
    await app.shell.expectSignedIn('admin');
    await expect(app.shell.connectionChip).toContainText('127.0.0.1');
    // Admins land on the dashboard; the accounts page is one click away.
    await expect(page).toHaveURL(/#\/dashboard/);
    await app.shell.open('accounts');
    await expect(app.accounts.table).toBeVisible();
    await snap(page, '02-accounts');
  });

  await test.step('create a domain', async () => {
    await app.shell.open('domains');
    await app.domains.createSubdomain('ROOT', domain);
    await snap(page, '03-domain-created');
  });

  await test.step('create an account in it', async () => {
    await app.shell.open('accounts');
    await app.accounts.createAccount(
      {
        account,
        domainPath: `ROOT/${domain}`,
        username: `${account}-owner`,
        password: 'Owner-pass-1',
        firstname: 'Ada',
        lastname: 'Owner',
        email: 'ada@example.com',
      },
      (name) => snap(page, `04-${name}`),
    );
    const row = app.accounts.row(account);
    await expect(row).toContainText(`ROOT/${domain}`);
    await expect(row.locator('[data-state="enabled"]')).toBeVisible();
    await snap(page, '05-account-created');
  });

  await test.step('create a user in that account', async () => {
    await app.accounts.rowAction(account, 'Users');
    await expect(page).toHaveURL(/#\/users\?account=/);
    await app.users.createUser({
      username: user,
      password: 'User-pass-1',
      firstname: 'Bea',
      lastname: 'User',
      email: 'bea@example.com',
    });
    await expect(app.users.row(user)).toBeVisible();
    // Filtered to the account, every row is in it: the account is named once above the rows.
    await expect(app.users.table.getByTestId('uniform-columns')).toContainText(account);
  });

  await test.step('register API keys for the user: shown once, with copy buttons', async () => {
    const keys = await app.users.registerKeys(user);
    expect(keys.apikey.length).toBeGreaterThan(20);
    expect(keys.secretkey.length).toBeGreaterThan(20);
    expect(keys.secretkey).not.toBe(keys.apikey);
    await expect(keys.dialog.getByRole('button', { name: /^Copy/ })).toHaveCount(2);
    await expect(keys.dialog).toContainText('shown only this once');
    await snap(page, '06-user-keys');
    await keys.dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect(keys.dialog).toBeHidden();
  });

  await test.step('delete the account and watch the job reach done in the tray', async () => {
    await app.shell.open('accounts');
    await app.accounts.search.fill(account);
    await expect(app.accounts.row(account)).toBeVisible();
    await app.accounts.deleteAccount(account);
    await app.shell.openJobTray();
    const job = app.shell.job(`Delete account: ${account}`);
    await expect(job).toBeVisible();
    await expect(job).toHaveAttribute('data-state', 'done');
    await expect(job.getByTestId('job-progress')).toHaveAttribute('data-progress', '100');
    await snap(page, '07-job-tray-done');
    await page.keyboard.press('Escape');
    await expect(app.accounts.row(account)).toHaveCount(0);
  });

  await test.step('find ACCOUNT.CREATE and ACCOUNT.DELETE in Events', async () => {
    await app.shell.open('events');
    await app.events.expectEvent('ACCOUNT.CREATE', account);
    await app.events.expectEvent('ACCOUNT.DELETE', account);
    await snap(page, '08-events');
  });

  await test.step('switch to Korean', async () => {
    await app.shell.switchLanguage('ko');
    await expect(app.shell.nav('accounts')).toHaveText('계정');
    await expect(app.shell.nav('settings')).toHaveText('전역 설정');
    await expect(page.getByRole('heading', { name: '이벤트' })).toBeVisible();
    await expect(app.shell.jobTrayButton).toHaveAccessibleName('작업');
    await snap(page, '09-korean');
  });

  await test.step('toggle the dark theme', async () => {
    const before = await app.shell.colorScheme();
    await app.shell.toggleTheme();
    expect(before).toBe('light');
    expect(await app.shell.colorScheme()).toBe('dark');
    await snap(page, '10-dark');
    await app.shell.toggleTheme();
    await app.shell.switchLanguage('en');
  });

  expect(errors).toEqual([]);
});
