import { describe, expect, it } from 'vitest';
import * as ipv4 from './ipv4';

describe('ipv4', () => {
  it('parses and formats addresses', () => {
    expect(ipv4.isIpv4('192.168.1.10')).toBe(true);
    expect(ipv4.isIpv4(' 192.168.1.10')).toBe(false);
    expect(ipv4.isIpv4('192.168.01.10')).toBe(false);
    expect(ipv4.isIpv4('256.1.1.1')).toBe(false);
    expect(ipv4.isIpv4('1.1.1')).toBe(false);
    expect(ipv4.ipToNumber(' 10.0.0.1 ')).toBe(167772161);
    expect(ipv4.ipToNumber('255.255.255.255')).toBe(4294967295);
    expect(ipv4.ipToNumber('10.0.0')).toBeUndefined();
    expect(ipv4.numberToIp(167772161)).toBe('10.0.0.1');
    expect(ipv4.numberToIp(4294967295)).toBe('255.255.255.255');
  });

  it('reads contiguous netmasks only', () => {
    expect(ipv4.netmaskToPrefix('255.255.255.0')).toBe(24);
    expect(ipv4.netmaskToPrefix('255.255.240.0')).toBe(20);
    expect(ipv4.netmaskToPrefix('255.255.255.255')).toBe(32);
    expect(ipv4.netmaskToPrefix('0.0.0.0')).toBe(0);
    expect(ipv4.netmaskToPrefix('255.0.255.0')).toBeUndefined();
    expect(ipv4.netmaskToPrefix('x')).toBeUndefined();
  });

  it('builds and parses CIDR blocks', () => {
    const block = ipv4.cidrFromGateway('172.16.15.1', '255.255.240.0')!;
    expect(ipv4.formatCidr(block)).toBe('172.16.0.0/20');
    expect(ipv4.numberToIp(block.first)).toBe('172.16.0.0');
    expect(ipv4.numberToIp(block.last)).toBe('172.16.15.255');
    expect(ipv4.cidrFromGateway('172.16.15.1', '255.0.255.0')).toBeUndefined();
    expect(ipv4.parseCidr('10.1.1.7/24')).toEqual(ipv4.cidrOf(ipv4.ipToNumber('10.1.1.0')!, 24));
    expect(ipv4.parseCidr('10.1.1.0/33')).toBeUndefined();
    expect(ipv4.parseCidr('10.1.1.0/24/1')).toBeUndefined();
    expect(ipv4.parseCidr('10.1.1.0')).toBeUndefined();
  });

  it('checks membership, overlaps and sizes', () => {
    const block = ipv4.parseCidr('10.1.1.0/24')!;
    expect(ipv4.cidrContains(block, ipv4.ipToNumber('10.1.1.255')!)).toBe(true);
    expect(ipv4.cidrContains(block, ipv4.ipToNumber('10.1.2.0')!)).toBe(false);
    expect(ipv4.rangesOverlap({ start: 1, end: 5 }, { start: 5, end: 9 })).toBe(true);
    expect(ipv4.rangesOverlap({ start: 1, end: 4 }, { start: 5, end: 9 })).toBe(false);
    expect(ipv4.rangeSize('10.0.0.1', '10.0.1.0')).toBe(256);
    expect(ipv4.rangeSize('10.0.0.9', '10.0.0.1')).toBe(0);
    expect(ipv4.rangeSize('10.0.0.9', '')).toBe(0);
  });
});
