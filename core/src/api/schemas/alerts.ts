import { z } from 'zod';
import { ADMIN, INFRA_READERS } from './common';
import { entity, field } from './fields';
import { listParams, param, selectionParams, sortParams } from './params';
import { defineSpec, listOf, success, type CommandInput } from './spec';

/** CloudStack's AlertResponse: description is the subject; sent is when the alert was raised. */
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
  }),
  response: listOf('alert', Alert),
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
