import { describe, expect, it } from 'vitest';
import { fakeTopology } from './fake-topology';
import { cardRows, clusterCardContent, CARD_PROBLEM_HOSTS } from './cluster-card';
import { layoutTopology, nodeId, SIZES, type ClusterCardData } from './layout';
import { levelView } from './levels';
import {
  bandHeight,
  diagramLevel,
  HOSTS_ZOOM,
  MIN_TEXT_PX,
  onScreenTextPx,
  ROW_PX,
  rowsThatFit,
  TEXT_PX,
  textScale,
} from './lod';
import { stateSegments } from './metrics';

const ZOOMS = [0.02, 0.05, 0.1, 0.124, 0.2, 0.3, HOSTS_ZOOM - 0.01, HOSTS_ZOOM, 0.5, 0.75, 0.99, 1, 1.5, 2];

describe('level of detail', () => {
  it('never draws text under 11 px on screen, at any zoom', () => {
    for (const zoom of ZOOMS) {
      for (const px of Object.values(TEXT_PX)) expect(onScreenTextPx(px, zoom)).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    }
    expect(Math.min(...Object.values(TEXT_PX))).toBe(MIN_TEXT_PX);
    // Below zoom 1 a label keeps its screen size; above it grows with the view.
    expect(onScreenTextPx(12, 0.124)).toBeCloseTo(12, 6);
    expect(onScreenTextPx(12, 2)).toBe(24);
    expect(textScale(0.3)).toBe(0.3);
    expect(textScale(1.7)).toBe(1);
  });

  it('gives a box only the rows of text that fit it on screen, none when not one does', () => {
    // A host tile (66 units tall): no row zoomed far out, its name from HOSTS_ZOOM, all three at 1.
    expect(rowsThatFit(SIZES.host.height, 0.124)).toBe(0);
    expect(rowsThatFit(SIZES.host.height, HOSTS_ZOOM - 0.01)).toBe(0);
    expect(rowsThatFit(SIZES.host.height, HOSTS_ZOOM)).toBe(1);
    expect(rowsThatFit(SIZES.host.height, 1)).toBe(3);
    expect(rowsThatFit(SIZES.host.height, 2)).toBe(3);
    for (const zoom of ZOOMS) {
      const rows = rowsThatFit(SIZES.cluster.height, zoom);
      // The rows drawn (at their screen height) fit the box as it is on screen.
      expect(rows * ROW_PX).toBeLessThanOrEqual(SIZES.cluster.height * textScale(zoom));
    }
  });

  it('draws clusters as cards below the zoom where a host tile holds its name, hosts from there', () => {
    expect(diagramLevel(0.124)).toBe('clusters');
    expect(diagramLevel(HOSTS_ZOOM - 0.001)).toBe('clusters');
    expect(diagramLevel(HOSTS_ZOOM)).toBe('hosts');
    expect(diagramLevel(1)).toBe('hosts');
  });

  it('sizes the zone and pod name bands so that the fitted view of a large cloud reads them', () => {
    expect(bandHeight(800, 400)).toBe(29);
    const wide = bandHeight(10_000, 4_000);
    // Fitted to a screen 1,100 px wide, the band holds one row of text.
    expect(wide * (1100 / 10_000)).toBeGreaterThanOrEqual(ROW_PX);
    const tall = bandHeight(3_000, 9_000);
    expect(tall * (600 / 9_000)).toBeGreaterThanOrEqual(ROW_PX);
  });
});

describe('cluster cards', () => {
  const withProblems = fakeTopology({
    clustersPerPod: 1,
    hostsPerCluster: 48,
    hostState: (n) => {
      if (n.endsWith('-h7') || n.endsWith('-h30')) return { state: 'Down' };
      if (n.endsWith('-h3')) return { state: 'Alert' };
      if (n.endsWith('-h40')) return { resourcestate: 'Maintenance' };
      if (n.endsWith('-h41')) return { resourcestate: 'Disabled' };
      return {};
    },
  });
  const cluster = withProblems.zones[0]!.pods![0]!.clusters[0]!;

  it('counts the hosts needing attention by state, worst first, and names them', () => {
    const content = clusterCardContent(cluster, stateSegments(cluster));
    expect(content.problems.map((p) => [p.state, p.count, p.color])).toEqual([
      ['Down', 2, 'red'],
      ['Alert', 1, 'yellow'],
      ['Maintenance', 1, 'violet'],
    ]);
    // A Disabled host is the operator's choice, not a problem.
    expect(content.problemHosts.map((h) => `${h.name} ${h.state}`)).toEqual([
      'z0-p0-c0-h7 Down',
      'z0-p0-c0-h30 Down',
      'z0-p0-c0-h3 Alert',
      'z0-p0-c0-h40 Maintenance',
    ]);
    expect(content.problemTotal).toBe(4);
  });

  it('names the problem hosts of a summarised cluster from the core, at most CARD_PROBLEM_HOSTS', () => {
    const summarised = {
      ...cluster,
      hosts: undefined,
      hoststates: { Up: 30, Down: 18 },
      problemhosts: Array.from({ length: 8 }, (_, i) => ({
        id: `d${i}`,
        name: `dc1-h${i + 1}`,
        state: 'Down' as const,
        resourcestate: 'Enabled' as const,
      })),
    };
    const content = clusterCardContent(summarised, stateSegments({ ...summarised, resourcestates: {} }));
    expect(content.problems).toEqual([{ state: 'Down', count: 18, color: 'red' }]);
    expect(content.problemHosts).toHaveLength(CARD_PROBLEM_HOSTS);
    expect(content.problemTotal).toBe(18);
  });

  it('gives room to the name, then the counts, then problem hosts ("+N more"), then CPU and memory', () => {
    const content = clusterCardContent(cluster, stateSegments(cluster));
    const usage = {
      cpu: { fraction: 0.5, color: 'green' as const },
      memory: { fraction: 0.8, color: 'yellow' as const },
    };
    expect(cardRows(1, content, usage)).toEqual({ title: true, counts: false, hosts: 0, more: 0, usage: 0 });
    expect(cardRows(2, content, usage)).toEqual({ title: true, counts: true, hosts: 0, more: 0, usage: 0 });
    // Four problem hosts, two rows left: one named, "+3 more".
    expect(cardRows(4, content, usage)).toEqual({ title: true, counts: true, hosts: 1, more: 3, usage: 0 });
    expect(cardRows(6, content, usage)).toEqual({ title: true, counts: true, hosts: 4, more: 0, usage: 0 });
    expect(cardRows(9, content, usage)).toEqual({ title: true, counts: true, hosts: 4, more: 0, usage: 2 });
    const healthy = clusterCardContent({ ...cluster, hosts: [] }, [{ state: 'Up', count: 48, color: 'green' }]);
    expect(cardRows(4, healthy, usage)).toEqual({ title: true, counts: true, hosts: 0, more: 0, usage: 2 });
  });

  it('zoomed out, draws the cards and hides what they cover; an edge to a cluster leads to its card', () => {
    const topology = fakeTopology({ clustersPerPod: 3, hostsPerCluster: 5 });
    const layout = layoutTopology(topology);
    const out = levelView(layout, layout.nodes, 'clusters');
    const shown = (id: string) => out.nodes.find((n) => n.id === id)?.hidden !== true;
    expect(shown(nodeId('clustercard', 'cluster-0-0-1'))).toBe(true);
    expect(shown(nodeId('cluster', 'cluster-0-0-1'))).toBe(false);
    expect(shown(nodeId('host', 'host-0-0-1-4'))).toBe(false);
    expect(shown(nodeId('storagepool', 'pool-0-0-1'))).toBe(false);
    expect(shown(nodeId('storagepool', 'zpool-0'))).toBe(true);
    // The zone and pod are their name bands now (what the keyboard reaches), without tree edges.
    expect(shown(nodeId('zone', 'zone-0'))).toBe(false);
    expect(shown(nodeId('pod', 'pod-0-0'))).toBe(false);
    const band = out.nodes.find((n) => n.id === `label:${nodeId('zone', 'zone-0')}`)!;
    expect(band).toMatchObject({ focusable: true, ariaLabel: 'Zone z0' });
    expect(out.edges).toEqual([]);
    const card = out.nodes.find((n) => n.id === nodeId('clustercard', 'cluster-0-0-1'))!;
    expect(card.ariaLabel).toBe('Cluster z0-p0-c1, 5 hosts');
    expect((card.data as ClusterCardData).content.problemTotal).toBe(0);

    const zoomedIn = levelView(layout, layout.nodes, 'hosts');
    expect(zoomedIn.nodes.filter((n) => n.hidden).every((n) => n.type === 'clustercard')).toBe(true);
    expect(zoomedIn.nodes.filter((n) => n.hidden)).toHaveLength(3);
    expect(zoomedIn.edges).toBe(layout.edges);
    // The same hidden copies across calls: memoised node components skip them.
    expect(levelView(layout, layout.nodes, 'clusters').nodes[5]).toBe(out.nodes[5]);
  });
});
