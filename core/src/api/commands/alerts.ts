import { z } from 'zod';
import { invalidParameter } from '../../domain/errors';
import { changeAlerts, listAlerts } from '../../services/capacity/alert-queries';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';
import { parseApiDate } from './events';

const ADMIN = ['Admin'] as const;
const LISTERS = ['Admin', 'ResourceAdmin'] as const;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** CloudStack takes the alert type as text and compares it with the numeric code. */
function alertType(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) throw invalidParameter('ALERT.BAD_TYPE', `Invalid alert type ${text}: expected a number`);
  return Number(t);
}

const listAlertsCommand = defineCommand({
  name: 'listAlerts',
  description: 'Lists all alerts.',
  roles: LISTERS,
  params: z.object({
    ...listParams,
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
  response: {
    name: 'alert',
    fields: {
      id: 'the id of the alert',
      type: 'One of the following alert types: MEMORY = 0, CPU = 1, STORAGE = 2, STORAGE_ALLOCATED = 3, PUBLIC_IP = 4, PRIVATE_IP = 5, SECONDARY_STORAGE = 6, HOST = 7, USERVM = 8, DOMAIN_ROUTER = 9, CONSOLE_PROXY = 10, ROUTING = 11: lost connection to default route (to the gateway), STORAGE_MISC = 12, USAGE_SERVER = 13, MANAGMENT_NODE = 14, DOMAIN_ROUTER_MIGRATE = 15, CONSOLE_PROXY_MIGRATE = 16, USERVM_MIGRATE = 17, VLAN = 18, SSVM = 19, USAGE_SERVER_RESULT = 20',
      name: 'the name of the alert',
      description: 'description of the alert',
      sent: 'the date and time the alert was sent',
    },
  },
  async handler(ctx, p) {
    const { items, count } = await listAlerts(ctx.services, {
      ...p,
      type: alertType(p.type),
      startDate: p.startdate === undefined ? undefined : parseApiDate(p.startdate, 'startdate'),
      endDate: p.enddate === undefined ? undefined : parseApiDate(p.enddate, 'enddate', 'end'),
    });
    return { kind: 'list', name: 'alert', items, count };
  },
});

const selectionParams = (verb: 'archive' | 'delete') => ({
  ids: param.list('the IDs of the alerts').optional(),
  type: param.string(`${verb} by alert type`).optional(),
  startdate: param
    .date(
      `start date range to ${verb} alerts (including) this date (use format "yyyy-MM-dd" or the new format "yyyy-MM-ddThh:mm:ss")`,
    )
    .optional(),
  enddate: param
    .date(
      `end date range to ${verb} alerts (including) this date (use format "yyyy-MM-dd" or the new format "yyyy-MM-ddThh:mm:ss")`,
    )
    .optional(),
});

function selection(p: { ids?: string[]; type?: string; startdate?: string; enddate?: string }) {
  if (p.ids === undefined && p.type === undefined && p.enddate === undefined) {
    throw invalidParameter('ALERT.NO_SELECTION', 'either ids, type, startdate or enddate must be specified');
  }
  if (p.startdate !== undefined && p.enddate === undefined) {
    throw invalidParameter('ALERT.NO_SELECTION', 'enddate must be specified with startdate parameter');
  }
  const ids = p.ids?.map((id) => id.toLowerCase());
  const bad = ids?.find((id) => !UUID_RE.test(id));
  if (bad !== undefined) throw invalidParameter('ALERT.BAD_ID', `Invalid alert id ${bad}`);
  return {
    ids,
    type: alertType(p.type),
    startDate: p.startdate === undefined ? undefined : parseApiDate(p.startdate, 'startdate'),
    endDate: p.enddate === undefined ? undefined : parseApiDate(p.enddate, 'enddate', 'end'),
  };
}

const SUCCESS = { name: 'success', fields: { success: 'true if operation is executed successfully' } };

const archiveAlerts = defineCommand({
  name: 'archiveAlerts',
  description: 'Archive one or more alerts.',
  roles: ADMIN,
  params: z.object(selectionParams('archive')),
  response: SUCCESS,
  async handler(ctx, p) {
    await changeAlerts(ctx.services, 'archive', selection(p));
    return { kind: 'success' };
  },
});

const deleteAlerts = defineCommand({
  name: 'deleteAlerts',
  description: 'Delete one or more alerts.',
  roles: ADMIN,
  params: z.object(selectionParams('delete')),
  response: SUCCESS,
  async handler(ctx, p) {
    await changeAlerts(ctx.services, 'delete', selection(p));
    return { kind: 'success' };
  },
});

export const alertCommands = [listAlertsCommand, archiveAlerts, deleteAlerts];
