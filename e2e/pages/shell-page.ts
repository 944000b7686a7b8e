import { expect, test, type Locator, type Page } from '@playwright/test';

export type Area = 'domains' | 'accounts' | 'users' | 'roles' | 'events' | 'settings' | 'offerings';

/** The frame around every page: navigation rail, job tray, theme, language, user menu. */
export class ShellPage {
  readonly jobTrayButton: Locator;
  readonly jobTray: Locator;
  readonly themeToggle: Locator;
  readonly languageMenu: Locator;
  readonly userMenu: Locator;
  readonly connectionChip: Locator;

  constructor(readonly page: Page) {
    this.jobTrayButton = page.getByTestId('job-tray-button');
    this.jobTray = page.getByTestId('job-tray');
    this.themeToggle = page.getByTestId('theme-toggle');
    this.languageMenu = page.getByTestId('language-menu');
    this.userMenu = page.getByTestId('user-menu');
    this.connectionChip = page.getByTestId('connection-chip');
  }

  nav(area: Area): Locator {
    return this.page.getByTestId(`nav-${area}`);
  }

  async open(area: Area): Promise<void> {
    await test.step(`open ${area}`, async () => {
      await this.nav(area).click();
      await expect(this.page).toHaveURL(new RegExp(`#/${area}`));
    });
  }

  async expectSignedIn(username: string): Promise<void> {
    await expect(this.userMenu).toContainText(username);
  }

  async openJobTray(): Promise<Locator> {
    if (!(await this.jobTray.isVisible())) await this.jobTrayButton.click();
    await expect(this.jobTray).toBeVisible();
    return this.jobTray;
  }

  job(title: string): Locator {
    return this.jobTray.getByTestId('job-entry').filter({ hasText: title });
  }

  async switchLanguage(locale: 'en' | 'ko'): Promise<void> {
    await test.step(`switch the language to ${locale}`, async () => {
      await this.languageMenu.click();
      await this.page.getByTestId(`language-${locale}`).click();
      await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
    });
  }

  async colorScheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-mantine-color-scheme');
  }

  async toggleTheme(): Promise<void> {
    await test.step('toggle the theme', async () => {
      const before = await this.colorScheme();
      await this.themeToggle.click();
      await expect(this.page.locator('html')).not.toHaveAttribute('data-mantine-color-scheme', before ?? 'light');
    });
  }
}
