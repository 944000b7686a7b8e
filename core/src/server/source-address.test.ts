import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { normalizeAddress, parseTrustedProxies, sourceAddress } from './source-address';

const request = (peer: string | undefined, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('sourceAddress', () => {
  const none = parseTrustedProxies('');
  const proxies = parseTrustedProxies(' 127.0.0.1, 10.0.0.5 ,');

  it("is the connection's address unless a trusted proxy forwarded the request", () => {
    expect(sourceAddress(request('::ffff:192.0.2.1', '203.0.113.9'), none)).toBe('192.0.2.1');
    expect(sourceAddress(request('127.0.0.1', '203.0.113.9'), none)).toBe('127.0.0.1');
    expect(sourceAddress(request('192.0.2.1', '203.0.113.9'), proxies)).toBe('192.0.2.1');
  });

  it('takes the nearest X-Forwarded-For entry that is not a trusted proxy', () => {
    // The client may prepend anything: only the entries our proxies appended count.
    expect(sourceAddress(request('127.0.0.1', '6.6.6.6, 203.0.113.9, 10.0.0.5'), proxies)).toBe('203.0.113.9');
    expect(sourceAddress(request('::ffff:127.0.0.1', '203.0.113.9'), proxies)).toBe('203.0.113.9');
    expect(sourceAddress(request('127.0.0.1', 'not-an-address, 2001:db8::1'), proxies)).toBe('2001:db8::1');
    expect(sourceAddress(request('127.0.0.1', '10.0.0.5'), proxies)).toBe('10.0.0.5');
    expect(sourceAddress(request('127.0.0.1'), proxies)).toBe('127.0.0.1');
  });

  it('normalizes IPv4-mapped IPv6 addresses', () => {
    expect(normalizeAddress('::FFFF:10.1.2.3')).toBe('10.1.2.3');
    expect(normalizeAddress(' 2001:DB8::1 ')).toBe('2001:db8::1');
  });
});
