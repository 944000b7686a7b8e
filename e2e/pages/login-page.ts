import { expect, test, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly domain: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.username = page.getByLabel(/^Username/);
    this.password = page.getByLabel(/^Password/);
    this.domain = page.getByLabel(/^Domain/);
    this.submit = page.getByRole('button', { name: 'Log in' });
    this.error = page.getByRole('alert');
  }

  async goto(): Promise<void> {
    await test.step('open the login page', async () => {
      await this.page.goto(`${this.baseUrl}/`);
      await expect(this.submit).toBeVisible();
    });
  }

  async login(username: string, password: string, domain = 'ROOT'): Promise<void> {
    await test.step(`log in as ${username}`, async () => {
      await this.username.fill(username);
      await this.password.fill(password);
      await this.domain.fill(domain);
      await this.submit.click();
    });
  }
}
