import { describe, expect, it } from 'vitest';
import { labPreset, type ZoneDraft } from './draft';
import {
  buildDiscardPlan,
  buildPlan,
  displayParams,
  extractId,
  isFieldLocked,
  MASK,
  MissingReferenceError,
  resolveParams,
  type PlanCall,
} from './plan';

const lab = (): ZoneDraft => labPreset('t1', 'Lab');
const commands = (plan: PlanCall[]) => plan.map((c) => c.command);

describe('buildPlan', () => {
  it('lists an advanced zone in CloudStack order', () => {
    const plan = buildPlan(lab());
    expect(commands(plan)).toEqual([
      'createZone',
      'createPhysicalNetwork',
      'addTrafficType',
      'addTrafficType',
      'addTrafficType',
      'updatePhysicalNetwork',
      'listNetworkServiceProviders',
      'listVirtualRouterElements',
      'configureVirtualRouterElement',
      'updateNetworkServiceProvider',
      'createPod',
      'createVlanIpRange',
      'addCluster',
      'addHost',
      'addHost',
      'createStoragePool',
      'addImageStore',
      'updateZone',
    ]);
    const [zone, network, management, publicTraffic, guest, update] = plan;
    expect(zone!.params).toEqual({
      name: 'Lab',
      networktype: 'Advanced',
      dns1: '8.8.8.8',
      dns2: '8.8.4.4',
      internaldns1: '172.16.15.1',
      guestcidraddress: '10.1.1.0/24',
      domain: 'lab.local',
    });
    expect(network!.params).toEqual({
      zoneid: { ref: 'zone' },
      name: 'Lab physical network',
      isolationmethods: 'VLAN',
    });
    expect([management, publicTraffic, guest].map((c) => c!.params['traffictype'])).toEqual([
      'Management',
      'Public',
      'Guest',
    ]);
    expect(update!.params).toMatchObject({ vlan: '100-199', state: 'Enabled' });
    const vlan = plan.find((c) => c.command === 'createVlanIpRange')!;
    expect(vlan.params).toMatchObject({
      forvirtualnetwork: true,
      vlan: 'vlan://50',
      gateway: '192.168.100.1',
      startip: '192.168.100.10',
      endip: '192.168.100.99',
    });
    expect(vlan.params['podid']).toBeUndefined();
    expect(plan.at(-1)!.params).toEqual({ id: { ref: 'zone' }, allocationstate: 'Enabled' });
  });

  it('lists a basic zone: guest range of the pod, security group provider, no guest CIDR or public ranges', () => {
    const d = { ...lab(), networktype: 'Basic' as const };
    const plan = buildPlan(d);
    expect(commands(plan)).toEqual([
      'createZone',
      'createPhysicalNetwork',
      'addTrafficType',
      'addTrafficType',
      'updatePhysicalNetwork',
      'listNetworkServiceProviders',
      'listVirtualRouterElements',
      'configureVirtualRouterElement',
      'updateNetworkServiceProvider',
      'listNetworkServiceProviders',
      'updateNetworkServiceProvider',
      'createPod',
      'createVlanIpRange',
      'addCluster',
      'addHost',
      'addHost',
      'createStoragePool',
      'addImageStore',
      'updateZone',
    ]);
    expect(plan[0]!.params).toMatchObject({ networktype: 'Basic', securitygroupenabled: true });
    expect(plan[0]!.params['guestcidraddress']).toBeUndefined();
    expect(plan.filter((c) => c.command === 'addTrafficType').map((c) => c.params['traffictype'])).toEqual([
      'Management',
      'Guest',
    ]);
    expect(plan[9]!.params).toMatchObject({ name: 'SecurityGroupProvider' });
    const range = plan.find((c) => c.command === 'createVlanIpRange')!;
    expect(range.params).toMatchObject({ podid: { ref: 'pod' }, forvirtualnetwork: false, gateway: '10.1.1.1' });
    expect(range.step).toBe('ranges');

    d.zone.securitygroupenabled = false;
    expect(buildPlan(d).some((c) => c.params['name'] === 'SecurityGroupProvider')).toBe(false);
  });

  it('spreads traffic over several physical networks, each with its virtual router', () => {
    const d = lab();
    d.physicalNetworks.push({ uid: 'pub', name: 'Public net', vlan: '', tags: 'eth1' });
    d.traffic.Public = { network: 'pub', kvm: 'cloudbr1', vmware: '', xen: '' };
    const plan = buildPlan(d);
    expect(plan.filter((c) => c.command === 'createPhysicalNetwork')).toHaveLength(2);
    expect(plan.filter((c) => c.command === 'configureVirtualRouterElement')).toHaveLength(2);
    const publicTraffic = plan.find((c) => c.key === 'addTrafficType:pub:Public')!;
    expect(publicTraffic.params).toEqual({
      physicalnetworkid: { ref: 'physicalNetwork:pub' },
      traffictype: 'Public',
      kvmnetworklabel: 'cloudbr1',
    });
    expect(plan.find((c) => c.key === 'createPhysicalNetwork:pub')!.params['tags']).toBe('eth1');
    // The guest VLAN range goes only to the network carrying Guest traffic.
    expect(plan.find((c) => c.key === 'updatePhysicalNetwork:pub')!.params['vlan']).toBeUndefined();
    expect(plan.find((c) => c.command === 'createVlanIpRange')!.params['physicalnetworkid']).toEqual({
      ref: 'physicalNetwork:pub',
    });
  });

  it('sends zone-wide pools without pod and cluster, and picks the image store provider from the URL', () => {
    const d = lab();
    d.primaryStorages[0]!.scope = 'zone';
    d.secondaryStorages[0]!.url = '/srv/secondary';
    const plan = buildPlan(d);
    const pool = plan.find((c) => c.command === 'createStoragePool')!;
    expect(pool.params).toMatchObject({ scope: 'zone', hypervisor: 'Simulator' });
    expect(pool.params['clusterid']).toBeUndefined();
    expect(plan.find((c) => c.command === 'addImageStore')!.params['provider']).toBe('Filesystem');
  });

  it('keeps call keys stable when an earlier item is removed', () => {
    const d = lab();
    const second = d.hosts[1]!.uid;
    const before = buildPlan(d).find((c) => c.key === `addHost:${second}`);
    d.hosts.shift();
    expect(buildPlan(d).find((c) => c.key === `addHost:${second}`)?.params).toEqual(before?.params);
  });
});

describe('running a plan', () => {
  it('resolves references from produced ids and says which one is missing', () => {
    const plan = buildPlan(lab());
    const pod = plan.find((c) => c.command === 'createPod')!;
    expect(() => resolveParams(pod, {})).toThrow(MissingReferenceError);
    expect(resolveParams(pod, { zone: { id: 'z-1', kind: 'zone' } })).toMatchObject({ zoneid: 'z-1', name: 'Lab pod' });
  });

  it('masks passwords and shows references until they are known', () => {
    const d = lab();
    d.hosts[0]!.password = 'S3cret-pw';
    const host = buildPlan(d).find((c) => c.command === 'addHost')!;
    const shown = Object.fromEntries(displayParams(host, { zone: { id: 'z-1', kind: 'zone' } }));
    expect(shown['password']).toBe(MASK);
    expect(shown['zoneid']).toBe('z-1');
    expect(shown['clusterid']).toEqual({ ref: 'cluster' });
    expect(JSON.stringify(shown)).not.toContain('S3cret-pw');
    expect(
      resolveParams(host, {
        zone: { id: 'z', kind: 'zone' },
        pod: { id: 'p', kind: 'pod' },
        cluster: { id: 'c', kind: 'cluster' },
      })['password'],
    ).toBe('S3cret-pw');
  });

  it('finds ids in objects, lists and job results', () => {
    expect(extractId({ zone: { id: 'z' } }, 'zone')).toBe('z');
    expect(extractId({ count: 1, host: [{ id: 'h' }] }, 'host')).toBe('h');
    expect(extractId({ physicalnetwork: { id: 'p' } }, 'physicalnetwork')).toBe('p');
    expect(extractId({ count: 0 }, 'networkserviceprovider')).toBeUndefined();
  });

  it('locks the fields of calls that are done', () => {
    const d = lab();
    const plan = buildPlan(d);
    const done = new Set(['createZone', `createPhysicalNetwork:${d.physicalNetworks[0]!.uid}`]);
    const locked = (path: string) => isFieldLocked(path, plan, (k) => done.has(k));
    expect(locked('zone.name')).toBe(true);
    expect(locked('networktype')).toBe(true);
    expect(locked(`network.${d.physicalNetworks[0]!.uid}.name`)).toBe(true);
    // The guest VLAN range is sent by updatePhysicalNetwork, not done yet.
    expect(locked(`network.${d.physicalNetworks[0]!.uid}.vlan`)).toBe(false);
    expect(locked('pod.gateway')).toBe(false);
    expect(locked('podx')).toBe(false);
  });
});

describe('buildDiscardPlan', () => {
  it('deletes what was created innermost first, forcing pools and hosts, skipping look-ups', () => {
    const plan = buildDiscardPlan({
      zone: { id: 'z', kind: 'zone' },
      'physicalNetwork:n1': { id: 'pn', kind: 'physicalNetwork' },
      'provider:n1:VirtualRouter': { id: 'nsp', kind: 'lookup' },
      pod: { id: 'p', kind: 'pod' },
      'vlan:r1': { id: 'v', kind: 'vlan' },
      cluster: { id: 'c', kind: 'cluster' },
      'host:h1': { id: 'h1', kind: 'host' },
      'host:h2': { id: 'h2', kind: 'host' },
      'storagePool:s': { id: 'sp', kind: 'storagePool' },
      'imageStore:i': { id: 'is', kind: 'imageStore' },
    });
    expect(plan.map((c) => [c.command, c.key])).toEqual([
      ['deleteImageStore', 'imageStore:i'],
      ['deleteStoragePool', 'storagePool:s'],
      ['deleteHost', 'host:h2'],
      ['deleteHost', 'host:h1'],
      ['deleteCluster', 'cluster'],
      ['deleteVlanIpRange', 'vlan:r1'],
      ['deletePod', 'pod'],
      ['deletePhysicalNetwork', 'physicalNetwork:n1'],
      ['deleteZone', 'zone'],
    ]);
    expect(plan[1]!.params).toEqual({ id: { ref: 'storagePool:s' }, forced: true });
    expect(plan[2]!.params).toEqual({ id: { ref: 'host:h2' }, forced: true });
  });

  it('deletes only the zone when nothing else was created', () => {
    expect(commands(buildDiscardPlan({ zone: { id: 'z', kind: 'zone' } }))).toEqual(['deleteZone']);
    expect(buildDiscardPlan({})).toEqual([]);
  });
});
