import { expect, test, type Locator, type Page } from '@playwright/test';

export type WizardStep =
  'type' | 'zone' | 'network' | 'pod' | 'ranges' | 'cluster' | 'host' | 'primary' | 'secondary' | 'review';

export interface ZoneDetails {
  name: string;
  dns1: string;
  dns2?: string;
  internaldns1: string;
  guestcidr?: string;
  networkdomain?: string;
}

export interface RangeInput {
  gateway: string;
  netmask: string;
  vlan?: string;
  startip: string;
  endip: string;
}

export interface HostInput {
  url: string;
  username?: string;
  password: string;
  tags?: string;
}

/** The zone wizard (#/zones/new): steps on the left, the form in the middle, the summary on the right. */
export class ZoneWizardPage {
  readonly summary: Locator;
  readonly calls: Locator;
  readonly applyButton: Locator;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.summary = page.getByTestId('wizard-summary');
    this.calls = page.getByTestId('plan-calls').getByTestId('plan-call');
    this.applyButton = page.getByTestId('apply-plan');
  }

  async open(query = ''): Promise<void> {
    await test.step(`open the zone wizard${query}`, async () => {
      await this.page.goto(`${this.baseUrl}/#/zones/new${query}`);
      await expect(this.page.getByRole('heading', { name: 'Add zone' })).toBeVisible();
    });
  }

  step(id: WizardStep): Locator {
    return this.page.getByTestId(`wizard-step-${id}`);
  }

  form(id: WizardStep): Locator {
    return this.page.getByTestId(`wizard-form-${id}`);
  }

  async goTo(id: WizardStep): Promise<Locator> {
    await this.step(id).click();
    await expect(this.form(id)).toBeVisible();
    return this.form(id);
  }

  /** Next, expecting to land on `expected` (the step had no errors). */
  async next(expected: WizardStep): Promise<Locator> {
    await this.page.getByTestId('wizard-next').click();
    await expect(this.form(expected)).toBeVisible();
    return this.form(expected);
  }

  field(scope: Locator, label: string): Locator {
    return scope.getByLabel(new RegExp(`^${label}`));
  }

  /** The message Mantine shows under an input (aria-describedby ...-error). */
  async errorOf(input: Locator): Promise<string | null> {
    const ids = (await input.getAttribute('aria-describedby')) ?? '';
    const id = ids.split(' ').find((x) => x.endsWith('-error'));
    return id ? this.page.locator(`[id="${id}"]`).textContent() : null;
  }

  async chooseType(type: 'Advanced' | 'Basic'): Promise<void> {
    await this.form('type').getByTestId(`zone-type-${type.toLowerCase()}`).click();
  }

  async fillZone(z: ZoneDetails): Promise<void> {
    const f = this.form('zone');
    await this.field(f, 'Name').fill(z.name);
    await this.field(f, 'DNS 1').fill(z.dns1);
    if (z.dns2) await this.field(f, 'DNS 2').fill(z.dns2);
    await this.field(f, 'Internal DNS 1').fill(z.internaldns1);
    if (z.guestcidr) await this.field(f, 'Guest CIDR').fill(z.guestcidr);
    if (z.networkdomain) await this.field(f, 'Network domain').fill(z.networkdomain);
  }

  async fillNetwork(input: { name: string; guestVlan?: string; guestKvmLabel?: string }): Promise<void> {
    const f = this.form('network');
    const card = f.getByTestId('physical-network').first();
    await this.field(card, 'Network name').fill(input.name);
    if (input.guestVlan !== undefined) await this.field(card, 'Guest VLAN range').fill(input.guestVlan);
    if (input.guestKvmLabel) await f.getByLabel('Guest KVM label').fill(input.guestKvmLabel);
  }

  async fillRange(scope: Locator, r: RangeInput): Promise<void> {
    await this.field(scope, 'Gateway').fill(r.gateway);
    await this.field(scope, 'Netmask').fill(r.netmask);
    if (r.vlan !== undefined) await this.field(scope, 'VLAN').fill(r.vlan);
    await this.field(scope, 'Start IP').fill(r.startip);
    await this.field(scope, 'End IP').fill(r.endip);
  }

  async fillPod(name: string, r: RangeInput): Promise<void> {
    const f = this.form('pod');
    await this.field(f, 'Pod name').fill(name);
    await this.fillRange(f, r);
  }

  async fillCluster(name: string): Promise<void> {
    await this.field(this.form('cluster'), 'Cluster name').fill(name);
  }

  async fillHosts(hosts: HostInput[]): Promise<void> {
    const f = this.form('host');
    for (const [i, h] of hosts.entries()) {
      if (i > 0) await f.getByRole('button', { name: 'Add host' }).click();
      const item = f.getByTestId('host-item').nth(i);
      await this.field(item, 'Host URL').fill(h.url);
      if (h.username) await this.field(item, 'Username').fill(h.username);
      await this.field(item, 'Password').fill(h.password);
      if (h.tags) await this.field(item, 'Host tags').fill(h.tags);
    }
  }

  async fillPrimary(p: { name: string; url: string; scope?: 'Cluster' | 'Zone'; tags?: string }): Promise<void> {
    const item = this.form('primary').getByTestId('primary-item').first();
    await this.field(item, 'Name').fill(p.name);
    if (p.scope) await item.getByText(p.scope, { exact: true }).click();
    await this.field(item, 'URL').fill(p.url);
    if (p.tags) await this.field(item, 'Storage tags').fill(p.tags);
  }

  async fillSecondary(s: { url: string; name?: string }): Promise<void> {
    const item = this.form('secondary').getByTestId('secondary-item').first();
    if (s.name !== undefined) await this.field(item, 'Name').fill(s.name);
    await this.field(item, 'URL').fill(s.url);
  }

  async commands(): Promise<string[]> {
    return this.calls.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-command') ?? ''));
  }

  async states(): Promise<string[]> {
    return this.calls.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state') ?? ''));
  }

  call(command: string, nth = 0): Locator {
    return this.page
      .locator(`[data-testid="plan-calls"] [data-testid="plan-call"][data-command="${command}"]`)
      .nth(nth);
  }

  /** The finish asks to enable the zone it left Disabled; this answers yes and waits for Enabled. */
  async enableZone(zoneName: string): Promise<void> {
    await test.step('enable the zone from the finish', async () => {
      const finished = this.page.getByTestId('wizard-finished');
      await expect(finished).toHaveAttribute('data-allocationstate', 'Disabled');
      await expect(finished).toContainText(`Enable zone ${zoneName} now?`);
      await finished.getByRole('button', { name: 'Enable zone' }).click();
      await expect(finished).toHaveAttribute('data-allocationstate', 'Enabled');
      await expect(finished).toContainText(`Zone ${zoneName} is ready and enabled`);
      await expect(finished.getByRole('button', { name: 'Enable zone' })).toHaveCount(0);
    });
  }

  /** Applies (or resumes) and waits until every call is done. */
  async applyAndFinish(timeout = 60_000): Promise<void> {
    await test.step('apply the plan', async () => {
      await this.applyButton.click();
      await expect(this.page.getByTestId('wizard-finished')).toBeVisible({ timeout });
      expect((await this.states()).every((s) => s === 'done')).toBe(true);
    });
  }

  async discard(): Promise<void> {
    await test.step('discard what was created', async () => {
      await this.page.getByTestId('discard-created').click();
      const dialog = this.page.getByRole('dialog', { name: 'Discard what was created?' });
      await dialog.getByRole('button', { name: 'Discard what was created' }).click();
      await expect(this.page.getByTestId('discard-created')).toBeHidden({ timeout: 60_000 });
    });
  }
}
