import { describe, expect, it, vi } from 'vitest';
import type { Caller } from './caller';
import type { LiveMessage } from './core-services';
import { LiveFeed, visibleTo, type LiveWireMessage } from './live-feed';

const base: Caller = {
  userId: 10,
  userUuid: 'u',
  username: 'x',
  accountId: 10,
  accountUuid: 'a',
  accountName: 'acc',
  accountType: 0,
  domainId: 4,
  domainUuid: 'd',
  domainIdPath: '/1/4/',
  domainPath: 'ROOT/sales',
  roleId: 4,
  roleType: 'User',
  via: 'ipc',
};
const rootAdmin: Caller = { ...base, roleType: 'Admin', accountType: 1, domainId: 1, domainIdPath: '/1/' };
const domainAdmin: Caller = { ...base, roleType: 'DomainAdmin', accountType: 2 };
const paths = new Map([
  [1, '/1/'],
  [4, '/1/4/'],
  [5, '/1/4/5/'],
  [6, '/1/6/'],
]);
const lookup = async (id: number) => paths.get(id);

describe('the live feed: who sees what', () => {
  it('root admins see everything, including system messages', async () => {
    expect(await visibleTo(rootAdmin, { accountId: null, domainId: null }, lookup)).toBe(true);
    expect(await visibleTo(rootAdmin, { accountId: 99, domainId: 6 }, lookup)).toBe(true);
  });

  it('domain admins see their subtree and their own account', async () => {
    expect(await visibleTo(domainAdmin, { accountId: 50, domainId: 4 }, lookup)).toBe(true);
    expect(await visibleTo(domainAdmin, { accountId: 51, domainId: 5 }, lookup)).toBe(true);
    expect(await visibleTo(domainAdmin, { accountId: 52, domainId: 6 }, lookup)).toBe(false);
    expect(await visibleTo(domainAdmin, { accountId: 53, domainId: 1 }, lookup)).toBe(false);
    expect(await visibleTo(domainAdmin, { accountId: null, domainId: null }, lookup)).toBe(false);
  });

  it('users see their own account only', async () => {
    expect(await visibleTo(base, { accountId: 10, domainId: 4 }, lookup)).toBe(true);
    expect(await visibleTo(base, { accountId: 11, domainId: 4 }, lookup)).toBe(false);
    expect(await visibleTo(base, { accountId: null, domainId: null }, lookup)).toBe(false);
  });

  it('forwards in order, strips the scope, and stops on unsubscribe', async () => {
    let listener: ((m: LiveMessage) => void) | undefined;
    const events = { subscribe: (l: (m: LiveMessage) => void) => ((listener = l), () => (listener = undefined)) };
    const sent: LiveWireMessage[] = [];
    const slowLookup = vi.fn(async (id: number) => {
      await new Promise((r) => setTimeout(r, id === 5 ? 20 : 1));
      return paths.get(id);
    });
    const stop = new LiveFeed(events, slowLookup).subscribe({
      viewer: () => domainAdmin,
      send: (m) => sent.push(m),
    });
    listener!({ kind: 'event', scope: { accountId: 70, domainId: 5 }, event: { id: 'first' } });
    listener!({ kind: 'job', scope: { accountId: 71, domainId: 6 }, job: { jobid: 'hidden' } });
    listener!({ kind: 'job', scope: { accountId: 72, domainId: 4 }, job: { jobid: 'second' } });
    listener!({ kind: 'event', scope: { accountId: 73, domainId: 5 }, event: { id: 'third' } });
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(sent).toEqual([
      { kind: 'event', event: { id: 'first' } },
      { kind: 'job', job: { jobid: 'second' } },
      { kind: 'event', event: { id: 'third' } },
    ]);
    // Domain 5 was looked up once (cached); domain 4 is the admin's own and needs no lookup.
    expect(slowLookup.mock.calls.map(([id]) => id).sort()).toEqual([5, 6]);
    stop();
    expect(listener).toBeUndefined();
  });

  it('sends nothing while no operator is signed in', async () => {
    let listener: ((m: LiveMessage) => void) | undefined;
    const sent: LiveWireMessage[] = [];
    new LiveFeed({ subscribe: (l) => ((listener = l), () => undefined) }, lookup).subscribe({
      viewer: () => undefined,
      send: (m) => sent.push(m),
    });
    listener!({ kind: 'event', scope: { accountId: null, domainId: null }, event: {} });
    await new Promise((r) => setTimeout(r, 10));
    expect(sent).toEqual([]);
  });
});
