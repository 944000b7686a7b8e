import { expect, test, type Locator, type Page } from '@playwright/test';

export interface NewAccount {
  account: string;
  domainPath: string;
  username: string;
  password: string;
  firstname: string;
  lastname: string;
  email: string;
}

export class AccountsPage {
  readonly table: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('accounts-table');
    this.search = page.getByPlaceholder('Search accounts');
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async openCreateDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Create account' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Create account' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async createAccount(input: NewAccount, screenshot?: (name: string) => Promise<void>): Promise<void> {
    await test.step(`create account ${input.account} in ${input.domainPath}`, async () => {
      const dialog = await this.openCreateDialog();
      await dialog.getByLabel(/^Account name/).fill(input.account);
      await dialog.getByRole('combobox', { name: 'Domain' }).click();
      await this.page.getByRole('option', { name: input.domainPath, exact: true }).click();
      await dialog.getByLabel(/^Username/).fill(input.username);
      await dialog.getByLabel(/^Password/).fill(input.password);
      await dialog.getByLabel(/^First name/).fill(input.firstname);
      await dialog.getByLabel(/^Last name/).fill(input.lastname);
      await dialog.getByLabel(/^Email/).fill(input.email);
      await screenshot?.('create-account-dialog');
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await expect(dialog).toBeHidden();
      // The new account opens in the detail drawer.
      const drawer = this.page.getByRole('dialog', { name: 'Details' });
      await expect(drawer.getByRole('heading', { name: input.account })).toBeVisible();
      await expect(drawer).toContainText(input.username);
      await screenshot?.('account-drawer');
      await this.page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      await this.search.fill(input.account);
      await expect(this.row(input.account)).toBeVisible();
    });
  }

  async rowAction(name: string, action: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Actions ${name}`, exact: true })
      .click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  async deleteAccount(name: string): Promise<void> {
    await test.step(`delete account ${name}`, async () => {
      await this.rowAction(name, 'Delete');
      const confirm = this.page.getByRole('dialog', { name: 'Delete account' });
      await expect(confirm).toContainText(name);
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await expect(confirm).toBeHidden();
    });
  }
}
