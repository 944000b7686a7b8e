import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { AccountsPage } from './pages/accounts-page';
import { DomainsPage } from './pages/domains-page';
import { EventsPage } from './pages/events-page';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';
import { UsersPage } from './pages/users-page';

export interface Server {
  url: string;
  adminPassword: string;
}

export interface Pages {
  login: LoginPage;
  shell: ShellPage;
  domains: DomainsPage;
  accounts: AccountsPage;
  users: UsersPage;
  events: EventsPage;
}

/** Explicit screenshots of the key steps, kept as artifacts/screenshots/<name>.png. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join('artifacts/screenshots', `${name}.png`) });
}

export const test = base.extend<{ server: Server; app: Pages }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern.
  server: async ({}, use) => {
    const url = process.env.STACKYARD_E2E_URL;
    const adminPassword = process.env.STACKYARD_E2E_ADMIN_PASSWORD;
    if (!url || !adminPassword) throw new Error('the e2e global setup did not start a server');
    await use({ url, adminPassword });
  },
  app: async ({ page, server }, use) => {
    await use({
      login: new LoginPage(page, server.url),
      shell: new ShellPage(page),
      domains: new DomainsPage(page),
      accounts: new AccountsPage(page),
      users: new UsersPage(page),
      events: new EventsPage(page),
    });
  },
});

export { expect };
