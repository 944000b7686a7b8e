import { expect, test, type Locator, type Page } from '@playwright/test';

export class EventsPage {
  readonly table: Locator;
  readonly typeFilter: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('events-table');
    this.typeFilter = page.getByRole('combobox', { name: 'Event type' });
  }

  rows(): Locator {
    return this.table.locator('tbody tr[data-row-id]');
  }

  async filterByType(type: string): Promise<void> {
    await test.step(`filter events by ${type}`, async () => {
      await this.typeFilter.click();
      await this.typeFilter.fill(type);
      await this.page.getByRole('option', { name: type, exact: true }).click();
      await expect(this.typeFilter).toHaveValue(type);
    });
  }

  /** Waits for an event of `type` whose row mentions `text`. */
  async expectEvent(type: string, text: string): Promise<void> {
    await test.step(`find ${type} about ${text}`, async () => {
      await this.filterByType(type);
      const row = this.rows().filter({ hasText: type }).filter({ hasText: text });
      await expect(row.first()).toBeVisible();
    });
  }
}
