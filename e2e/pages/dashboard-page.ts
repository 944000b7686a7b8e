import { expect, test, type Locator, type Page } from '@playwright/test';

export type TileField = 'zones' | 'pods' | 'clusters' | 'hosts' | 'storagepools' | 'imagestores' | 'alerts';

/** The dashboard (#/dashboard): tiles, capacity cards, cluster ranking, history and the import dialog. */
export class DashboardPage {
  readonly header: Locator;
  readonly zoneSelect: Locator;
  readonly importButton: Locator;
  readonly refreshButton: Locator;
  readonly cards: Locator;
  readonly history: Locator;
  readonly clusterUsage: Locator;
  readonly latestAlerts: Locator;
  readonly importDialog: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('heading', { level: 1 });
    this.zoneSelect = page.getByTestId('zone-select');
    this.importButton = page.getByTestId('import-datacenter');
    this.refreshButton = page.getByTestId('dashboard-refresh');
    this.cards = page.getByTestId('capacity-cards');
    this.history = page.getByTestId('capacity-history');
    this.clusterUsage = page.getByTestId('cluster-usage');
    this.latestAlerts = page.getByTestId('latest-alerts');
    this.importDialog = page.getByTestId('import-dialog');
  }

  async open(query: Record<string, string> = {}): Promise<void> {
    await test.step('open the dashboard', async () => {
      const search = new URLSearchParams(query).toString();
      await this.page.evaluate(
        (hash) => {
          (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
        },
        `#/dashboard${search ? `?${search}` : ''}`,
      );
      await expect(this.page.getByTestId('infra-tiles')).toBeVisible();
    });
  }

  tile(field: TileField): Locator {
    return this.page.getByTestId(`tile-${field}`);
  }

  async tileValue(field: TileField): Promise<number> {
    const text = (await this.tile(field).getByTestId('tile-value').textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  card(type: number): Locator {
    return this.cards.locator(`[data-testid="capacity-card"][data-type="${type}"]`);
  }

  async selectZone(name: string): Promise<void> {
    await test.step(`show zone ${name}`, async () => {
      await this.zoneSelect.click();
      await this.page.getByRole('option', { name, exact: true }).click();
      await expect(this.zoneSelect).toHaveValue(name);
    });
  }

  /** Opens the import dialog and picks a description file (as if chosen in the file picker). */
  async chooseImportFile(name: string, content: string): Promise<void> {
    await test.step(`choose ${name} to import`, async () => {
      await this.importButton.click();
      await expect(this.importDialog).toBeVisible();
      await this.importDialog
        .getByTestId('import-file')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect(this.importDialog.getByTestId('marvin-summary')).toBeVisible();
    });
  }

  summaryCount(field: string): Locator {
    return this.importDialog.getByTestId(`count-${field}`).getByTestId('count-value');
  }

  async dryRun(): Promise<Locator> {
    await this.importDialog.getByRole('button', { name: 'Dry run' }).click();
    const result = this.importDialog.getByTestId('dry-run-result');
    await expect(result).toBeVisible({ timeout: 60_000 });
    return result;
  }

  async startImport(): Promise<void> {
    await this.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  }

  async closeImportDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.importDialog).toBeHidden();
  }

  async setHistoryRange(label: '1 h' | '24 h' | '7 d'): Promise<void> {
    await this.page.getByTestId('history-range').getByText(label, { exact: true }).click();
    await expect(this.history.getByRole('radio', { name: label })).toBeChecked();
  }

  /** How wide (px) the widest line of the history chart is drawn; flat lines have no height. */
  async historyLineWidth(): Promise<number> {
    const widths = await this.history
      .locator('.history-line')
      .evaluateAll((paths) => paths.map((p) => (p as unknown as { getBBox(): { width: number } }).getBBox().width));
    return Math.max(0, ...widths);
  }

  /** Points the history chart draws (its data-points attribute). */
  async historyPoints(): Promise<number> {
    return Number((await this.history.getAttribute('data-points')) ?? '0');
  }
}

/** The alerts page (#/alerts): server-paged list, type filter, archive and delete. */
export class AlertsPage {
  readonly table: Locator;
  readonly typeFilter: Locator;
  readonly bulkBar: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('alerts-table');
    this.typeFilter = page.getByRole('combobox', { name: 'Alert type' });
    this.bulkBar = page.getByTestId('bulk-bar');
  }

  rows(): Locator {
    return this.table.locator('tbody tr[data-row-id]');
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  async filterByType(label: string): Promise<void> {
    await test.step(`filter alerts by ${label}`, async () => {
      await this.typeFilter.click();
      await this.typeFilter.fill(label);
      await this.page.getByRole('option', { name: label, exact: true }).click();
      await expect(this.typeFilter).toHaveValue(label);
    });
  }

  async archive(text: string): Promise<void> {
    await test.step(`archive the alert about ${text}`, async () => {
      const row = this.row(text).first();
      await row.getByRole('checkbox').check();
      await this.bulkBar.getByRole('button', { name: 'Archive' }).click();
      const dialog = this.page.getByRole('dialog');
      await expect(dialog).toContainText('Archive 1 alerts?');
      await dialog.getByRole('button', { name: 'Archive' }).click();
      await expect(this.row(text)).toHaveCount(0);
    });
  }
}
