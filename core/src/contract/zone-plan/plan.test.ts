import { describe, expect, it } from 'vitest';
import { countingReads } from '../testing/counting-reads';
import { isRef, type Ref } from './calls';
import { planZone, type ZoneCall } from './plan';
import type { ClusterSpec, PhysicalNetworkSpec, PodSpec, ZoneSpec } from './spec';

const commands = (calls: readonly ZoneCall[]) => calls.map((c) => c.command);
const zoneRef: Ref = { ref: 'zone', kind: 'zone' };
const find = (calls: readonly ZoneCall[], key: string) => calls.find((c) => c.key === key);

function network(key: string, types: PhysicalNetworkSpec['trafficTypes'][number]['type'][], vlan?: string) {
  const spec: PhysicalNetworkSpec = {
    key,
    name: `net ${key}`,
    isolationmethods: ['VLAN'],
    tags: [],
    vlan,
    trafficTypes: types.map((type) => ({ key: `${key}.${type}`, type, labels: {} })),
    providers: [{ key: `${key}.vr`, name: 'VirtualRouter' }],
  };
  return spec;
}

function cluster(key: string, hosts = 1, pools = 1): ClusterSpec {
  return {
    key,
    name: `cluster ${key}`,
    hypervisor: 'Simulator',
    hosts: Array.from({ length: hosts }, (_, i) => ({
      key: `${key}.h${i}`,
      url: `http://sim/${key}/h${i}`,
      username: 'root',
      password: 'S3cret-pw',
      tags: [],
    })),
    primaryStorages: Array.from({ length: pools }, (_, i) => ({
      key: `${key}.p${i}`,
      name: `pool ${key} ${i}`,
      url: `nfs://10.0.0.1/${key}/p${i}`,
      tags: [],
      details: [],
    })),
  };
}

function pod(key: string, third: number, clusters: ClusterSpec[]): PodSpec {
  return {
    key,
    name: `pod ${key}`,
    gateway: `172.16.${third}.1`,
    netmask: '255.255.255.0',
    startip: `172.16.${third}.10`,
    endip: `172.16.${third}.99`,
    guestRanges: [],
    clusters,
  };
}

/** The lab's advanced zone: one network carrying everything, one pod, cluster, host, pool, store. */
function advanced(): ZoneSpec {
  const pn = network('pn', ['Management', 'Public', 'Guest'], '100-199');
  pn.trafficTypes[2]!.labels.kvm = 'cloudbr1';
  return {
    key: 'zone',
    name: 'Lab',
    networktype: 'Advanced',
    dns1: '8.8.8.8',
    dns2: '8.8.4.4',
    internaldns1: '172.16.15.1',
    guestcidraddress: '10.1.1.0/24',
    domain: 'lab.local',
    physicalNetworks: [pn],
    pods: [pod('pod', 15, [cluster('cluster')])],
    publicRanges: [
      {
        key: 'public',
        gateway: '192.168.100.1',
        netmask: '255.255.255.0',
        vlan: '50',
        startip: '192.168.100.10',
        endip: '192.168.100.99',
      },
    ],
    primaryStorages: [],
    secondaryStorages: [
      { key: 'store', name: 'Lab secondary', url: 'nfs://10.0.0.1/sec', provider: 'NFS', details: [] },
    ],
    enable: true,
  };
}

/** A basic zone with security groups: a guest range in the pod, a zone-wide pool. */
function basic(): ZoneSpec {
  const zone = advanced();
  const pn = network('pn', ['Management', 'Guest']);
  pn.isolationmethods = [];
  pn.providers.push({ key: 'pn.sg', name: 'SecurityGroupProvider' });
  const only = pod('pod', 16, [cluster('cluster', 2, 0)]);
  only.guestRanges = [
    {
      key: 'guest',
      gateway: '172.16.16.1',
      netmask: '255.255.255.0',
      startip: '172.16.16.100',
      endip: '172.16.16.200',
    },
  ];
  return {
    ...zone,
    networktype: 'Basic',
    guestcidraddress: undefined,
    securitygroupenabled: true,
    physicalNetworks: [pn],
    pods: [only],
    publicRanges: [],
    primaryStorages: [
      { key: 'zonepool', name: 'wide', url: 'nfs://10.0.0.1/wide', tags: [], details: [], hypervisor: 'Simulator' },
    ],
  };
}

/** Every reference a call uses was produced by an earlier call; nothing is produced twice. */
function expectRefsResolve(calls: readonly ZoneCall[]) {
  const produced = new Set<string>();
  for (const call of calls) {
    for (const value of Object.values(call.params)) {
      if (isRef(value)) expect(produced.has(value.ref), `${call.label} needs ${value.ref}`).toBe(true);
    }
    if (call.produces) {
      expect(produced.has(call.produces.ref), `${call.produces.ref} produced twice`).toBe(false);
      produced.add(call.produces.ref);
    }
  }
}

describe('planZone', () => {
  it('lists an advanced zone in the order the wizard shows and applies', () => {
    const calls = planZone(advanced());
    expect(commands(calls)).toEqual([
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
      'createStoragePool',
      'addImageStore',
      'updateZone',
    ]);
    expectRefsResolve(calls);
    expect(new Set(calls.map((c) => c.key)).size).toBe(calls.length);
    const [zone, pn, management, , guest, update] = calls;
    expect(zone!.params).toEqual({
      name: 'Lab',
      networktype: 'Advanced',
      dns1: '8.8.8.8',
      dns2: '8.8.4.4',
      internaldns1: '172.16.15.1',
      guestcidraddress: '10.1.1.0/24',
      domain: 'lab.local',
    });
    expect(zone!.produces).toEqual({ ref: 'zone', kind: 'zone', label: 'Lab' });
    expect(pn!.params).toEqual({ zoneid: zoneRef, name: 'net pn', isolationmethods: 'VLAN' });
    expect(management!.params).toEqual({
      physicalnetworkid: { ref: 'pn', kind: 'physicalNetwork' },
      traffictype: 'Management',
    });
    expect(guest!.params).toMatchObject({ traffictype: 'Guest', kvmnetworklabel: 'cloudbr1' });
    expect(update!.params).toEqual({ id: { ref: 'pn', kind: 'physicalNetwork' }, vlan: '100-199', state: 'Enabled' });
    const range = calls.find((c) => c.command === 'createVlanIpRange')!;
    expect(range.params).toEqual({
      zoneid: zoneRef,
      physicalnetworkid: { ref: 'pn', kind: 'physicalNetwork' },
      forvirtualnetwork: true,
      vlan: 'vlan://50',
      gateway: '192.168.100.1',
      netmask: '255.255.255.0',
      startip: '192.168.100.10',
      endip: '192.168.100.99',
    });
    // Pods and clusters are Enabled by default (CloudStack's); the plan sends no allocationstate.
    expect(find(calls, 'createPod:pod')!.params).toMatchObject({ zoneid: zoneRef });
    expect(find(calls, 'createPod:pod')!.params).not.toHaveProperty('allocationstate');
    expect(find(calls, 'addCluster:cluster')!.params).toMatchObject({ clustertype: 'CloudManaged' });
    expect(find(calls, 'addCluster:cluster')!.params).not.toHaveProperty('allocationstate');
    expect(find(calls, 'addImageStore:store')!.params).toEqual({
      zoneid: zoneRef,
      name: 'Lab secondary',
      url: 'nfs://10.0.0.1/sec',
      provider: 'NFS',
    });
    expect(calls.at(-1)!.params).toEqual({ id: zoneRef, allocationstate: 'Enabled' });
  });

  it('enables a router provider through its element, and tags each call with its part', () => {
    const calls = planZone(advanced()).filter((c) => c.part.kind === 'provider');
    expect(calls.map((c) => [c.command, c.params])).toEqual([
      [
        'listNetworkServiceProviders',
        { physicalnetworkid: { ref: 'pn', kind: 'physicalNetwork' }, name: 'VirtualRouter' },
      ],
      ['listVirtualRouterElements', { nspid: { ref: 'pn.vr', kind: 'provider' } }],
      ['configureVirtualRouterElement', { id: { ref: 'pn.vr.element', kind: 'vrElement' }, enabled: true }],
      ['updateNetworkServiceProvider', { id: { ref: 'pn.vr', kind: 'provider' }, state: 'Enabled' }],
    ]);
    expect(calls.every((c) => c.part.key === 'pn.vr')).toBe(true);
    const parts = planZone(advanced()).map((c) => `${c.command} ${c.part.kind}:${c.part.key}`);
    expect(parts).toContain('addTrafficType trafficType:pn.Guest');
    expect(parts).toContain('createVlanIpRange publicRange:public');
    expect(parts).toContain('addHost host:cluster.h0');
    expect(parts).toContain('updateZone zone:zone');
  });

  it('lists a basic zone with security groups: the pod guest range, a zone-wide pool', () => {
    const calls = planZone(basic());
    expect(commands(calls)).toEqual([
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
    expectRefsResolve(calls);
    expect(calls[0]!.params).toMatchObject({ networktype: 'Basic', securitygroupenabled: true });
    expect(calls[0]!.params).not.toHaveProperty('guestcidraddress');
    expect(calls[9]!.params).toMatchObject({ name: 'SecurityGroupProvider' });
    expect(find(calls, 'createVlanIpRange:guest')!.params).toEqual({
      zoneid: zoneRef,
      podid: { ref: 'pod', kind: 'pod' },
      physicalnetworkid: { ref: 'pn', kind: 'physicalNetwork' },
      forvirtualnetwork: false,
      gateway: '172.16.16.1',
      netmask: '255.255.255.0',
      startip: '172.16.16.100',
      endip: '172.16.16.200',
    });
    expect(find(calls, 'createStoragePool:zonepool')!.params).toEqual({
      zoneid: zoneRef,
      scope: 'zone',
      hypervisor: 'Simulator',
      name: 'wide',
      url: 'nfs://10.0.0.1/wide',
    });
  });

  it('spreads traffic over several networks: ranges go to the network carrying their traffic', () => {
    const zone = advanced();
    zone.physicalNetworks = [network('a', ['Management', 'Guest'], '100-199'), network('b', ['Public'])];
    zone.physicalNetworks[1]!.tags = ['eth1', 'public'];
    const calls = planZone(zone);
    expect(commands(calls).slice(0, 12)).toEqual([
      'createZone',
      'createPhysicalNetwork',
      'addTrafficType',
      'addTrafficType',
      'updatePhysicalNetwork',
      'listNetworkServiceProviders',
      'listVirtualRouterElements',
      'configureVirtualRouterElement',
      'updateNetworkServiceProvider',
      'createPhysicalNetwork',
      'addTrafficType',
      'updatePhysicalNetwork',
    ]);
    expect(find(calls, 'createPhysicalNetwork:b')!.params).toMatchObject({ tags: 'eth1,public' });
    expect(find(calls, 'updatePhysicalNetwork:b')!.params).not.toHaveProperty('vlan');
    expect(find(calls, 'createVlanIpRange:public')!.params).toMatchObject({
      physicalnetworkid: { ref: 'b', kind: 'physicalNetwork' },
    });
    expectRefsResolve(calls);
  });

  it('orders several pods: each with its guest ranges and clusters, public ranges once the last pod exists', () => {
    const zone = basic();
    zone.networktype = 'Advanced';
    zone.physicalNetworks = [network('pn', ['Management', 'Public', 'Guest'])];
    zone.pods = [pod('p1', 1, [cluster('c1'), cluster('c2')]), pod('p2', 2, [cluster('c3')])];
    zone.pods[1]!.guestRanges = [
      { key: 'g2', gateway: '10.2.0.1', netmask: '255.255.255.0', startip: '10.2.0.10', endip: '10.2.0.20' },
    ];
    zone.publicRanges = advanced().publicRanges;
    const keys = planZone(zone)
      .filter((c) => !['physicalNetwork', 'trafficType', 'provider'].includes(c.part.kind))
      .map((c) => c.key);
    expect(keys).toEqual([
      'createZone:zone',
      'createPod:p1',
      'addCluster:c1',
      'addHost:c1.h0',
      'createStoragePool:c1.p0',
      'addCluster:c2',
      'addHost:c2.h0',
      'createStoragePool:c2.p0',
      'createPod:p2',
      'createVlanIpRange:g2',
      'createVlanIpRange:public',
      'addCluster:c3',
      'addHost:c3.h0',
      'createStoragePool:c3.p0',
      'createStoragePool:zonepool',
      'addImageStore:store',
      'updateZone:zone',
    ]);
    zone.pods = [];
    expect(commands(planZone(zone)).slice(-4)).toEqual([
      'createVlanIpRange',
      'createStoragePool',
      'addImageStore',
      'updateZone',
    ]);
  });

  it('keeps optional values out, leaves a disabled zone alone and binds object stores to the region', () => {
    const zone = advanced();
    zone.enable = false;
    zone.publicRanges[0]!.vlan = undefined;
    zone.pods[0]!.clusters[0]!.hosts[0]!.tags = ['ssd', 'gpu'];
    zone.secondaryStorages.push({
      key: 's3',
      url: 's3://bucket',
      provider: 'S3',
      details: [{ key: 'secretkey', value: 'x' }],
    });
    const calls = planZone(zone);
    expect(commands(calls)).not.toContain('updateZone');
    expect(find(calls, 'createVlanIpRange:public')!.params).toMatchObject({ vlan: 'untagged' });
    expect(find(calls, 'addHost:cluster.h0')!.params).toMatchObject({ hosttags: 'ssd,gpu' });
    expect(find(calls, 'addImageStore:s3')!.params).toEqual({
      url: 's3://bucket',
      provider: 'S3',
      details: [{ key: 'secretkey', value: 'x' }],
    });
  });

  it('names the part of the spec in labels, without credentials', () => {
    const zone = advanced();
    zone.secondaryStorages = [
      { key: 'zones[0].secondaryStorages[0]', url: 'smb://u:pw@h/s', provider: 'SMB', details: [] },
    ];
    const labels = planZone(zone).map((c) => c.label);
    expect(labels[0]).toBe('Create Advanced zone Lab (zone)');
    expect(labels).toContain('Add host http://sim/cluster/h0 to cluster cluster cluster (cluster.h0)');
    expect(labels).toContain('Enable physical network net pn with guest VLANs 100-199 (pn)');
    expect(labels).toContain('Find the VirtualRouter element of physical network net pn (pn.vr)');
    expect(labels).toContain('Add public IP range 192.168.100.10-192.168.100.99 on VLAN 50 to zone Lab (public)');
    expect(labels).toContain('Add secondary storage smb://u:******@h/s to zone Lab (zones[0].secondaryStorages[0])');
  });

  it('refuses two items under one key', () => {
    const zone = advanced();
    zone.pods[0]!.clusters[0]!.hosts[0]!.key = 'pod';
    expect(() => planZone(zone)).toThrow('zone plan: two items have the key pod');
  });

  it('plans a 1,000-host zone (50 clusters of 20 hosts, 2 pools each) with every reference resolvable', () => {
    const zone = advanced();
    zone.pods = [
      pod(
        'zones[0].pods[0]',
        1,
        Array.from({ length: 50 }, (_, i) => cluster(`zones[0].pods[0].clusters[${i}]`, 20, 2)),
      ),
    ];
    const calls = planZone(zone);
    expectRefsResolve(calls);
    const count = (command: string) => calls.filter((c) => c.command === command).length;
    expect(count('addCluster')).toBe(50);
    expect(count('addHost')).toBe(1000);
    expect(count('createStoragePool')).toBe(100);
    expect(new Set(calls.map((c) => c.key)).size).toBe(calls.length);
    // Every host goes to its own cluster, right after it.
    const host = calls.findIndex((c) => c.key === 'addHost:zones[0].pods[0].clusters[7].h3');
    const own = calls.findIndex((c) => c.key === 'addCluster:zones[0].pods[0].clusters[7]');
    expect(host - own).toBe(4);
    expect(calls[host]!.params).toMatchObject({
      clusterid: { ref: 'zones[0].pods[0].clusters[7]', kind: 'cluster' },
    });
  });

  it('reads the spec a fixed number of times per cluster: planning work grows linearly, not with clusters × hosts', () => {
    const zoneOf = (clusters: number) => {
      const zone = advanced();
      zone.pods = [
        pod(
          'zones[0].pods[0]',
          1,
          Array.from({ length: clusters }, (_, i) => cluster(`zones[0].pods[0].clusters[${i}]`, 20, 2)),
        ),
      ];
      return zone;
    };
    const reads = (clusters: number) => {
      const counted = countingReads(zoneOf(clusters));
      planZone(counted.value);
      return counted.reads();
    };
    const none = reads(0);
    const perCluster = reads(1) - none;
    expect(perCluster).toBeGreaterThan(0);
    // Every cluster (and its 20 hosts) costs the same reads, however many clusters come before it:
    // a lookup across the spec per host or cluster would make the 50th cost more than the 1st.
    expect(reads(50) - none).toBe(50 * perCluster);
    expect(reads(100) - none).toBe(100 * perCluster);
  });
});
