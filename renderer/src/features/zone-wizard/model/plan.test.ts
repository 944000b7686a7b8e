import { describe, expect, it } from 'vitest';
import { displayParams, resolveParams } from '../../../../../core/src/contract/zone-plan';
import { labPreset, type ZoneDraft } from './draft';
import { buildDiscardPlan, buildPlan, createdResources, isFieldLocked, MASK, type PlanCall } from './plan';

/**
 * The wizard's side of the plan: the draft mapped onto the core's zone planner (whose own tests,
 * core/src/contract/zone-plan, cover order, references, masking and discards), and what only the
 * wizard needs: each call's step and the fields a done call locks.
 */

const lab = (): ZoneDraft => labPreset('t1', 'Lab');
const commands = (plan: PlanCall[]) => plan.map((c) => c.command);
const byKey = (plan: PlanCall[], key: string) => plan.find((c) => c.key === key)!;
const zone = { ref: 'zone', kind: 'zone' };

describe('buildPlan', () => {
  it('lists the lab preset as an advanced zone, each call with its step', () => {
    const d = lab();
    const n = d.physicalNetworks[0]!.uid;
    const plan = buildPlan(d);
    expect(plan.map((c) => `${c.command} ${c.step}`)).toEqual([
      'createZone zone',
      'createPhysicalNetwork network',
      'addTrafficType network',
      'addTrafficType network',
      'addTrafficType network',
      'updatePhysicalNetwork network',
      'listNetworkServiceProviders network',
      'listVirtualRouterElements network',
      'configureVirtualRouterElement network',
      'updateNetworkServiceProvider network',
      'createPod pod',
      'createVlanIpRange ranges',
      'addCluster cluster',
      'addHost host',
      'addHost host',
      'createStoragePool primary',
      'addImageStore secondary',
    ]);
    expect(plan[0]!.params).toEqual({
      name: 'Lab',
      networktype: 'Advanced',
      dns1: '8.8.8.8',
      dns2: '8.8.4.4',
      internaldns1: '172.16.15.1',
      guestcidraddress: '10.1.1.0/24',
      domain: 'lab.local',
    });
    expect(plan[1]!.params).toEqual({ zoneid: zone, name: 'Lab physical network', isolationmethods: 'VLAN' });
    expect(plan.slice(2, 5).map((c) => c.key)).toEqual([
      'addTrafficType:traffic.Management',
      'addTrafficType:traffic.Public',
      'addTrafficType:traffic.Guest',
    ]);
    expect(byKey(plan, `updatePhysicalNetwork:network.${n}`).params).toMatchObject({ vlan: '100-199' });
    const vlan = plan.find((c) => c.command === 'createVlanIpRange')!;
    expect(vlan.params).toMatchObject({ forvirtualnetwork: true, vlan: 'vlan://50', gateway: '192.168.100.1' });
    expect(vlan.params).not.toHaveProperty('podid');
    expect(byKey(plan, `addImageStore:secondary.${d.secondaryStorages[0]!.uid}`).params).toMatchObject({
      zoneid: zone,
      provider: 'NFS',
    });
    // The zone stays Disabled (createZone's default): the finish asks to enable it, as CloudStack's wizard does.
    expect(plan.map((c) => c.command)).not.toContain('updateZone');
    expect(plan[0]!.params).not.toHaveProperty('allocationstate');
  });

  it('lists a basic zone: the pod guest range, the security group provider, no guest CIDR or public ranges', () => {
    const d = { ...lab(), networktype: 'Basic' as const };
    const plan = buildPlan(d);
    expect(commands(plan).filter((c) => c === 'addTrafficType')).toHaveLength(2);
    expect(plan[0]!.params).toMatchObject({ networktype: 'Basic', securitygroupenabled: true });
    expect(plan[0]!.params).not.toHaveProperty('guestcidraddress');
    expect(plan[9]!.params).toMatchObject({ name: 'SecurityGroupProvider' });
    const range = byKey(plan, 'createVlanIpRange:guestRange');
    expect(range.params).toMatchObject({ podid: { ref: 'pod', kind: 'pod' }, forvirtualnetwork: false });
    expect(range.step).toBe('ranges');
    expect(Object.fromEntries(displayParams(range, MASK).map((p) => [p.name, p.value]))).toMatchObject({
      forvirtualnetwork: 'false',
      gateway: '10.1.1.1',
    });
    d.zone.securitygroupenabled = false;
    expect(
      buildPlan(d).some((c) => c.command === 'listNetworkServiceProviders' && c.params.name !== 'VirtualRouter'),
    ).toBe(false);
  });

  it('spreads traffic over several physical networks, each with its virtual router', () => {
    const d = lab();
    d.physicalNetworks.push({ uid: 'pub', name: 'Public net', vlan: '300-310', tags: 'eth1' });
    d.traffic.Public = { network: 'pub', kvm: 'cloudbr1', vmware: '', xen: '' };
    const plan = buildPlan(d);
    expect(plan.filter((c) => c.command === 'configureVirtualRouterElement')).toHaveLength(2);
    expect(byKey(plan, 'addTrafficType:traffic.Public').params).toEqual({
      physicalnetworkid: { ref: 'network.pub', kind: 'physicalNetwork' },
      traffictype: 'Public',
      kvmnetworklabel: 'cloudbr1',
    });
    expect(byKey(plan, 'createPhysicalNetwork:network.pub').params).toMatchObject({ tags: 'eth1' });
    // The guest VLAN range goes only to the network carrying Guest traffic.
    expect(byKey(plan, 'updatePhysicalNetwork:network.pub').params).not.toHaveProperty('vlan');
    expect(byKey(plan, 'createVlanIpRange:publicRange.' + d.publicRanges[0]!.uid).params).toMatchObject({
      physicalnetworkid: { ref: 'network.pub', kind: 'physicalNetwork' },
    });
  });

  it('sends zone-wide pools without pod and cluster, and picks the image store provider from the URL', () => {
    const d = lab();
    d.primaryStorages[0]!.scope = 'zone';
    d.secondaryStorages[0]!.url = '/srv/secondary';
    const plan = buildPlan(d);
    const pool = plan.find((c) => c.command === 'createStoragePool')!;
    expect(pool.params).toMatchObject({ scope: 'zone', hypervisor: 'Simulator' });
    expect(pool.params).not.toHaveProperty('clusterid');
    expect(pool.step).toBe('primary');
    expect(plan.find((c) => c.command === 'addImageStore')!.params).toMatchObject({ provider: 'Filesystem' });
  });

  it('keeps call keys stable when an earlier item is removed', () => {
    const d = lab();
    const second = d.hosts[1]!.uid;
    const before = byKey(buildPlan(d), `addHost:host.${second}`);
    d.hosts.shift();
    const after = byKey(buildPlan(d), `addHost:host.${second}`);
    expect(after.params).toEqual(before.params);
    const ids: Record<string, string> = { zone: 'z', pod: 'p', cluster: 'c' };
    expect(resolveParams(after, (ref) => ids[ref])).toMatchObject({ clusterid: 'c', password: 'password' });
  });
});

describe('locking what was created', () => {
  it('locks the fields of calls that are done', () => {
    const d = lab();
    const n = d.physicalNetworks[0]!.uid;
    const plan = buildPlan(d);
    const done = new Set(['createZone:zone', `createPhysicalNetwork:network.${n}`, 'addTrafficType:traffic.Guest']);
    const locked = (path: string) => isFieldLocked(path, plan, (k) => done.has(k));
    expect(locked('zone.name')).toBe(true);
    expect(locked('networktype')).toBe(true);
    expect(locked(`network.${n}.name`)).toBe(true);
    expect(locked('traffic.Guest.kvm')).toBe(true);
    expect(locked('traffic.Public.kvm')).toBe(false);
    // The guest VLAN range is sent by updatePhysicalNetwork, not done yet.
    expect(locked(`network.${n}.vlan`)).toBe(false);
    done.add(`updatePhysicalNetwork:network.${n}`);
    expect(locked(`network.${n}.vlan`)).toBe(true);
    expect(locked('pod.gateway')).toBe(false);
    expect(locked('podx')).toBe(false);
    done.add(`addHost:host.${d.hosts[0]!.uid}`);
    expect(locked(`host.${d.hosts[0]!.uid}.url`)).toBe(true);
    expect(locked(`host.${d.hosts[1]!.uid}.url`)).toBe(false);
  });
});

describe('discarding what was created', () => {
  it('deletes the resources innermost first, skipping look-ups, in the review step', () => {
    const produced = {
      zone: { id: 'z', kind: 'zone' as const, label: 'Lab' },
      'network.n1': { id: 'pn', kind: 'physicalNetwork' as const },
      'network.n1.provider.VirtualRouter': { id: 'nsp', kind: 'provider' as const },
      pod: { id: 'p', kind: 'pod' as const },
      cluster: { id: 'c', kind: 'cluster' as const },
      'host.h1': { id: 'h1', kind: 'host' as const },
      'host.h2': { id: 'h2', kind: 'host' as const },
    };
    expect(createdResources(produced).map(([ref]) => ref)).toEqual([
      'zone',
      'network.n1',
      'pod',
      'cluster',
      'host.h1',
      'host.h2',
    ]);
    const plan = buildDiscardPlan(produced);
    expect(plan.map((c) => [c.command, c.key, c.step])).toEqual([
      ['deleteHost', 'host.h2', 'review'],
      ['deleteHost', 'host.h1', 'review'],
      ['deleteCluster', 'cluster', 'review'],
      ['deletePod', 'pod', 'review'],
      ['deletePhysicalNetwork', 'network.n1', 'review'],
      ['deleteZone', 'zone', 'review'],
    ]);
  });
});
