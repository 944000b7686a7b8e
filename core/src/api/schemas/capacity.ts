import { z } from 'zod';
import { INFRA_READERS } from './common';
import { entity, field } from './fields';
import { param } from './params';
import { defineSpec, listOf, type CommandInput } from './spec';

const TYPE_HELP =
  'lists capacity by type* CAPACITY_TYPE_MEMORY = 0* CAPACITY_TYPE_CPU = 1* CAPACITY_TYPE_STORAGE = 2* CAPACITY_TYPE_STORAGE_ALLOCATED = 3* CAPACITY_TYPE_VIRTUAL_NETWORK_PUBLIC_IP = 4* CAPACITY_TYPE_PRIVATE_IP = 5* CAPACITY_TYPE_SECONDARY_STORAGE = 6* CAPACITY_TYPE_VLAN = 7* CAPACITY_TYPE_DIRECT_ATTACHED_PUBLIC_IP = 8* CAPACITY_TYPE_LOCAL_STORAGE = 9* CAPACITY_TYPE_CPU_CORE = 90.';

/**
 * CloudStack's CapacityResponse: one figure of a zone, pod or cluster. Totals and amounts are
 * whole numbers (MHz, bytes, addresses, VLANs); percentused is text with two decimals ("12.34").
 */
export const Capacity = entity('Capacity', {
  type: field.integer('the capacity type'),
  name: field.string('the capacity name').optional(),
  zoneid: field.uuid('the Zone ID').optional(),
  zonename: field.string('the Zone name').optional(),
  podid: field.uuid('the Pod ID').optional(),
  podname: field.string('the Pod name').optional(),
  clusterid: field.uuid('the Cluster ID').optional(),
  clustername: field.string('the Cluster name').optional(),
  capacitytotal: field.long('the total capacity available'),
  capacityused: field.long('the capacity currently in use'),
  capacityallocated: field.long('the capacity currently in allocated').optional(),
  percentused: field.string('the percentage of capacity currently in use'),
});
export type Capacity = z.infer<typeof Capacity>;

/** One capacity sample (listCapacityHistory, Stackyard). */
export const CapacityHistory = entity('CapacityHistory', {
  type: field.integer('the capacity type'),
  name: field.string('the capacity name').optional(),
  zoneid: field.uuid('the Zone ID').optional(),
  podid: field.uuid('the Pod ID').optional(),
  clusterid: field.uuid('the Cluster ID').optional(),
  sampled: field.date('when the sample was taken'),
  capacitytotal: field.long('the total capacity'),
  capacityused: field.long('the capacity in use'),
  percentused: field.string('the percentage of capacity in use'),
});
export type CapacityHistory = z.infer<typeof CapacityHistory>;

export const listCapacity = defineSpec({
  name: 'listCapacity',
  description: 'Lists all the system wide capacities.',
  roles: INFRA_READERS,
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
  response: listOf('capacity', Capacity),
});

export const listCapacityHistory = defineSpec({
  name: 'listCapacityHistory',
  description:
    'Lists capacity samples for charts (Stackyard). The most specific of clusterid, podid and zoneid picks the level (zone rows without any); without startdate the last 24 hours; every row unless pagesize is given.',
  roles: INFRA_READERS,
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
  response: listOf('capacityhistory', CapacityHistory),
});

export type ListCapacityInput = CommandInput<typeof listCapacity>;
export type ListCapacityHistoryInput = CommandInput<typeof listCapacityHistory>;
