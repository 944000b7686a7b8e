import { expect, test, type Locator, type Page } from '@playwright/test';

export type DiagramNodeKind = 'zone' | 'pod' | 'cluster' | 'host' | 'storagepool' | 'imagestore';

/** The infrastructure diagram (#/infrastructure): React Flow canvas, search, details panel. */
export class DiagramPage {
  readonly canvas: Locator;
  readonly details: Locator;
  readonly search: Locator;
  readonly legend: Locator;
  readonly viewport: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('diagram');
    this.details = page.getByTestId('diagram-details');
    this.search = page.getByTestId('diagram-search');
    this.legend = page.getByTestId('diagram-legend');
    this.viewport = page.locator('.react-flow__viewport');
  }

  /** Opens the diagram (optionally one zone) by changing the hash, as the rail does. */
  async open(query: Record<string, string> = {}): Promise<void> {
    await test.step('open the infrastructure diagram', async () => {
      const search = new URLSearchParams(query).toString();
      await this.page.evaluate(
        (hash) => {
          (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
        },
        `#/infrastructure${search ? `?${search}` : ''}`,
      );
      await expect(this.canvas).toHaveAttribute('data-ready', 'true');
    });
  }

  node(kind: DiagramNodeKind, name: string): Locator {
    return this.page.getByTestId(`diagram-node-${kind}`).filter({ has: this.page.getByText(name, { exact: true }) });
  }

  host(name: string): Locator {
    return this.page.locator(`[data-testid="diagram-node-host"][data-name="${name}"]`);
  }

  /** The zoom of the React Flow viewport (its CSS transform's scale). */
  async zoom(): Promise<number> {
    const style = (await this.viewport.getAttribute('style')) ?? '';
    const match = /scale\(([\d.e-]+)\)/.exec(style);
    return match ? Number(match[1]) : Number.NaN;
  }

  async control(name: 'Zoom in' | 'Zoom out' | 'Fit to screen'): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async find(name: string): Promise<void> {
    await test.step(`find ${name}`, async () => {
      await this.search.click();
      await this.search.fill(name);
      await this.page
        .getByRole('option', { name: new RegExp(`^${name}\\b`) })
        .first()
        .click();
    });
  }
}
