import { describe, expect, it } from 'vitest';
import { CHECK_WIDTH, columnStyles, FLEXIBLE_MIN, fitColumns, isUniform, type LayoutColumn } from './data-table-layout';

function column(id: string, size: number | undefined, more: Partial<LayoutColumn> = {}): LayoutColumn {
  return { id, size, priority: undefined, uniform: false, pinned: false, ...more };
}

// A hosts list: name and state never give way; location gives way before IP, hypervisor first.
const HOSTS = [
  column('name', 150),
  column('state', 200),
  column('ipaddress', 120, { priority: 1 }),
  column('cluster', undefined, { priority: 2 }),
  column('hypervisor', 100, { priority: 3 }),
  column('memory', 150),
  column('actions', 44),
];
const ALL = 150 + 200 + 120 + FLEXIBLE_MIN + 100 + 150 + 44 + CHECK_WIDTH;
const ids = (list: LayoutColumn[]) => list.map((c) => c.id);

describe('isUniform', () => {
  it('is true only for two rows or more that all hold the same value', () => {
    expect(isUniform(['Simulator', 'Simulator', 'Simulator'])).toBe(true);
    expect(isUniform(['Simulator', 'KVM', 'Simulator'])).toBe(false);
    // One row says nothing about the others; no rows say nothing at all.
    expect(isUniform(['Simulator'])).toBe(false);
    expect(isUniform([])).toBe(false);
    expect(isUniform([0, 0])).toBe(true);
    expect(isUniform([0, '0'])).toBe(false);
    expect(isUniform([Number.NaN, Number.NaN])).toBe(true);
  });
});

describe('fitColumns', () => {
  it('shows every column when they fit, and before the width is known', () => {
    expect(ids(fitColumns(HOSTS, ALL, CHECK_WIDTH).shown)).toEqual(ids(HOSTS));
    expect(fitColumns(HOSTS, undefined, CHECK_WIDTH).hidden.size).toBe(0);
  });

  it('drops the highest priority number first, only as many as needed to fit', () => {
    const oneShort = fitColumns(HOSTS, ALL - 1, CHECK_WIDTH);
    expect(ids(oneShort.shown)).toEqual(['name', 'state', 'ipaddress', 'cluster', 'memory', 'actions']);
    expect([...oneShort.hidden]).toEqual([['hypervisor', 'narrow']]);
    const narrow = fitColumns(HOSTS, ALL - 100 - FLEXIBLE_MIN - 1, CHECK_WIDTH);
    expect(ids(narrow.shown)).toEqual(['name', 'state', 'memory', 'actions']);
    expect(narrow.hidden.get('ipaddress')).toBe('narrow');
  });

  it('never drops names, states, actions or a column without a priority, even far too narrow', () => {
    const tiny = fitColumns(HOSTS, 300, CHECK_WIDTH);
    expect(ids(tiny.shown)).toEqual(['name', 'state', 'memory', 'actions']);
    // An actions column given a priority by mistake still stays.
    const odd = fitColumns([column('name', 100), column('actions', 44, { priority: 9 })], 10, 0);
    expect(ids(odd.shown)).toEqual(['name', 'actions']);
  });

  it('leaves out a column with the same value in every row whatever the width, but not one without a priority', () => {
    const simulator = HOSTS.map((c) => (c.id === 'hypervisor' || c.id === 'state' ? { ...c, uniform: true } : c));
    const wide = fitColumns(simulator, 5000, CHECK_WIDTH);
    expect(ids(wide.shown)).toEqual(['name', 'state', 'ipaddress', 'cluster', 'memory', 'actions']);
    expect([...wide.hidden]).toEqual([['hypervisor', 'uniform']]);
  });

  it('keeps a pinned column on screen: neither uniform nor narrow hides it, the others give way instead', () => {
    const pinned = HOSTS.map((c) => (c.id === 'hypervisor' ? { ...c, uniform: true, pinned: true } : c));
    const layout = fitColumns(pinned, ALL - 1, CHECK_WIDTH);
    expect(ids(layout.shown)).toEqual(['name', 'state', 'ipaddress', 'hypervisor', 'memory', 'actions']);
    expect([...layout.hidden]).toEqual([['cluster', 'narrow']]);
  });
});

describe('columnStyles', () => {
  it('gives fixed columns their size and flexible ones the rest', () => {
    const styles = columnStyles(HOSTS);
    expect(styles.get('name')).toEqual({ flex: '0 0 150px' });
    expect(styles.get('cluster')).toEqual({ flex: `1 0 ${FLEXIBLE_MIN}px` });
    expect(styles.get('memory')).toEqual({ flex: '0 0 150px' });
    expect(styles.get('actions')).toEqual({ flex: '0 0 44px' });
  });

  it('lets the last data column grow when no flexible column is left, never the actions', () => {
    const { shown } = fitColumns(
      HOSTS.filter((c) => c.id !== 'cluster'),
      5000,
      CHECK_WIDTH,
    );
    const styles = columnStyles(shown);
    expect(styles.get('memory')).toEqual({ flex: '1 0 150px' });
    expect(styles.get('name')).toEqual({ flex: '0 0 150px' });
    expect(styles.get('actions')).toEqual({ flex: '0 0 44px' });
  });
});
