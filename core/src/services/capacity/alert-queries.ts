import { notFound } from '../../domain/errors';
import { message } from '../../domain/messages';
import { ilike, matchingCount } from '../../db/query-helpers';
import type { Alert, ALERT_SORT_KEYS, ListAlertsInput } from '../../api/schemas/alerts';
import type { CoreServices } from '../core-services';
import { orderedBy, type ListOrder } from '../../db/list-page';
import { listOrder, pageWindow } from '../paging';
import { keywordPattern } from '../tenancy/shared';
import { alertResponse, selectAlertViews } from '../alert-views';
import { acknowledgeAlerts, assignAlert } from '../alert-ownership';
import type { Caller } from '../caller';

/** listAlerts' parameters with the type as its numeric code and the dates parsed. */
export type AlertListQuery = Omit<ListAlertsInput, 'type' | 'startdate' | 'enddate'> & {
  type?: number;
  /** ISO-8601 bounds on when the alert was raised. */
  startDate?: string;
  endDate?: string;
};

/** The alerts list's usual order, as CloudStack's: most recently sent first. */
const LAST_SENT_FIRST: ListOrder = { key: 'last_sent', id: 'id', direction: 'desc' };

/** The alerts column behind each listAlerts sort key (sent is `created`, what the response shows). */
const ALERT_SORT_COLUMNS: Record<(typeof ALERT_SORT_KEYS)[number], string> = {
  sent: 'created',
  name: 'name',
  type: 'type',
};

/**
 * listAlerts: unarchived alerts, most recently sent first (as CloudStack orders them) unless sorted.
 * The page of ids comes from the alerts table alone; only that page is joined with what the
 * alerts are about and who looks after them.
 */
export async function listAlerts(
  services: Pick<CoreServices, 'store' | 'config'>,
  input: AlertListQuery,
): Promise<{ items: Alert[]; count: number }> {
  const { db } = services.store;
  const pattern = keywordPattern(input.keyword);
  const filtered = () => {
    let q = db.selectFrom('alerts').where('archived', '=', 0);
    if (input.id) q = q.where('uuid', '=', input.id);
    if (input.type !== undefined) q = q.where('type', '=', input.type);
    if (input.name) q = q.where('name', '=', input.name);
    if (pattern) q = q.where(ilike('subject', pattern));
    if (input.startDate) q = q.where('created', '>=', input.startDate);
    if (input.endDate) q = q.where('created', '<=', input.endDate);
    if (input.acknowledged !== undefined) q = q.where('acknowledged_at', input.acknowledged ? 'is not' : 'is', null);
    if (input.assigneeid)
      q = q.where('assignee_id', 'in', db.selectFrom('users').select('id').where('uuid', '=', input.assigneeid));
    if (input.resourceid) q = q.where('resource_id', '=', input.resourceid);
    return q;
  };
  const page = pageWindow(input, services.config);
  let q = orderedBy(filtered().select('id'), listOrder(input, ALERT_SORT_COLUMNS, LAST_SENT_FIRST));
  if (page) q = q.limit(page.limit).offset(page.offset);
  const ids = (await q.execute()).map((r) => r.id);
  const rows = ids.length === 0 ? [] : await selectAlertViews(db).where('al.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [alertResponse(row)] : [];
  });
  return { items, count: await matchingCount(filtered, page, ids.length) };
}

export interface AlertSelection {
  ids?: string[];
  type?: number;
  startDate?: string;
  endDate?: string;
}

/**
 * archiveAlerts / deleteAlerts: the alerts matching every given criterion (ids, type, created
 * between startdate and enddate). An id that names no alert fails the whole call, as in CloudStack.
 * Returns the uuids changed.
 */
export async function changeAlerts(
  services: Pick<CoreServices, 'store' | 'events'>,
  action: 'archive' | 'delete',
  selection: AlertSelection,
): Promise<string[]> {
  const { db } = services.store;
  const uuids = await db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('alerts').select(['id', 'uuid']);
    if (selection.ids) q = q.where('uuid', 'in', selection.ids.length > 0 ? selection.ids : ['']);
    if (selection.type !== undefined) q = q.where('type', '=', selection.type);
    if (selection.startDate) q = q.where('created', '>=', selection.startDate);
    if (selection.endDate) q = q.where('created', '<=', selection.endDate);
    if (action === 'archive') q = q.where('archived', '=', 0);
    const rows = await q.execute();
    if (selection.ids) {
      const existing = await trx
        .selectFrom('alerts')
        .select('uuid')
        .where('uuid', 'in', selection.ids.length > 0 ? selection.ids : [''])
        .execute();
      const seen = new Set(existing.map((r) => r.uuid));
      const missing = selection.ids.find((id) => !seen.has(id));
      if (missing !== undefined) throw notFound('ALERT.NOT_FOUND', message('error.alert.notFound', { id: missing }));
    }
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (action === 'archive') await trx.updateTable('alerts').set({ archived: 1 }).where('id', 'in', chunk).execute();
      else await trx.deleteFrom('alerts').where('id', 'in', chunk).execute();
    }
    return rows.map((r) => r.uuid);
  });
  if (uuids.length > 0) {
    services.events.publish({
      kind: 'resource',
      scope: { accountId: null, domainId: null },
      resource: { type: 'Alert', ids: uuids, change: action === 'archive' ? 'archived' : 'deleted' },
    });
  }
  return uuids;
}

/** The alert list as command handlers use it (listAlerts, archiveAlerts, deleteAlerts, acknowledgeAlerts, assignAlert). */
export class AlertQueries {
  constructor(private readonly deps: Pick<CoreServices, 'store' | 'config' | 'events'>) {}

  list(query: AlertListQuery): Promise<{ items: Alert[]; count: number }> {
    return listAlerts(this.deps, query);
  }

  archive(selection: AlertSelection): Promise<string[]> {
    return changeAlerts(this.deps, 'archive', selection);
  }

  delete(selection: AlertSelection): Promise<string[]> {
    return changeAlerts(this.deps, 'delete', selection);
  }

  acknowledge(caller: Caller, ids: string[]): Promise<string[]> {
    return acknowledgeAlerts(this.deps, caller, ids);
  }

  assign(caller: Caller, input: { id: string; userid?: string }): Promise<Alert> {
    return assignAlert(this.deps, caller, input);
  }
}
