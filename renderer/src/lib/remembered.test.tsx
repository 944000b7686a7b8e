// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePageSize } from '../components/table-pager';
import { forgetRemembered, useRemembered } from './remembered';

const isFlags = (v: unknown): v is Record<string, boolean> => typeof v === 'object' && v !== null;

describe('remembered choices', () => {
  afterEach(() => forgetRemembered());

  it('keeps a page size per list for the next visit, and ignores sizes the pager no longer offers', () => {
    const first = renderHook(() => usePageSize('listHosts'));
    expect(first.result.current[0]).toBe(100);
    act(() => first.result.current[1](500));
    first.unmount();

    expect(renderHook(() => usePageSize('listHosts')).result.current[0]).toBe(500);
    expect(renderHook(() => usePageSize('listClusters')).result.current[0]).toBe(100);

    localStorage.setItem('stackyard.remembered.pagesize.listPods', '37');
    expect(renderHook(() => usePageSize('listPods')).result.current[0]).toBe(100);
  });

  it('remembers nothing without a key, and forgets on request', () => {
    const keyless = renderHook(() => useRemembered(undefined, {}, isFlags));
    act(() => keyless.result.current[1]({ ip: false }));
    expect(Object.keys(localStorage).filter((k) => k.startsWith('stackyard.remembered.'))).toEqual([]);

    const kept = renderHook(() => useRemembered('columns.hosts-table', {}, isFlags));
    act(() => kept.result.current[1]({ hypervisor: false }));
    expect(renderHook(() => useRemembered('columns.hosts-table', {}, isFlags)).result.current[0]).toEqual({
      hypervisor: false,
    });
    forgetRemembered();
    expect(renderHook(() => useRemembered('columns.hosts-table', {}, isFlags)).result.current[0]).toEqual({});
  });
});
