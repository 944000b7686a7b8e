import { z } from 'zod';
import { listCapacity } from '../../services/capacity/capacity-list';
import { listCapacityHistory } from '../../services/capacity/history';
import { defineCommand } from '../command';
import { param } from '../schemas/params';
import { parseApiDate } from './events';

const LISTERS = ['Admin', 'ResourceAdmin'] as const;

const TYPE_HELP =
  'lists capacity by type* CAPACITY_TYPE_MEMORY = 0* CAPACITY_TYPE_CPU = 1* CAPACITY_TYPE_STORAGE = 2* CAPACITY_TYPE_STORAGE_ALLOCATED = 3* CAPACITY_TYPE_VIRTUAL_NETWORK_PUBLIC_IP = 4* CAPACITY_TYPE_PRIVATE_IP = 5* CAPACITY_TYPE_SECONDARY_STORAGE = 6* CAPACITY_TYPE_VLAN = 7* CAPACITY_TYPE_DIRECT_ATTACHED_PUBLIC_IP = 8* CAPACITY_TYPE_LOCAL_STORAGE = 9* CAPACITY_TYPE_CPU_CORE = 90.';

const listCapacityCommand = defineCommand({
  name: 'listCapacity',
  description: 'Lists all the system wide capacities.',
  roles: LISTERS,
  params: z.object({
    zoneid: param.uuid('lists capacity by the Zone ID').optional(),
    podid: param.uuid('lists capacity by the Pod ID').optional(),
    clusterid: param.uuid('lists capacity by the Cluster ID').optional(),
    fetchlatest: param.boolean('recalculate capacities and fetch the latest').optional(),
    type: param.integer(TYPE_HELP, 0).optional(),
    sortby: param.string('Sort the results. Available values: Usage').optional(),
    keyword: param.string('List by keyword').optional(),
    page: param.integer('Page number, starting at 1', 1).optional(),
    pagesize: param.integer('Number of items per page; -1 for all', -1).optional(),
  }),
  response: {
    name: 'capacity',
    fields: {
      type: 'the capacity type',
      name: 'the capacity name',
      zoneid: 'the Zone ID',
      zonename: 'the Zone name',
      podid: 'the Pod ID',
      podname: 'the Pod name',
      clusterid: 'the Cluster ID',
      clustername: 'the Cluster name',
      capacitytotal: 'the total capacity available',
      capacityused: 'the capacity currently in use',
      capacityallocated: 'the capacity currently in allocated',
      percentused: 'the percentage of capacity currently in use',
    },
  },
  async handler(ctx, p) {
    const { items, count } = await listCapacity(ctx.services, p);
    return { kind: 'list', name: 'capacity', items, count };
  },
});

const listCapacityHistoryCommand = defineCommand({
  name: 'listCapacityHistory',
  description:
    'Lists capacity samples for charts (Stackyard). The most specific of clusterid, podid and zoneid picks the level (zone rows without any); without startdate the last 24 hours; every row unless pagesize is given.',
  roles: LISTERS,
  params: z.object({
    type: param.integer(TYPE_HELP, 0).optional(),
    zoneid: param.uuid('samples of the Zone').optional(),
    podid: param.uuid('samples of the Pod').optional(),
    clusterid: param.uuid('samples of the Cluster').optional(),
    startdate: param
      .date('samples taken at or after this date (use format "yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss")')
      .optional(),
    enddate: param
      .date('samples taken at or before this date (use format "yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss")')
      .optional(),
    page: param.integer('Page number, starting at 1', 1).optional(),
    pagesize: param.integer('Number of items per page; -1 for all', -1).optional(),
  }),
  response: {
    name: 'capacityhistory',
    fields: {
      type: 'the capacity type',
      name: 'the capacity name',
      zoneid: 'the Zone ID',
      podid: 'the Pod ID',
      clusterid: 'the Cluster ID',
      sampled: 'when the sample was taken',
      capacitytotal: 'the total capacity',
      capacityused: 'the capacity in use',
      percentused: 'the percentage of capacity in use',
    },
  },
  async handler(ctx, p) {
    const { items, count } = await listCapacityHistory(ctx.services, {
      ...p,
      startDate: p.startdate === undefined ? undefined : parseApiDate(p.startdate, 'startdate'),
      endDate: p.enddate === undefined ? undefined : parseApiDate(p.enddate, 'enddate', 'end'),
    });
    return { kind: 'list', name: 'capacityhistory', items, count };
  },
});

export const capacityCommands = [listCapacityCommand, listCapacityHistoryCommand];
