import { describe, expect, it } from 'vitest';
import { emptyDraft, labPreset, type ZoneDraft } from './draft';
import {
  cidrContains,
  cidrFromGateway,
  checkIpRange,
  checkOverlaps,
  countVlans,
  netmaskToPrefix,
  parseCidr,
  parseVlanRanges,
  parseVlanTag,
  rangeSize,
  validateDraft,
  type FieldErrors,
} from './validators';

const lab = (): ZoneDraft => labPreset('t1', 'Lab');

describe('IPv4 helpers', () => {
  it('reads netmasks and CIDRs', () => {
    expect(netmaskToPrefix('255.255.255.0')).toBe(24);
    expect(netmaskToPrefix('255.255.0.255')).toBeUndefined();
    expect(netmaskToPrefix('255.255.255.256')).toBeUndefined();
    const cidr = parseCidr('10.1.1.0/24')!;
    expect(cidr.prefix).toBe(24);
    expect(parseCidr('10.1.1.0/33')).toBeUndefined();
    expect(parseCidr('10.1.1/24')).toBeUndefined();
  });

  it('tells CIDR membership from gateway and netmask', () => {
    const cidr = cidrFromGateway('172.16.15.1', '255.255.255.0')!;
    expect(cidrContains(cidr, 172 * 2 ** 24 + 16 * 2 ** 16 + 15 * 256 + 200)).toBe(true);
    expect(cidrContains(cidr, 172 * 2 ** 24 + 16 * 2 ** 16 + 16 * 256 + 1)).toBe(false);
    expect(rangeSize('10.0.0.10', '10.0.0.19')).toBe(10);
    expect(rangeSize('10.0.0.19', '10.0.0.10')).toBe(0);
  });
});

describe('VLAN bounds', () => {
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
    expect(parseVlanRanges('0-10')).toMatchObject({ ok: false, error: { key: 'wizard.error.vlanBounds' } });
    expect(parseVlanRanges('4000-4095')).toMatchObject({ ok: false, error: { key: 'wizard.error.vlanBounds' } });
    expect(parseVlanRanges('200-100')).toMatchObject({ ok: false, error: { key: 'wizard.error.vlanOrder' } });
    expect(parseVlanRanges('10-x')).toMatchObject({ ok: false, error: { key: 'wizard.error.vlanFormat' } });
    expect(parseVlanRanges('100-199,150-160')).toMatchObject({
      ok: false,
      error: { key: 'wizard.error.vlanSelfOverlap', vars: { a: '100-199', b: '150-160' } },
    });
  });

  it('reads public range VLAN tags', () => {
    expect(parseVlanTag('')).toEqual({ ok: true, vlan: null });
    expect(parseVlanTag('untagged')).toEqual({ ok: true, vlan: null });
    expect(parseVlanTag('vlan://50')).toEqual({ ok: true, vlan: 50 });
    expect(parseVlanTag('4095')).toMatchObject({ ok: false });
    expect(parseVlanTag('0')).toMatchObject({ ok: false });
  });
});

describe('IP ranges', () => {
  const check = (range: { gateway: string; netmask: string; startip: string; endip: string }) => {
    const errors: FieldErrors = {};
    const result = checkIpRange(range, 'r', errors);
    return { errors, result };
  };

  it('accepts a range inside its subnet with the gateway outside', () => {
    const { errors, result } = check({
      gateway: '10.0.0.1',
      netmask: '255.255.255.0',
      startip: '10.0.0.10',
      endip: '10.0.0.20',
    });
    expect(errors).toEqual({});
    expect(result?.text).toBe('10.0.0.10-10.0.0.20');
  });

  it('flags addresses outside the CIDR, the broadcast address, a reversed range and the gateway inside', () => {
    expect(
      check({ gateway: '10.0.0.1', netmask: '255.255.255.0', startip: '10.0.1.10', endip: '10.0.0.20' }).errors,
    ).toMatchObject({ 'r.startip': { key: 'wizard.error.outsideCidr', vars: { cidr: '10.0.0.0/24' } } });
    expect(
      check({ gateway: '10.0.0.1', netmask: '255.255.255.0', startip: '10.0.0.10', endip: '10.0.0.255' }).errors,
    ).toMatchObject({ 'r.endip': { key: 'wizard.error.reservedAddress' } });
    expect(
      check({ gateway: '10.0.0.1', netmask: '255.255.255.0', startip: '10.0.0.30', endip: '10.0.0.20' }).errors,
    ).toMatchObject({ 'r.endip': { key: 'wizard.error.endBeforeStart' } });
    expect(
      check({ gateway: '10.0.0.15', netmask: '255.255.255.0', startip: '10.0.0.10', endip: '10.0.0.20' }).errors,
    ).toMatchObject({ 'r.gateway': { key: 'wizard.error.gatewayInRange' } });
    expect(check({ gateway: '10.0.0.1', netmask: '255.0.255.0', startip: '10.0.0.x', endip: '' }).errors).toMatchObject(
      {
        'r.netmask': { key: 'wizard.error.netmask' },
        'r.startip': { key: 'wizard.error.ip' },
        'r.endip': { key: 'common.required' },
      },
    );
  });

  it('flags overlapping ranges and a gateway inside another range', () => {
    const errors: FieldErrors = {};
    checkOverlaps(
      [
        { path: 'a', start: 10, end: 20, gateway: 1, text: 'A' },
        { path: 'b', start: 15, end: 30, gateway: 12, text: 'B' },
        { path: 'c', start: 40, end: 50, gateway: 1, text: 'C' },
      ],
      errors,
    );
    expect(errors['b.startip']).toEqual({ key: 'wizard.error.overlap', vars: { range: 'A' } });
    expect(errors['b.gateway']).toEqual({ key: 'wizard.error.gatewayInOtherRange', vars: { range: 'A' } });
    expect(errors['a.startip']).toBeUndefined();
    expect(errors['c.startip']).toBeUndefined();
  });
});

describe('validateDraft', () => {
  it('passes the lab preset, advanced and basic', () => {
    expect(validateDraft(lab())).toEqual({});
    expect(validateDraft({ ...lab(), networktype: 'Basic' })).toEqual({});
  });

  it('requires the essentials of an empty draft', () => {
    const errors = validateDraft(emptyDraft());
    for (const path of [
      'zone.name',
      'zone.dns1',
      'zone.internaldns1',
      'zone.guestcidraddress',
      'pod.name',
      'cluster.name',
    ]) {
      expect(errors[path], path).toEqual({ key: 'common.required' });
    }
    expect(errors['zone.dns2']).toBeUndefined();
  });

  it('checks zone fields as typed', () => {
    const d = lab();
    d.zone.dns1 = '8.8.8';
    d.zone.guestcidraddress = '10.1.1.5/24';
    d.zone.networkdomain = 'bad domain';
    const errors = validateDraft(d);
    expect(errors['zone.dns1']?.key).toBe('wizard.error.ip');
    expect(errors['zone.guestcidraddress']).toEqual({ key: 'wizard.error.cidrNetwork', vars: { cidr: '10.1.1.0/24' } });
    expect(errors['zone.networkdomain']?.key).toBe('wizard.error.networkDomain');
  });

  it('keeps public VLANs out of the guest VLAN range', () => {
    const d = lab();
    d.publicRanges[0]!.vlan = '150';
    const uid = d.publicRanges[0]!.uid;
    expect(validateDraft(d)[`publicRange.${uid}.vlan`]).toEqual({
      key: 'wizard.error.vlanInGuestRange',
      vars: { vlan: 150 },
    });
    d.publicRanges[0]!.vlan = '4095';
    expect(validateDraft(d)[`publicRange.${uid}.vlan`]?.key).toBe('wizard.error.vlanTag');
  });

  it('flags a public range overlapping the pod range and another public range', () => {
    const d = lab();
    const first = d.publicRanges[0]!;
    d.publicRanges.push({ ...first, uid: 'second', startip: '192.168.100.50', endip: '192.168.100.120' });
    const errors = validateDraft(d);
    expect(errors['publicRange.second.startip']).toEqual({
      key: 'wizard.error.overlap',
      vars: { range: '192.168.100.10-192.168.100.99' },
    });
    const d2 = lab();
    d2.publicRanges[0] = {
      ...d2.publicRanges[0]!,
      gateway: '172.16.15.1',
      netmask: '255.255.255.0',
      startip: '172.16.15.90',
      endip: '172.16.15.120',
    };
    expect(validateDraft(d2)[`publicRange.${d2.publicRanges[0]!.uid}.startip`]).toEqual({
      key: 'wizard.error.overlap',
      vars: { range: '172.16.15.10-172.16.15.99' },
    });
  });

  it('keeps one subnet on one VLAN with one gateway', () => {
    const d = lab();
    const first = d.publicRanges[0]!;
    d.publicRanges.push({ ...first, uid: 'other', vlan: '60', startip: '192.168.100.150', endip: '192.168.100.160' });
    expect(validateDraft(d)['publicRange.other.vlan']?.key).toBe('wizard.error.subnetOtherVlan');
    d.publicRanges[1] = { ...d.publicRanges[1]!, vlan: '50', gateway: '192.168.100.254' };
    expect(validateDraft(d)['publicRange.other.gateway']?.key).toBe('wizard.error.subnetGateway');
  });

  it('requires each physical network to carry traffic and Simulator URLs to be http://sim/...', () => {
    const d = lab();
    d.physicalNetworks.push({ uid: 'n2', name: 'Second', vlan: '', tags: '' });
    expect(validateDraft(d)['network.n2.traffic']?.key).toBe('wizard.error.noTraffic');
    d.traffic.Public.network = 'n2';
    expect(validateDraft(d)['network.n2.traffic']).toBeUndefined();

    const h = d.hosts[0]!;
    h.url = 'http://10.0.0.5';
    expect(validateDraft(d)[`host.${h.uid}.url`]?.key).toBe('wizard.error.simulatorUrl');
    d.hosts[1]!.url = 'http://sim/t1/h0';
    h.url = 'HTTP://sim/t1/h0/';
    expect(validateDraft(d)[`host.${h.uid}.url`]?.key).toBe('wizard.error.simulatorUrl');
    h.url = 'http://sim/t1/h0/';
    expect(validateDraft(d)[`host.${d.hosts[1]!.uid}.url`]?.key).toBe('wizard.error.duplicateUrl');
  });

  it('checks storage URLs and duplicate names', () => {
    const d = lab();
    const p = d.primaryStorages[0]!;
    p.url = 'smb://x/y';
    expect(validateDraft(d)[`primary.${p.uid}.url`]?.key).toBe('wizard.error.storageUrl');
    p.url = '/var/lib/stackyard/primary';
    expect(validateDraft(d)[`primary.${p.uid}.url`]).toBeUndefined();
    d.primaryStorages.push({ ...p, uid: 'p2', url: 'nfs://10.0.0.2/x' });
    expect(validateDraft(d)['primary.p2.name']?.key).toBe('wizard.error.duplicateName');
  });
});
