import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors';
import { pageWindow } from './paging';

const config = { get: <T>() => 500 as T };

describe('CloudStack list window', () => {
  it('caps an unpaged list at default.page.size', () => {
    expect(pageWindow({}, config)).toEqual({ limit: 500, offset: 0 });
  });
  it('pages with page and pagesize', () => {
    expect(pageWindow({ page: 3, pagesize: 20 }, config)).toEqual({ limit: 20, offset: 40 });
    expect(pageWindow({ page: 2 }, config)).toEqual({ limit: 500, offset: 500 });
  });
  it('lifts the limit with pagesize -1', () => {
    expect(pageWindow({ pagesize: -1 }, config)).toBeUndefined();
  });
  it.each([0, -2, 501])('refuses pagesize %i', (pagesize) => {
    expect(() => pageWindow({ pagesize }, config)).toThrow(DomainError);
  });
});
