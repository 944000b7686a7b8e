import { describe, expect, it } from 'vitest';
import {
  checkIpRange,
  countVlans,
  duplicateCheck,
  guestCidrProblem,
  hostUrlProblem,
  ipv4Problem,
  netmaskProblem,
  networkDomainProblem,
  normaliseUrl,
  parseVlanRanges,
  parseVlanTag,
  spanProblems,
  splitTags,
  storageUrlProblem,
  subnetVlanProblems,
  tagsProblem,
  vlanInRangesProblem,
} from './checks';

describe('addresses', () => {
  it('checks IPv4 addresses, netmasks and guest CIDRs as typed', () => {
    expect(ipv4Problem(' 10.0.0.1 ')).toBeUndefined();
    expect(ipv4Problem('8.8.8')).toEqual({ code: 'ip' });
    expect(ipv4Problem('')).toEqual({ code: 'required' });
    expect(ipv4Problem('  ', true)).toBeUndefined();
    expect(netmaskProblem('255.255.255.0')).toBeUndefined();
    expect(netmaskProblem('255.255.0.255')).toEqual({ code: 'netmask' });
    expect(netmaskProblem('255.255.255.255')).toEqual({ code: 'netmask' });
    expect(guestCidrProblem('10.1.1.0/24')).toBeUndefined();
    expect(guestCidrProblem('10.1.1.5/24')).toEqual({ code: 'cidrNetwork', vars: { cidr: '10.1.1.0/24' } });
    expect(guestCidrProblem('10.1.1.0/30')).toEqual({ code: 'cidr' });
    expect(guestCidrProblem('10.1.1/24')).toEqual({ code: 'cidr' });
  });
});

describe('IP ranges', () => {
  const range = (gateway: string, netmask: string, startip: string, endip: string) =>
    checkIpRange({ gateway, netmask, startip, endip });

  it('accepts a range inside its subnet with the gateway outside', () => {
    const checked = range('10.0.0.1', '255.255.255.0', '10.0.0.10', ' 10.0.0.20');
    expect(checked.problems).toEqual({});
    expect(checked.span).toEqual({ start: 167772170, end: 167772180, gateway: 167772161, text: '10.0.0.10-10.0.0.20' });
  });

  it('flags addresses outside the subnet, its broadcast address, a reversed range and the gateway inside', () => {
    expect(range('10.0.0.1', '255.255.255.0', '10.0.1.10', '10.0.0.20').problems).toMatchObject({
      startip: { code: 'outsideCidr', vars: { cidr: '10.0.0.0/24' } },
    });
    expect(range('10.0.0.1', '255.255.255.0', '10.0.0.10', '10.0.0.255').problems).toMatchObject({
      endip: { code: 'reservedAddress' },
    });
    expect(range('10.0.0.1', '255.255.255.0', '10.0.0.30', '10.0.0.20').problems).toEqual({
      endip: { code: 'endBeforeStart' },
    });
    expect(range('10.0.0.15', '255.255.255.0', '10.0.0.10', '10.0.0.20').problems).toEqual({
      gateway: { code: 'gatewayInRange' },
    });
    const broken = range('10.0.0.1', '255.0.255.0', '10.0.0.x', '');
    expect(broken.problems).toEqual({
      netmask: { code: 'netmask' },
      startip: { code: 'ip' },
      endip: { code: 'required' },
    });
    expect(broken.span).toBeUndefined();
  });

  it('flags a range overlapping an earlier one and a gateway inside another range', () => {
    const problems = spanProblems([
      { id: 'a', start: 10, end: 20, gateway: 1, text: 'A' },
      { id: 'b', start: 15, end: 30, gateway: 12, text: 'B' },
      { id: 'c', start: 40, end: 50, gateway: 1, text: 'C' },
    ]);
    expect(problems).toEqual([
      { id: 'b', field: 'startip', problem: { code: 'overlap', vars: { range: 'A' } } },
      { id: 'b', field: 'gateway', problem: { code: 'gatewayInOtherRange', vars: { range: 'A' } } },
    ]);
  });

  it('keeps one subnet on one VLAN with one gateway', () => {
    const base = { gateway: '192.168.100.1', netmask: '255.255.255.0' };
    expect(
      subnetVlanProblems([
        { id: 1, vlan: 50, ...base },
        { id: 2, vlan: 60, ...base },
        { id: 3, vlan: 50, ...base, gateway: '192.168.100.254' },
        { id: 4, vlan: null, gateway: '10.0.0.1', netmask: '255.255.255.0' },
      ]),
    ).toEqual([
      { id: 2, field: 'vlan', problem: { code: 'subnetOtherVlan', vars: { cidr: '192.168.100.0/24', vlan: '50' } } },
      {
        id: 3,
        field: 'gateway',
        problem: { code: 'subnetGateway', vars: { gateway: '192.168.100.1', netmask: '255.255.255.0' } },
      },
      { id: 3, field: 'vlan', problem: { code: 'subnetOtherVlan', vars: { cidr: '192.168.100.0/24', vlan: '60' } } },
    ]);
  });
});

describe('VLANs', () => {
  it('accepts lists of ranges within 1-4094', () => {
    const parsed = parseVlanRanges('300-349, 100-199,500');
    expect(parsed).toEqual({
      ok: true,
      ranges: [
        { start: 100, end: 199 },
        { start: 300, end: 349 },
        { start: 500, end: 500 },
      ],
    });
    if (parsed.ok) expect(countVlans(parsed.ranges)).toBe(151);
  });

  it('refuses out-of-bounds, reversed, malformed and self-overlapping ranges', () => {
    expect(parseVlanRanges('0-10')).toMatchObject({ ok: false, problem: { code: 'vlanBounds' } });
    expect(parseVlanRanges('4000-4095')).toEqual({
      ok: false,
      problem: { code: 'vlanBounds', vars: { part: '4000-4095', min: 1, max: 4094 } },
    });
    expect(parseVlanRanges('200-100')).toMatchObject({ ok: false, problem: { code: 'vlanOrder' } });
    expect(parseVlanRanges('10-x')).toMatchObject({ ok: false, problem: { code: 'vlanFormat' } });
    expect(parseVlanRanges(' , ')).toMatchObject({ ok: false, problem: { code: 'vlanFormat' } });
    expect(parseVlanRanges('100-199,150-160')).toEqual({
      ok: false,
      problem: { code: 'vlanSelfOverlap', vars: { a: '100-199', b: '150-160' } },
    });
  });

  it('reads VLAN tags and keeps them out of the guest ranges', () => {
    expect(parseVlanTag('')).toEqual({ ok: true, vlan: null });
    expect(parseVlanTag('untagged')).toEqual({ ok: true, vlan: null });
    expect(parseVlanTag('vlan://untagged')).toEqual({ ok: true, vlan: null });
    expect(parseVlanTag('vlan://50')).toEqual({ ok: true, vlan: 50 });
    expect(parseVlanTag(' 300 ')).toEqual({ ok: true, vlan: 300 });
    expect(parseVlanTag('4095')).toMatchObject({ ok: false, problem: { code: 'vlanTag' } });
    expect(parseVlanTag('0')).toMatchObject({ ok: false });
    const guest = [{ start: 100, end: 199 }];
    expect(vlanInRangesProblem(150, guest)).toEqual({ code: 'vlanInGuestRange', vars: { vlan: 150 } });
    expect(vlanInRangesProblem(50, guest)).toBeUndefined();
    expect(vlanInRangesProblem(null, guest)).toBeUndefined();
  });
});

describe('names, tags and URLs', () => {
  it('checks domains and tags', () => {
    expect(networkDomainProblem('cloud.example.com')).toBeUndefined();
    expect(networkDomainProblem('bad domain')).toEqual({ code: 'networkDomain' });
    expect(networkDomainProblem('')).toBeUndefined();
    expect(tagsProblem('ssd, gpu')).toBeUndefined();
    expect(tagsProblem('ssd;gpu')).toEqual({ code: 'tags' });
    expect(splitTags(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
  });

  it('takes Simulator hosts as http://sim/<path> and storage as nfs, file or a path', () => {
    expect(hostUrlProblem('http://sim/c0/h0', 'Simulator')).toBeUndefined();
    expect(hostUrlProblem('http://10.0.0.5', 'Simulator')).toEqual({ code: 'simulatorUrl' });
    expect(hostUrlProblem('HTTP://sim/t1/h0/', 'Simulator')).toEqual({ code: 'simulatorUrl' });
    expect(hostUrlProblem('http://10.0.0.5', 'KVM')).toBeUndefined();
    expect(hostUrlProblem('ssh://10.0.0.5', 'KVM')).toEqual({ code: 'hostUrl' });
    expect(hostUrlProblem(' ')).toEqual({ code: 'required' });
    expect(storageUrlProblem('nfs://10.0.0.1/export/primary')).toBeUndefined();
    expect(storageUrlProblem('/var/lib/stackyard/primary')).toBeUndefined();
    expect(storageUrlProblem('file:///srv/secondary')).toBeUndefined();
    expect(storageUrlProblem('smb://x/y')).toEqual({ code: 'storageUrl' });
  });

  it('finds duplicates: names ignoring case, URLs normalised', () => {
    const name = duplicateCheck('duplicateName');
    expect(name('Primary')).toBeUndefined();
    expect(name(' primary ')).toEqual({ code: 'duplicateName' });
    const url = duplicateCheck('duplicateUrl', normaliseUrl);
    expect(url('http://sim/t1/h0')).toBeUndefined();
    expect(url('HTTP://sim/t1/h0/')).toEqual({ code: 'duplicateUrl' });
  });
});
