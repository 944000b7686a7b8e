import { expect, test, type Locator, type Page } from '@playwright/test';

export type OfferingKind = 'compute' | 'disk';

/** The offerings page: a tab per kind, its table, the create wizards, the drawer and edit dialog. */
export class OfferingsPage {
  constructor(readonly page: Page) {}

  tab(kind: OfferingKind): Locator {
    return this.page.getByTestId(`offerings-tab-${kind}`);
  }

  table(kind: OfferingKind): Locator {
    return this.page.getByTestId(`${kind}-offerings-table`);
  }

  row(kind: OfferingKind, name: string): Locator {
    return this.table(kind)
      .locator('tbody tr')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  get drawer(): Locator {
    return this.page.getByTestId('offering-drawer');
  }

  wizard(kind: OfferingKind): Locator {
    return this.page.getByRole('dialog', {
      name: kind === 'compute' ? 'Create compute offering' : 'Create disk offering',
    });
  }

  async openTab(kind: OfferingKind): Promise<void> {
    await this.tab(kind).click();
    await expect(this.table(kind)).toBeVisible();
  }

  async openWizard(kind: OfferingKind): Promise<Locator> {
    await this.openTab(kind);
    await this.page
      .getByRole('button', { name: kind === 'compute' ? 'Create compute offering' : 'Create disk offering' })
      .click();
    const wizard = this.wizard(kind);
    await expect(wizard).toBeVisible();
    return wizard;
  }

  /** Goes to a wizard step by its rail entry. */
  async step(wizard: Locator, id: string): Promise<void> {
    await wizard.getByTestId(`wizard-step-${id}`).click();
  }

  async next(wizard: Locator): Promise<void> {
    await wizard.getByRole('button', { name: 'Next' }).click();
  }

  async openRow(kind: OfferingKind, name: string): Promise<void> {
    await test.step(`open ${name}`, async () => {
      await this.row(kind, name).click();
      await expect(this.drawer.getByRole('heading', { name })).toBeVisible();
    });
  }

  async rowAction(kind: OfferingKind, name: string, action: 'Edit' | 'Delete'): Promise<void> {
    await this.row(kind, name)
      .getByRole('button', { name: `Actions ${name}` })
      .click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }
}
