import { z } from 'zod';
import { infrastructureCounts, infrastructureTopology } from '../../services/capacity/topology';
import { defineCommand } from '../command';
import { param } from '../schemas/params';

const LISTERS = ['Admin', 'ResourceAdmin'] as const;

const listInfrastructure = defineCommand({
  name: 'listInfrastructure',
  description: 'Lists infrastructure',
  roles: LISTERS,
  params: z.object({}),
  response: {
    name: 'infrastructure',
    fields: {
      zones: 'Number of zones',
      pods: 'Number of pods',
      clusters: 'Number of clusters',
      hosts: 'Number of hypervisor hosts',
      storagepools: 'Number of storage pools',
      imagestores: 'Number of images stores',
      systemvms: 'Number of systemvms',
      routers: 'Number of routers',
      cpusockets: 'Number of cpu sockets',
      managementservers: 'Number of management servers',
      alerts: 'Number of Alerts',
    },
  },
  async handler(ctx) {
    return { kind: 'object', name: 'infrastructure', value: await infrastructureCounts(ctx.services) };
  },
});

const listInfrastructureTopology = defineCommand({
  name: 'listInfrastructureTopology',
  description:
    'The infrastructure diagram in one call (Stackyard): zones > pods > clusters with host counts by state, capacity, pools and image stores. Hosts are listed for every cluster when there are at most hostlimit hosts, otherwise only for the clusters in clusterids.',
  roles: LISTERS,
  params: z.object({
    zoneid: param.uuid('only this zone').optional(),
    clusterids: param.list('clusters whose hosts are listed even when the diagram is aggregated').optional(),
    hostlimit: param.integer('most hosts listed for every cluster (default 1000)', 0).optional(),
  }),
  response: {
    name: 'topology',
    fields: {
      aggregated: 'true when hosts are listed only for the clusters in clusterids',
      totals: 'counts of zones, pods, clusters, hosts, storagepools and imagestores',
      zones: 'zones with their image stores, zone-wide pools and pods > clusters (> hosts)',
    },
  },
  async handler(ctx, p) {
    return { kind: 'object', name: 'topology', value: await infrastructureTopology(ctx.services, p) };
  },
});

export const infrastructureCommands = [listInfrastructure, listInfrastructureTopology];
