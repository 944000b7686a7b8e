import type { Topology, TopologyCluster, TopologyHost, TopologyPod, TopologyZone } from '../../../lib/contract';

/** Topology answers for tests: deterministic ids and names (z0, z0-p1, z0-p1-c2, z0-p1-c2-h3 ...). */
export interface FakeTopologyOptions {
  zones?: number;
  podsPerZone?: number;
  clustersPerPod?: number;
  hostsPerCluster?: number;
  /** Hosts listed for every cluster at most this many in total (listInfrastructureTopology's hostlimit). */
  hostlimit?: number;
  /** Clusters whose hosts are listed when aggregated. */
  clusterids?: string[];
  /** State of a host by its name; Up otherwise. */
  hostState?: (name: string) => Partial<Pick<TopologyHost, 'state' | 'resourcestate'>>;
}

/** One cluster of the fake cloud, with its hosts (listed or not) and one pool. */
function fakeCluster(
  pname: string,
  at: [zi: number, pi: number, ci: number],
  options: FakeTopologyOptions,
  listHosts: (id: string) => boolean,
): TopologyCluster {
  const [zi, pi, ci] = at;
  const hostsPerCluster = options.hostsPerCluster ?? 3;
  const cname = `${pname}-c${ci}`;
  const id = `cluster-${zi}-${pi}-${ci}`;
  const hosts: TopologyHost[] = [];
  const hoststates: Record<string, number> = {};
  const resourcestates: Record<string, number> = {};
  for (let hi = 0; hi < hostsPerCluster; hi++) {
    const hname = `${cname}-h${hi}`;
    const host: TopologyHost = {
      id: `host-${zi}-${pi}-${ci}-${hi}`,
      name: hname,
      state: 'Up',
      resourcestate: 'Enabled',
      cpuallocatedpercentage: `${(hi * 37) % 100}%`,
      memoryallocatedpercentage: `${(hi * 53) % 100}%`,
      ...options.hostState?.(hname),
    };
    hoststates[host.state] = (hoststates[host.state] ?? 0) + 1;
    const rs = host.resourcestate ?? 'Enabled';
    resourcestates[rs] = (resourcestates[rs] ?? 0) + 1;
    hosts.push(host);
  }
  const cluster: TopologyCluster = {
    id,
    name: cname,
    hypervisortype: 'Simulator',
    allocationstate: 'Enabled',
    hostcount: hostsPerCluster,
    hoststates,
    resourcestates,
    cpu: { total: 100_000, used: 40_000 + ci * 20_000 },
    memory: { total: 1024 ** 4, used: 0.8 * 1024 ** 4 },
    storage: { total: 1024 ** 4, used: 0.5 * 1024 ** 4 },
    storagepools: [
      {
        id: `pool-${zi}-${pi}-${ci}`,
        name: `${cname}-pool`,
        state: 'Up',
        scope: 'CLUSTER',
        disksizetotal: 1024 ** 4,
        disksizeused: 0.3 * 1024 ** 4,
      },
    ],
  };
  if (listHosts(id)) cluster.hosts = hosts;
  return cluster;
}

export function fakeTopology(options: FakeTopologyOptions = {}): Topology {
  const zones = options.zones ?? 1;
  const podsPerZone = options.podsPerZone ?? 1;
  const clustersPerPod = options.clustersPerPod ?? 2;
  const hostsPerCluster = options.hostsPerCluster ?? 3;
  const total = zones * podsPerZone * clustersPerPod * hostsPerCluster;
  const aggregated = total > (options.hostlimit ?? 1000);
  const asked = new Set(options.clusterids ?? []);

  const zoneList: TopologyZone[] = [];
  for (let zi = 0; zi < zones; zi++) {
    const zname = `z${zi}`;
    const zone: TopologyZone = {
      id: `zone-${zi}`,
      name: zname,
      networktype: 'Advanced',
      allocationstate: 'Enabled',
      imagestores: [
        {
          id: `store-${zi}`,
          name: `${zname}-sec`,
          protocol: 'nfs',
          providername: 'NFS',
          disksizetotal: 2 * 1024 ** 4,
          disksizeused: 1024 ** 4,
        },
      ],
      storagepools: [
        {
          id: `zpool-${zi}`,
          name: `${zname}-zone-pool`,
          state: 'Up',
          scope: 'ZONE',
          disksizetotal: 1024 ** 4,
          disksizeused: 0.9 * 1024 ** 4,
        },
      ],
      pods: [],
    };
    for (let pi = 0; pi < podsPerZone; pi++) {
      const pname = `${zname}-p${pi}`;
      const pod: TopologyPod = { id: `pod-${zi}-${pi}`, name: pname, allocationstate: 'Enabled', clusters: [] };
      for (let ci = 0; ci < clustersPerPod; ci++) {
        pod.clusters.push(fakeCluster(pname, [zi, pi, ci], options, (id) => !aggregated || asked.has(id)));
      }
      zone.pods?.push(pod);
    }
    zoneList.push(zone);
  }
  return {
    aggregated,
    totals: {
      zones,
      pods: zones * podsPerZone,
      clusters: zones * podsPerZone * clustersPerPod,
      hosts: total,
      storagepools: zones * (1 + podsPerZone * clustersPerPod),
      imagestores: zones,
    },
    zones: zoneList,
  };
}
