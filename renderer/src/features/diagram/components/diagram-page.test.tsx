// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyLiveMessage } from '../../../lib/live-sync';
import { ADMIN, fakeClient, type Handler } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import type { Topology } from '../../../lib/contract';
import { fakeTopology, type FakeTopologyOptions } from '../lib/fake-topology';
import { DiagramPage } from './diagram-page';

/**
 * happy-dom does no layout: give elements the size their inline style asks for (React Flow sizes
 * nodes inline) or a viewport, and a ResizeObserver that reports at once, as a browser would.
 */
beforeAll(() => {
  const size = (el: HTMLElement, axis: 'width' | 'height', fallback: number) => {
    const text = el.style?.[axis] ?? '';
    const value = text.endsWith('px') ? Number.parseFloat(text) : Number.NaN;
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return size(this, 'width', 1200);
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return size(this, 'height', 800);
    },
  });
  // Reduced motion: view changes apply at once (d3 transitions do not run in happy-dom).
  window.matchMedia = ((query: string) => ({
    matches: query.includes('prefers-reduced-motion'),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    constructor(private readonly callback: (entries: { target: Element }[]) => void) {}
    observe(target: Element) {
      queueMicrotask(() => this.callback([{ target }]));
    }
    unobserve() {}
    disconnect() {}
  };
});

function topologyHandlers(
  answer: (params: Record<string, string>) => Topology,
  extra: Record<string, Handler> = {},
): Record<string, Handler> {
  return {
    listInfrastructureTopology: (p) => ({ topology: answer(p) }),
    listZones: () => ({ count: 1, zone: [{ id: 'zone-0', name: 'z0' }] }),
    listHosts: (p) =>
      p['id']
        ? {
            count: 1,
            host: [{ id: p['id'], name: 'host', ipaddress: '192.0.2.11', hypervisor: 'Simulator', cpunumber: 4 }],
          }
        : { count: 0, host: [] },
    ...extra,
  };
}

const small = (options: FakeTopologyOptions = {}) =>
  fakeTopology({ zones: 1, podsPerZone: 1, clustersPerPod: 2, hostsPerCluster: 3, ...options });

function node(testId: string, name: string): HTMLElement {
  const found = screen.getAllByTestId(testId).find((el) => el.textContent?.includes(name));
  if (!found) throw new Error(`no ${testId} named ${name}`);
  return found;
}

describe('DiagramPage', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('draws zones, pods, clusters, hosts and storage from listInfrastructureTopology', async () => {
    const { client, transport } = fakeClient(topologyHandlers(() => small()));
    renderWithProviders(<DiagramPage />, { client, user: ADMIN });

    await screen.findByRole('heading', { name: 'Infrastructure diagram' });
    await waitFor(() => expect(screen.getAllByTestId('diagram-node-host')).toHaveLength(6));
    expect(node('diagram-node-zone', 'z0').dataset['color']).toBe('green');
    expect(node('diagram-node-pod', 'z0-p0')).toBeTruthy();
    expect(screen.getAllByTestId('diagram-node-cluster')).toHaveLength(2);
    expect(node('diagram-node-host', 'z0-p0-c1-h2').dataset['state']).toBe('up');
    expect(screen.getAllByTestId('diagram-node-storagepool')).toHaveLength(3);
    expect(node('diagram-node-imagestore', 'z0-sec')).toBeTruthy();
    // The zone-wide pool is 90 % used: its bar is red (drawn once its label reads at 11 px or more).
    const capacity = () =>
      node('diagram-node-storagepool', 'z0-zone-pool').querySelector('[data-capacity]')?.getAttribute('data-capacity');
    const search = screen.getByTestId('diagram-search');
    fireEvent.click(search);
    fireEvent.change(search, { target: { value: 'zone-pool' } });
    fireEvent.click(await screen.findByRole('option', { name: /z0-zone-pool/, hidden: true }));
    await waitFor(() => expect(capacity()).toBe('red'));
    expect(screen.getByTestId('diagram-summary').textContent).toContain('Hosts 6');
    expect(screen.getByTestId('diagram-legend').textContent).toContain('Alert / Disconnected');
    expect(screen.getByRole('button', { name: 'Zoom in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fit to screen' })).toBeTruthy();
    expect(transport.callsOf('listInfrastructureTopology')[0]!.params).toEqual({});
    await waitFor(() => expect(screen.getByTestId('diagram').dataset['ready']).toBe('true'));
    expect(window.__diagramStats).toMatchObject({ hosts: 6, hostNodes: 6, aggregated: false });
  });

  it('opens a host in the details panel with its state and a link to its page', async () => {
    const { client, transport } = fakeClient(
      topologyHandlers(() => small({ hostState: (n) => (n === 'z0-p0-c0-h1' ? { state: 'Alert' } : {}) })),
    );
    renderWithProviders(<DiagramPage />, { client, user: ADMIN });
    await waitFor(() => expect(screen.getAllByTestId('diagram-node-host')).toHaveLength(6));
    const host = node('diagram-node-host', 'z0-p0-c0-h1');
    expect(host.dataset['color']).toBe('yellow');
    fireEvent.click(host);

    const panel = await screen.findByTestId('diagram-details');
    expect(within(panel).getByRole('heading', { name: 'z0-p0-c0-h1' })).toBeTruthy();
    expect(within(panel).getByTestId('details-state').textContent).toBe('Alert');
    expect(within(panel).getByText('z0-p0-c0')).toBeTruthy();
    const link = within(panel).getByTestId('details-link');
    expect(link.getAttribute('href')).toBe('#/hosts?id=host-0-0-0-1');
    expect(await within(panel).findByText('192.0.2.11')).toBeTruthy();
    expect(transport.callsOf('listHosts')[0]!.params).toEqual({ id: 'host-0-0-0-1' });
    expect(host.dataset['selected']).toBe('true');

    fireEvent.click(within(panel).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('diagram-details')).toBeNull());
  });

  it('shows clusters as summaries when aggregated and fetches a cluster hosts on demand', async () => {
    const { client, transport } = fakeClient(
      topologyHandlers((p) =>
        fakeTopology({
          zones: 1,
          podsPerZone: 1,
          clustersPerPod: 3,
          hostsPerCluster: 4,
          hostlimit: 5,
          clusterids: p['clusterids']?.split(',') ?? [],
          hostState: (n) => (n.endsWith('-h0') ? { state: 'Down' } : {}),
        }),
      ),
    );
    renderWithProviders(<DiagramPage />, { client, user: ADMIN });
    await waitFor(() => expect(screen.getAllByTestId('diagram-node-cluster')).toHaveLength(3));
    expect(screen.queryAllByTestId('diagram-node-host')).toHaveLength(0);
    expect(screen.getByTestId('diagram-aggregated')).toBeTruthy();
    const cluster = node('diagram-node-cluster', 'z0-p0-c1');
    expect(cluster.textContent).toContain('Hosts: 4');
    const bar = within(cluster).getByTestId('cluster-state-bar');
    expect(bar.getAttribute('aria-label')).toBe('Up 3, Down 1');

    fireEvent.click(within(cluster).getByRole('button', { name: 'Show hosts' }));
    await waitFor(() => expect(screen.getAllByTestId('diagram-node-host')).toHaveLength(4));
    expect(transport.callsOf('listInfrastructureTopology').at(-1)!.params).toEqual({ clusterids: 'cluster-0-0-1' });
    expect(node('diagram-node-host', 'z0-p0-c1-h0').dataset['color']).toBe('red');

    fireEvent.click(within(node('diagram-node-cluster', 'z0-p0-c1')).getByRole('button', { name: 'Hide hosts' }));
    await waitFor(() => expect(screen.queryAllByTestId('diagram-node-host')).toHaveLength(0));
  });

  it('recolours a host when a live update arrives, without reloading', async () => {
    let down = false;
    const { client } = fakeClient(
      topologyHandlers(() => small({ hostState: (n) => (down && n === 'z0-p0-c0-h0' ? { state: 'Down' } : {}) })),
    );
    const { queryClient } = renderWithProviders(<DiagramPage />, { client, user: ADMIN });
    await waitFor(() => expect(node('diagram-node-host', 'z0-p0-c0-h0').dataset['color']).toBe('green'));
    down = true;
    // What the live stream delivers when the host monitor changes a host's state.
    applyLiveMessage(queryClient, {
      kind: 'resource',
      resource: { type: 'host', ids: ['host-0-0-0-0'], change: 'state' },
    });
    await waitFor(() => expect(node('diagram-node-host', 'z0-p0-c0-h0').dataset['color']).toBe('red'));
    expect(node('diagram-node-host', 'z0-p0-c0-h0').dataset['state']).toBe('down');
  });

  it('finds a node by name and selects it', async () => {
    const { client } = fakeClient(topologyHandlers(() => small()));
    renderWithProviders(<DiagramPage />, { client, user: ADMIN });
    await waitFor(() => expect(screen.getAllByTestId('diagram-node-host')).toHaveLength(6));
    const search = screen.getByTestId('diagram-search');
    fireEvent.click(search);
    fireEvent.change(search, { target: { value: 'c1-h2' } });
    fireEvent.click(await screen.findByRole('option', { name: /z0-p0-c1-h2/, hidden: true }));
    const panel = await screen.findByTestId('diagram-details');
    expect(within(panel).getByRole('heading', { name: 'z0-p0-c1-h2' })).toBeTruthy();
    await waitFor(() => expect(node('diagram-node-host', 'z0-p0-c1-h2').dataset['selected']).toBe('true'));
  });

  it('greets an empty cloud with the first-run choices', async () => {
    const empty: Topology = {
      aggregated: false,
      totals: { zones: 0, pods: 0, clusters: 0, hosts: 0, storagepools: 0, imagestores: 0 },
      zones: [],
    };
    const { client } = fakeClient(topologyHandlers(() => empty));
    renderWithProviders(<DiagramPage />, { client, user: ADMIN, locale: 'ko' });
    const card = await screen.findByTestId('diagram-empty');
    expect(within(card).getByText('아직 Zone이 없습니다')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Zone 추가' }).getAttribute('href')).toBe('#/zones/new');
    expect(within(card).getByRole('link', { name: '다른 시작 방법' }).getAttribute('href')).toBe('#/dashboard');
  });
});
