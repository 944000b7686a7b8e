import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  cidrFromGateway,
  cidrOf,
  cidrsOverlap,
  formatCidr,
  ipToNumber,
  isIpv4,
  netmaskToPrefix,
  numberToIp,
  parseCidr,
  prefixToNetmask,
  rangesOverlap,
  rangeSize,
} from './ipv4';

describe('ipv4', () => {
  it('accepts dotted quads and refuses everything else', () => {
    for (const ok of ['0.0.0.0', '10.1.1.1', '172.16.15.200', '255.255.255.255', '192.168.0.0']) {
      expect(isIpv4(ok)).toBe(true);
    }
    for (const bad of [
      '',
      '10.1.1',
      '10.1.1.1.1',
      '256.1.1.1',
      '10.1.1.-1',
      '10.01.1.1',
      '10.1.1.1 ',
      ' 10.1.1.1',
      'a.b.c.d',
      '10..1.1',
      '1e1.1.1.1',
      '::1',
    ]) {
      expect(isIpv4(bad), bad).toBe(false);
      expect(ipToNumber(bad), bad).toBeUndefined();
    }
  });

  it('converts addresses to unsigned numbers and back, at both ends of the space', () => {
    expect(ipToNumber('0.0.0.0')).toBe(0);
    expect(ipToNumber('0.0.0.1')).toBe(1);
    expect(ipToNumber('10.1.1.1')).toBe(0x0a010101);
    expect(ipToNumber('192.168.1.1')).toBe(3232235777);
    expect(ipToNumber('255.255.255.255')).toBe(4294967295);
    for (const ip of [
      '0.0.0.0',
      '1.2.3.4',
      '127.0.0.1',
      '128.0.0.0',
      '192.168.1.1',
      '255.255.255.254',
      '255.255.255.255',
    ]) {
      expect(numberToIp(ipToNumber(ip) as number)).toBe(ip);
    }
    // Numbers above 2^31 stay positive (no sign trouble from bit operators).
    expect(ipToNumber('200.0.0.0')).toBeGreaterThan(2 ** 31);
  });

  it('reads every contiguous netmask and refuses the others', () => {
    for (let prefix = 0; prefix <= 32; prefix++) {
      const mask = prefixToNetmask(prefix);
      expect(netmaskToPrefix(mask), mask).toBe(prefix);
    }
    expect(prefixToNetmask(0)).toBe('0.0.0.0');
    expect(prefixToNetmask(1)).toBe('128.0.0.0');
    expect(prefixToNetmask(24)).toBe('255.255.255.0');
    expect(prefixToNetmask(32)).toBe('255.255.255.255');
    for (const bad of [
      '255.0.255.0',
      '255.255.255.1',
      '0.255.255.255',
      '255.255.254.255',
      '127.0.0.0',
      '255.255.256.0',
      '24',
    ]) {
      expect(netmaskToPrefix(bad), bad).toBeUndefined();
    }
  });

  it('parses CIDRs to their block, with any address inside', () => {
    expect(parseCidr('10.1.1.0/24')).toEqual({
      network: ipToNumber('10.1.1.0'),
      prefix: 24,
      first: ipToNumber('10.1.1.0'),
      last: ipToNumber('10.1.1.255'),
    });
    expect(parseCidr('10.1.1.77/24')?.network).toBe(ipToNumber('10.1.1.0'));
    expect(parseCidr('0.0.0.0/0')).toMatchObject({ first: 0, last: 4294967295 });
    expect(parseCidr('192.168.5.5/32')).toMatchObject({
      first: ipToNumber('192.168.5.5'),
      last: ipToNumber('192.168.5.5'),
    });
    expect(parseCidr('255.255.255.255/31')).toMatchObject({ first: ipToNumber('255.255.255.254'), last: 4294967295 });
    for (const bad of [
      '10.1.1.0',
      '10.1.1.0/33',
      '10.1.1.0/-1',
      '10.1.1.0/',
      '10.1.1.0/24/1',
      '10.1.1/24',
      '10.1.1.0/2a',
      '10.1.1.0/024',
    ]) {
      expect(parseCidr(bad), bad).toBeUndefined();
    }
    expect(formatCidr(parseCidr('172.16.15.9/20')!)).toBe('172.16.0.0/20');
    expect(formatCidr(cidrOf(ipToNumber('203.0.113.77')!, 28))).toBe('203.0.113.64/28');
  });

  it('derives the block from a gateway and netmask', () => {
    const c = cidrFromGateway('172.16.15.1', '255.255.255.0');
    expect(c && formatCidr(c)).toBe('172.16.15.0/24');
    expect(c && numberToIp(c.last)).toBe('172.16.15.255');
    const wide = cidrFromGateway('10.0.3.254', '255.255.252.0');
    expect(wide && formatCidr(wide)).toBe('10.0.0.0/22');
    expect(cidrFromGateway('172.16.15.1', '255.0.255.0')).toBeUndefined();
    expect(cidrFromGateway('172.16.15.300', '255.255.255.0')).toBeUndefined();
  });

  it('tells containment and overlap, ends included', () => {
    const c = parseCidr('10.0.0.0/24')!;
    expect(cidrContains(c, ipToNumber('10.0.0.0')!)).toBe(true);
    expect(cidrContains(c, ipToNumber('10.0.0.255')!)).toBe(true);
    expect(cidrContains(c, ipToNumber('10.0.1.0')!)).toBe(false);
    expect(cidrContains(c, ipToNumber('9.255.255.255')!)).toBe(false);

    expect(rangesOverlap({ start: 1, end: 5 }, { start: 5, end: 9 })).toBe(true);
    expect(rangesOverlap({ start: 1, end: 5 }, { start: 6, end: 9 })).toBe(false);
    expect(rangesOverlap({ start: 3, end: 3 }, { start: 1, end: 9 })).toBe(true);
    expect(rangesOverlap({ start: 10, end: 20 }, { start: 1, end: 9 })).toBe(false);

    expect(cidrsOverlap(parseCidr('10.0.0.0/16')!, parseCidr('10.0.5.0/24')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('10.0.0.0/24')!, parseCidr('10.0.1.0/24')!)).toBe(false);
    expect(cidrsOverlap(parseCidr('10.0.0.0/23')!, parseCidr('10.0.1.128/25')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('0.0.0.0/0')!, parseCidr('255.255.255.255/32')!)).toBe(true);
  });

  it('counts the addresses of a range, ends included, and 0 for one that is not a range', () => {
    expect(rangeSize('10.0.0.1', '10.0.1.0')).toBe(256);
    expect(rangeSize('10.0.0.5', '10.0.0.5')).toBe(1);
    expect(rangeSize('10.0.0.9', '10.0.0.1')).toBe(0);
    expect(rangeSize('10.0.0.9', '')).toBe(0);
  });
});
