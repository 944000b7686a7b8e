import { z } from 'zod';
import { ADMIN, INFRA_READERS } from './common';
import { entity, field } from './fields';
import { listParams, param, selectionParams, sortParams } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** The resources an alert links to: a host (host alerts) or the zone, pod or cluster of a capacity alert. */
export const ALERT_RESOURCE_TYPES = ['Host', 'Cluster', 'Pod', 'Zone'] as const;
export type AlertResourceType = (typeof ALERT_RESOURCE_TYPES)[number];

/**
 * CloudStack's AlertResponse: description is the subject; sent is when the alert was raised.
 * Stackyard adds what the alert is about and who looks after it.
 */
export const Alert = entity('Alert', {
  id: field.uuid('the id of the alert'),
  type: field.integer(
    'One of the following alert types: MEMORY = 0, CPU = 1, STORAGE = 2, STORAGE_ALLOCATED = 3, PUBLIC_IP = 4, PRIVATE_IP = 5, SECONDARY_STORAGE = 6, HOST = 7, USERVM = 8, DOMAIN_ROUTER = 9, CONSOLE_PROXY = 10, ROUTING = 11: lost connection to default route (to the gateway), STORAGE_MISC = 12, USAGE_SERVER = 13, MANAGMENT_NODE = 14, DOMAIN_ROUTER_MIGRATE = 15, CONSOLE_PROXY_MIGRATE = 16, USERVM_MIGRATE = 17, VLAN = 18, SSVM = 19, USAGE_SERVER_RESULT = 20',
  ),
  name: field.string('the name of the alert'),
  description: field.string('description of the alert'),
  descriptionkey: field
    .string('Stackyard: the message key of the description, for translation (absent on alerts raised before keys)')
    .optional(),
  descriptionparams: field.map('Stackyard: the parameters of the description message, by placeholder name').optional(),
  sent: field.date('the date and time the alert was sent'),
  resourcetype: field
    .oneOf(
      ALERT_RESOURCE_TYPES,
      'Stackyard: the kind of resource the alert is about (a host, or the place of a capacity alert)',
    )
    .optional(),
  resourceid: field.uuid('Stackyard: the id of the resource the alert is about').optional(),
  resourcename: field.string('Stackyard: the name of the resource the alert is about').optional(),
  zoneid: field.uuid('Stackyard: the zone of the alert').optional(),
  zonename: field.string('Stackyard: the name of the zone of the alert').optional(),
  podid: field.uuid('Stackyard: the pod of the alert').optional(),
  podname: field.string('Stackyard: the name of the pod of the alert').optional(),
  clusterid: field.uuid('Stackyard: the cluster of the alert').optional(),
  clustername: field.string('Stackyard: the name of the cluster of the alert').optional(),
  lastsent: field.date('Stackyard: when the condition was last seen (a repeated alert refreshes this)'),
  acknowledged: field.boolean('Stackyard: true once an admin has acknowledged the alert (acknowledgeAlerts)'),
  acknowledgedby: field.string('Stackyard: the user who acknowledged the alert').optional(),
  acknowledgedat: field.date('Stackyard: when the alert was acknowledged').optional(),
  assigneeid: field.uuid('Stackyard: the id of the admin the alert is assigned to (assignAlert)').optional(),
  assignee: field.string('Stackyard: the name of the admin the alert is assigned to').optional(),
});
export type Alert = z.infer<typeof Alert>;

/** What listAlerts can be sorted by (Stackyard's sortby). */
export const ALERT_SORT_KEYS = ['sent', 'name', 'type'] as const;

export const listAlerts = defineSpec({
  name: 'listAlerts',
  description: 'Lists all alerts.',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    ...sortParams(ALERT_SORT_KEYS, 'sent is when the alert was first raised, type its numeric code'),
    id: param.uuid('the ID of the alert').optional(),
    type: param.string('list by alert type').optional(),
    name: param.string('list by alert name').optional(),
    startdate: param
      .date('alerts raised at or after this date (use format "yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss")')
      .optional(),
    enddate: param
      .date('alerts raised at or before this date (use format "yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss")')
      .optional(),
    acknowledged: param
      .boolean('Stackyard: true lists only acknowledged alerts, false only those nobody has acknowledged yet')
      .optional(),
    assigneeid: param.uuid('Stackyard: lists the alerts assigned to this user').optional(),
    resourceid: param.uuid('Stackyard: lists the alerts about this resource (a host, cluster, pod or zone)').optional(),
  }),
  response: listOf('alert', Alert),
});

export const acknowledgeAlerts = defineSpec({
  name: 'acknowledgeAlerts',
  description:
    'Stackyard: marks alerts as acknowledged by the caller, now. An alert already acknowledged keeps who and when; an id that names no open alert fails the call.',
  roles: ADMIN,
  params: z.object({
    ids: param.list('the IDs of the alerts'),
  }),
  response: success(),
});

export const assignAlert = defineSpec({
  name: 'assignAlert',
  description:
    'Stackyard: assigns an open alert to an admin (a root or resource admin user) to look after it; without userid the alert is unassigned.',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the ID of the alert'),
    userid: param.uuid('the ID of the user to assign the alert to; omit to unassign').optional(),
  }),
  response: objectOf('alert', Alert),
});

export const archiveAlerts = defineSpec({
  name: 'archiveAlerts',
  description: 'Archive one or more alerts.',
  roles: ADMIN,
  params: z.object(selectionParams('archive', 'alerts')),
  response: success(),
});

export const deleteAlerts = defineSpec({
  name: 'deleteAlerts',
  description: 'Delete one or more alerts.',
  roles: ADMIN,
  params: z.object(selectionParams('delete', 'alerts')),
  response: success(),
});

export type ListAlertsInput = CommandInput<typeof listAlerts>;
export type ArchiveAlertsInput = CommandInput<typeof archiveAlerts>;
export type DeleteAlertsInput = CommandInput<typeof deleteAlerts>;
export type AcknowledgeAlertsInput = CommandInput<typeof acknowledgeAlerts>;
export type AssignAlertInput = CommandInput<typeof assignAlert>;
