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

  /** The name band above a zone or a pod: drawn at screen size whatever the zoom. */
  band(of: 'zone' | 'pod', name: string): Locator {
    return this.page.getByTestId(`diagram-label-${of}`).filter({ has: this.page.getByText(name, { exact: true }) });
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

  /**
   * The view is fitted to what is drawn: at the fit's highest zoom (1), or with the nodes filling
   * the canvas's width or height (the fit's padding aside).
   */
  async expectFitted(): Promise<void> {
    await expect
      .poll(async () => {
        if ((await this.zoom()) >= 0.999) return true;
        const pane = await this.canvas.boundingBox();
        const boxes = await this.page
          .locator('.react-flow__node')
          .evaluateAll((nodes) =>
            nodes.map((n) => n.getBoundingClientRect()).map((r) => [r.left, r.top, r.right, r.bottom]),
          );
        if (!pane || boxes.length === 0) return false;
        const width = Math.max(...boxes.map((b) => b[2]!)) - Math.min(...boxes.map((b) => b[0]!));
        const height = Math.max(...boxes.map((b) => b[3]!)) - Math.min(...boxes.map((b) => b[1]!));
        return width >= pane.width * 0.85 || height >= pane.height * 0.85;
      })
      .toBe(true);
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
