import { expect, test, type Locator, type Page } from '@playwright/test';

export class DomainsPage {
  readonly details: Locator;

  constructor(readonly page: Page) {
    this.details = page.getByTestId('domain-details');
  }

  treeNode(name: string): Locator {
    return this.page.getByRole('tree').getByRole('button', { name, exact: true });
  }

  async select(name: string): Promise<void> {
    await this.treeNode(name).click();
    await expect(this.details.getByRole('heading', { name, exact: true })).toBeVisible();
  }

  async createSubdomain(parent: string, name: string): Promise<void> {
    await test.step(`create domain ${name} under ${parent}`, async () => {
      await this.select(parent);
      await this.details.getByRole('button', { name: 'Create subdomain' }).click();
      const dialog = this.page.getByRole('dialog');
      await dialog.getByLabel(/^Name/).fill(name);
      await dialog.getByRole('button', { name: 'Create' }).click();
      await expect(dialog).toBeHidden();
      await expect(this.treeNode(name)).toBeVisible();
      await expect(this.details.getByRole('heading', { name, exact: true })).toBeVisible();
    });
  }
}
