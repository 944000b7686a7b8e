import { describe, expect, it } from 'vitest';
import { emptyDraft, labPreset, type ZoneDraft } from './draft';
import { fieldError, rangeSize, validateDraft } from './validators';

/**
 * The draft's checks: each field through the zone planner's shared checks
 * (core/src/contract/zone-plan/checks.test.ts covers them one by one), worded as message keys.
 */

const lab = (): ZoneDraft => labPreset('t1', 'Lab');

describe('messages', () => {
  it('words a planner problem as a wizard message', () => {
    expect(fieldError({ code: 'required' })).toEqual({ key: 'common.required' });
    expect(fieldError({ code: 'overlap', vars: { range: 'A' } })).toEqual({
      key: 'wizard.error.overlap',
      vars: { range: 'A' },
    });
  });

  it('counts the addresses of a range as typed', () => {
    expect(rangeSize(' 10.0.0.10', '10.0.0.19 ')).toBe(10);
    expect(rangeSize('10.0.0.19', '10.0.0.10')).toBe(0);
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

  it('checks the pod range against its subnet and the gateway', () => {
    const d = lab();
    d.pod.startip = '172.16.16.10';
    expect(validateDraft(d)['pod.startip']).toEqual({
      key: 'wizard.error.outsideCidr',
      vars: { cidr: '172.16.15.0/24' },
    });
    d.pod.startip = '172.16.15.10';
    d.pod.endip = '172.16.15.5';
    expect(validateDraft(d)['pod.endip']).toEqual({ key: 'wizard.error.endBeforeStart' });
    d.pod.endip = '172.16.15.99';
    d.pod.gateway = '172.16.15.20';
    expect(validateDraft(d)['pod.gateway']).toEqual({ key: 'wizard.error.gatewayInRange' });
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
    d.physicalNetworks[0]!.vlan = '100-4095';
    expect(validateDraft(d)[`network.${d.physicalNetworks[0]!.uid}.vlan`]).toEqual({
      key: 'wizard.error.vlanBounds',
      vars: { part: '100-4095', min: 1, max: 4094 },
    });
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
    d.secondaryStorages[0]!.url = 'NFS://10.0.0.2/x/';
    expect(validateDraft(d)[`secondary.${d.secondaryStorages[0]!.uid}.url`]?.key).toBe('wizard.error.duplicateUrl');
  });
});
