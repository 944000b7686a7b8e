import type { ApiSession } from './api';

export type Named = { id: string; name: string };

export const one = (answer: Record<string, any>, name: string): Named =>
  (Array.isArray(answer[name]) ? answer[name][0] : answer[name]) as Named;

/** A zone with one pod and one empty Simulator cluster; `label` names the zone. */
export async function seedEmptyCluster(api: ApiSession, run: string, label: string) {
  const zone = one(
    await api.call('createZone', {
      name: `e2e-${label}-${run}`,
      networktype: 'Advanced',
      dns1: '192.0.2.53',
      internaldns1: '10.0.0.2',
    }),
    'zone',
  );
  const pod = one(
    await api.call('createPod', {
      zoneid: zone.id,
      name: `pod-${run}`,
      gateway: '10.41.0.1',
      netmask: '255.255.255.0',
      startip: '10.41.0.10',
      endip: '10.41.0.60',
    }),
    'pod',
  );
  const cluster = one(
    await api.call('addCluster', {
      zoneid: zone.id,
      podid: pod.id,
      clustername: `cluster-${run}`,
      clustertype: 'CloudManaged',
      hypervisor: 'Simulator',
    }),
    'cluster',
  );
  return { zone, pod, cluster };
}

/** A zone with one pod, one Simulator cluster of two hosts and a cluster pool; `label` names its parts. */
export async function seedSmallCloud(api: ApiSession, run: string, label: string) {
  const { zone, pod, cluster } = await seedEmptyCluster(api, run, label);
  const hosts: Named[] = [];
  for (const h of ['h0', 'h1']) {
    const answer = await api.call('addHost', {
      zoneid: zone.id,
      podid: pod.id,
      clusterid: cluster.id,
      url: `http://sim/${run}/${label}/${h}`,
      username: 'root',
      password: 'password',
      hypervisor: 'Simulator',
    });
    hosts.push(one(answer, 'host'));
  }
  await api.call('createStoragePool', {
    zoneid: zone.id,
    podid: pod.id,
    clusterid: cluster.id,
    name: `primary-${run}`,
    url: `nfs://10.0.0.1/${label}-${run}`,
    scope: 'cluster',
    hypervisor: 'Simulator',
  });
  return { zone, hosts };
}
