import { describe, expect, it } from 'vitest';
import { podAddressFor } from './address';

describe('podAddressFor', () => {
  const pod = { cidr: '10.1.0.0/24', gateway: '10.1.0.1', reservedStart: '10.1.0.2', reservedEnd: '10.1.0.250' };

  it('picks a stable address in the subnet, outside the reserved range and the gateway', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const ip = podAddressFor(`http://sim/c0/h${i}`, pod, 'fallback');
      expect(ip).toMatch(/^10\.1\.0\.(25[1-4])$/);
      expect(podAddressFor(`http://sim/c0/h${i}`, pod, 'fallback')).toBe(ip);
      seen.add(ip);
    }
    expect(seen.size).toBe(4);
    const wide = { cidr: '10.2.0.0/16', gateway: '10.2.255.254', reservedStart: '10.2.0.10', reservedEnd: '10.2.0.20' };
    const ip = podAddressFor('http://sim/x', wide, 'fallback');
    expect(ip.startsWith('10.2.')).toBe(true);
    expect(ip).not.toBe('10.2.255.254');
  });

  it('keeps the fallback when the reserved range fills the subnet', () => {
    expect(podAddressFor('http://sim/a', { ...pod, reservedEnd: '10.1.0.254' }, '172.16.1.1')).toBe('172.16.1.1');
    expect(podAddressFor('http://sim/a', { ...pod, cidr: 'junk' }, '172.16.1.1')).toBe('172.16.1.1');
  });
});
