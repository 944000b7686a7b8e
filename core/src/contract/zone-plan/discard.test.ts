import { describe, expect, it } from 'vitest';
import { discardPlan, resourcesOf } from './discard';

describe('discardPlan', () => {
  it('deletes what was created innermost first, newest first, forcing pools and hosts, skipping look-ups', () => {
    const created = [
      { ref: 'zone', kind: 'zone' as const, label: 'Lab' },
      { ref: 'network.n1', kind: 'physicalNetwork' as const },
      { ref: 'network.n1.provider.VirtualRouter', kind: 'provider' as const },
      { ref: 'network.n1.provider.VirtualRouter.element', kind: 'vrElement' as const },
      { ref: 'pod', kind: 'pod' as const },
      { ref: 'publicRange.r1', kind: 'vlan' as const },
      { ref: 'cluster', kind: 'cluster' as const },
      { ref: 'host.h1', kind: 'host' as const },
      { ref: 'host.h2', kind: 'host' as const, label: 'http://sim/h2' },
      { ref: 'primary.p1', kind: 'storagePool' as const },
      { ref: 'secondary.s1', kind: 'imageStore' as const },
    ];
    const plan = discardPlan(created);
    expect(plan.map((c) => [c.command, c.key])).toEqual([
      ['deleteImageStore', 'secondary.s1'],
      ['deleteStoragePool', 'primary.p1'],
      ['deleteHost', 'host.h2'],
      ['deleteHost', 'host.h1'],
      ['deleteCluster', 'cluster'],
      ['deleteVlanIpRange', 'publicRange.r1'],
      ['deletePod', 'pod'],
      ['deletePhysicalNetwork', 'network.n1'],
      ['deleteZone', 'zone'],
    ]);
    expect(plan[1]!.params).toEqual({ id: { ref: 'primary.p1', kind: 'storagePool' }, forced: true });
    expect(plan[2]!.params).toEqual({ id: { ref: 'host.h2', kind: 'host' }, forced: true });
    expect(plan[2]!.label).toBe('Delete host http://sim/h2 (host.h2)');
    expect(resourcesOf(created)).toHaveLength(9);
  });

  it('deletes only the zone when nothing else was created', () => {
    expect(discardPlan([{ ref: 'zone', kind: 'zone' }]).map((c) => c.command)).toEqual(['deleteZone']);
    expect(discardPlan([])).toEqual([]);
  });
});
