import { describe, expect, it } from 'vitest';
import { podAddresses } from './address';

describe('podAddresses', () => {
  const pod = { cidr: '10.1.0.0/24', gateway: '10.1.0.1', reservedStart: '10.1.0.2', reservedEnd: '10.1.0.250' };

  it('starts at a stable pick in the subnet, outside the reserved range and the gateway', () => {
    const firsts = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const [first] = podAddresses(`http://sim/c0/h${i}`, pod);
      expect(first).toMatch(/^10\.1\.0\.(25[1-4])$/);
      expect([...podAddresses(`http://sim/c0/h${i}`, pod)][0]).toBe(first);
      firsts.add(first!);
    }
    expect(firsts.size).toBe(4);
    const wide = { cidr: '10.2.0.0/16', gateway: '10.2.255.254', reservedStart: '10.2.0.10', reservedEnd: '10.2.0.20' };
    const [ip] = podAddresses('http://sim/x', wide);
    expect(ip!.startsWith('10.2.')).toBe(true);
    expect(ip).not.toBe('10.2.255.254');
  });

  it('then offers every other usable address once, round the subnet', () => {
    const all = [...podAddresses('http://sim/a', pod)];
    expect([...all].sort()).toEqual(['10.1.0.251', '10.1.0.252', '10.1.0.253', '10.1.0.254']);
    const wide = { cidr: '10.3.0.0/22', gateway: '10.3.0.1', reservedStart: '10.3.0.2', reservedEnd: '10.3.0.9' };
    const offered = [...podAddresses('http://sim/b', wide)];
    expect(offered).toHaveLength(1022 - 1 - 8);
    expect(new Set(offered).size).toBe(offered.length);
  });

  it('offers nothing when the reserved range fills the subnet or the subnet is not one', () => {
    expect([...podAddresses('http://sim/a', { ...pod, reservedEnd: '10.1.0.254' })]).toEqual([]);
    expect([...podAddresses('http://sim/a', { ...pod, cidr: 'junk' })]).toEqual([]);
  });
});
