import { expect, test, type Locator, type Page } from '@playwright/test';

export type InfraArea = 'zones' | 'pods' | 'clusters' | 'hosts' | 'primaryStorage' | 'secondaryStorage';

const TABLES: Record<InfraArea, string> = {
  zones: 'zones-table',
  pods: 'pods-table',
  clusters: 'clusters-table',
  hosts: 'hosts-table',
  primaryStorage: 'pools-table',
  secondaryStorage: 'image-stores-table',
};

const PATHS: Record<InfraArea, string> = {
  zones: 'zones',
  pods: 'pods',
  clusters: 'clusters',
  hosts: 'hosts',
  primaryStorage: 'primary-storage',
  secondaryStorage: 'secondary-storage',
};

/** The infrastructure lists (zones ... secondary storage) and their detail drawers. */
export class InfrastructurePage {
  constructor(readonly page: Page) {}

  table(area: InfraArea): Locator {
    return this.page.getByTestId(TABLES[area]);
  }

  async open(area: InfraArea): Promise<void> {
    await test.step(`open ${area}`, async () => {
      await this.page.getByTestId(`nav-${area}`).click();
      await expect(this.page).toHaveURL(new RegExp(`#/${PATHS[area]}`));
      await expect(this.table(area)).toBeVisible();
    });
  }

  /** Types into the page's keyword box and waits for the row. */
  async search(area: InfraArea, text: string): Promise<Locator> {
    await this.page.getByTestId('list-filters').getByRole('textbox').first().fill(text);
    const row = this.row(area, text);
    await expect(row).toBeVisible();
    return row;
  }

  row(area: InfraArea, name: string): Locator {
    return this.table(area)
      .locator('tbody tr')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async rowAction(area: InfraArea, name: string, action: string | RegExp): Promise<void> {
    await this.row(area, name)
      .getByRole('button', { name: `Actions ${name}`, exact: true })
      .click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  /** Confirms the open confirmation dialog with its main button. */
  async confirm(title: string, button: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens a row's detail drawer (`?id=`). */
  async openDetail(area: InfraArea, name: string, drawerTestId: string): Promise<Locator> {
    await this.row(area, name).getByText(name, { exact: true }).click();
    const drawer = this.page.getByTestId(drawerTestId);
    await expect(drawer.getByTestId('detail-name')).toHaveText(name);
    return drawer;
  }

  async closeDetail(drawer: Locator): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  }

  /** Clicks a column header the server sorts by (its `sortby` key); each click turns the order. */
  async sortBy(area: InfraArea, key: string): Promise<void> {
    await this.table(area).locator(`th button[data-sort-key="${key}"]`).click();
  }

  /** The names in the table's rows, top to bottom (the rows drawn: a screenful and a bit). */
  async rowIds(area: InfraArea): Promise<string[]> {
    return this.table(area)
      .locator('tbody tr[data-row-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-id') ?? ''));
  }

  stateBadge(row: Locator, state: string): Locator {
    return row.locator(`[data-state="${state.toLowerCase()}"]`);
  }
}
