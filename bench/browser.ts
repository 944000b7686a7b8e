/** Chromium for the browser benchmarks: one way to start it and to sign in to the UI. */
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, without the background traffic that would disturb timings. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A 1440x900 English page in a fresh context. */
export async function newBenchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  return context.newPage();
}

/** Signs in as admin through the login form (the page is already on the login screen). */
export async function submitAdminLogin(page: Page, password: string): Promise<void> {
  await page.getByLabel(/^Username/).fill('admin');
  await page.getByLabel(/^Password/).fill(password);
  await page.getByLabel(/^Domain/).fill('ROOT');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('user-menu').waitFor({ timeout: 60_000 });
}

/** Opens the UI at `baseUrl` and signs in as admin. */
export async function signInAsAdmin(page: Page, baseUrl: string, password: string): Promise<void> {
  await page.goto(`${baseUrl.replace(/\/$/, '')}/`);
  await submitAdminLogin(page, password);
}
