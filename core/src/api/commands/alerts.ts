import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { implement } from '../command';
import * as spec from '../schemas/alerts';
import { parseApiDate } from './events';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** CloudStack takes the alert type as text and compares it with the numeric code. */
function alertType(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) throw invalidParameter('ALERT.BAD_TYPE', message('error.alert.badType', { type: text }));
  return Number(t);
}

const listAlertsCommand = implement(spec.listAlerts, {
  handler: (ctx, p) =>
    ctx.services.alerts.list({
      ...p,
      type: alertType(p.type),
      startDate: p.startdate === undefined ? undefined : parseApiDate(p.startdate, 'startdate'),
      endDate: p.enddate === undefined ? undefined : parseApiDate(p.enddate, 'enddate', 'end'),
    }),
});

/** The alerts an archiveAlerts or deleteAlerts call selects (both take the same parameters). */
function selection(p: spec.ArchiveAlertsInput | spec.DeleteAlertsInput) {
  if (p.ids === undefined && p.type === undefined && p.enddate === undefined) {
    throw invalidParameter('ALERT.NO_SELECTION', message('error.alert.noSelection', {}));
  }
  if (p.startdate !== undefined && p.enddate === undefined) {
    throw invalidParameter('ALERT.NO_SELECTION', message('error.list.startDateWithoutEndDate', {}));
  }
  const ids = p.ids?.map((id) => id.toLowerCase());
  const bad = ids?.find((id) => !UUID_RE.test(id));
  if (bad !== undefined) throw invalidParameter('ALERT.BAD_ID', message('error.alert.badId', { id: bad }));
  return {
    ids,
    type: alertType(p.type),
    startDate: p.startdate === undefined ? undefined : parseApiDate(p.startdate, 'startdate'),
    endDate: p.enddate === undefined ? undefined : parseApiDate(p.enddate, 'enddate', 'end'),
  };
}

const archiveAlerts = implement(spec.archiveAlerts, {
  async handler(ctx, p) {
    await ctx.services.alerts.archive(selection(p));
  },
});

const deleteAlerts = implement(spec.deleteAlerts, {
  async handler(ctx, p) {
    await ctx.services.alerts.delete(selection(p));
  },
});

const acknowledgeAlerts = implement(spec.acknowledgeAlerts, {
  async handler(ctx, p) {
    const bad = p.ids.find((id) => !UUID_RE.test(id.toLowerCase()));
    if (bad !== undefined) throw invalidParameter('ALERT.BAD_ID', message('error.alert.badId', { id: bad }));
    if (p.ids.length === 0) throw invalidParameter('ALERT.NO_SELECTION', message('error.alert.noIds', {}));
    await ctx.services.alerts.acknowledge(ctx.caller, p.ids);
  },
});

const assignAlert = implement(spec.assignAlert, {
  handler: (ctx, p) => ctx.services.alerts.assign(ctx.caller, p),
});

export const alertCommands = [listAlertsCommand, archiveAlerts, deleteAlerts, acknowledgeAlerts, assignAlert];
