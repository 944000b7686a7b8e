import { expect, test, type Locator, type Page } from '@playwright/test';

export interface NewUser {
  username: string;
  password: string;
  firstname: string;
  lastname: string;
  email: string;
}

export class UsersPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('users-table');
  }

  row(username: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByText(username, { exact: true }) });
  }

  /** Creates a user in the account the page is filtered on (opened from the account's row menu). */
  async createUser(input: NewUser): Promise<void> {
    await test.step(`create user ${input.username}`, async () => {
      await this.page.getByRole('button', { name: 'Create user' }).click();
      const dialog = this.page.getByRole('dialog', { name: 'Create user' });
      await expect(dialog.getByRole('combobox', { name: 'Account' })).not.toHaveValue('');
      await dialog.getByLabel(/^Username/).fill(input.username);
      await dialog.getByLabel(/^Password/).fill(input.password);
      await dialog.getByLabel(/^First name/).fill(input.firstname);
      await dialog.getByLabel(/^Last name/).fill(input.lastname);
      await dialog.getByLabel(/^Email/).fill(input.email);
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(this.row(input.username)).toBeVisible();
    });
  }

  /** Registers API keys and returns them as the dialog shows them (once). */
  async registerKeys(username: string): Promise<{ dialog: Locator; apikey: string; secretkey: string }> {
    return test.step(`register API keys for ${username}`, async () => {
      await this.row(username)
        .getByRole('button', { name: `Actions ${username}`, exact: true })
        .click();
      await this.page.getByRole('menuitem', { name: 'Register keys' }).click();
      const dialog = this.page.getByRole('dialog', { name: `API keys for ${username}` });
      await dialog.getByRole('button', { name: 'Register keys' }).click();
      const apikey = dialog.getByTestId('apikey');
      const secretkey = dialog.getByTestId('secretkey');
      await expect(apikey).not.toHaveValue('');
      await expect(secretkey).not.toHaveValue('');
      return { dialog, apikey: await apikey.inputValue(), secretkey: await secretkey.inputValue() };
    });
  }
}
