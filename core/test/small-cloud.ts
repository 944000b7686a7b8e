import { expect } from 'vitest';
import type { TestCore } from './harness';
import { createAccount, createDomain, ok, runAsync } from './tenancy/fixtures';

/** A small cloud (and a tenant) built through the commands themselves, for suites that need one of everything. */
export interface SmallCloud {
  zone: string;
  physicalNetwork: string;
  pod: string;
  cluster: string;
  host: string;
  storagePool: string;
  domain: string;
  account: Record<string, any>;
  role: string;
  /** A compute and a disk offering of the cloud's own (not the defaults every cloud has). */
  serviceOffering: string;
  diskOffering: string;
  networkOffering: string;
}

export async function buildSmallCloud(tc: TestCore): Promise<SmallCloud> {
  const zone = ok(
    await tc.call('createZone', {
      name: 'small-zone',
      networktype: 'Advanced',
      dns1: '8.8.8.8',
      internaldns1: '10.0.0.2',
    }),
  ).zone.id as string;
  const pn = await runAsync(tc, 'createPhysicalNetwork', { zoneid: zone, name: 'small-pn', vlan: '100-200' });
  const physicalNetwork = pn.jobresult.physicalnetwork.id as string;
  const traffic = await runAsync(tc, 'addTrafficType', { physicalnetworkid: physicalNetwork, traffictype: 'Guest' });
  expect(traffic.jobstatus).toBe(1);
  const pod = ok(
    await tc.call('createPod', {
      zoneid: zone,
      name: 'small-pod',
      gateway: '172.16.15.1',
      netmask: '255.255.255.0',
      startip: '172.16.15.2',
      endip: '172.16.15.200',
    }),
  ).pod.id as string;
  const cluster = ok(
    await tc.call('addCluster', { zoneid: zone, podid: pod, clustername: 'small-cluster', hypervisor: 'Simulator' }),
  ).cluster[0].id as string;
  const host = ok(
    await tc.call('addHost', {
      zoneid: zone,
      podid: pod,
      clusterid: cluster,
      hypervisor: 'Simulator',
      username: 'root',
      password: 'password',
      url: 'http://sim/small/h0',
    }),
  ).host[0].id as string;
  const storagePool = ok(
    await tc.call('createStoragePool', {
      zoneid: zone,
      podid: pod,
      clusterid: cluster,
      name: 'small-pool',
      url: 'nfs://10.0.0.5:/export/small',
    }),
  ).storagepool.id as string;
  const domain = (await createDomain(tc, 'small-domain')).id as string;
  const account = await createAccount(tc, { username: 'small-user', domainid: domain });
  const role = ok(await tc.call('createRole', { name: 'small-role', type: 'User', description: 'a role' })).role
    .id as string;
  const serviceOffering = ok(
    await tc.call('createServiceOffering', {
      name: 'small-offering',
      displaytext: 'Small cloud',
      cpunumber: '1',
      cpuspeed: '1000',
      memory: '1024',
      zoneid: zone,
    }),
  ).serviceoffering.id as string;
  const diskOffering = ok(
    await tc.call('createDiskOffering', { name: 'small-disk', disksize: '10', domainid: domain, zoneid: zone }),
  ).diskoffering.id as string;
  const networkOffering = ok(
    await tc.call('createNetworkOffering', {
      name: 'small-network',
      guestiptype: 'Isolated',
      traffictype: 'Guest',
      supportedservices: 'Dhcp,Dns,SourceNat',
      domainid: domain,
      zoneid: zone,
    }),
  ).networkoffering.id as string;
  return {
    zone,
    physicalNetwork,
    pod,
    cluster,
    host,
    storagePool,
    domain,
    account,
    role,
    serviceOffering,
    diskOffering,
    networkOffering,
  };
}
