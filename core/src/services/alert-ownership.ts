import { invalidParameter, notFound } from '../domain/errors';
import { message } from '../domain/messages';
import { nowIso } from '../domain/time';
import { findUserView } from '../db/repositories/users';
import type { Alert } from '../api/schemas/alerts';
import { alertResponse, selectAlertViews } from './alert-views';
import type { Caller } from './caller';
import type { CoreServices } from './core-services';

type Deps = Pick<CoreServices, 'store' | 'events'>;

/** Role types that may look after an alert: those that can list alerts (root and resource admins). */
const ALERT_KEEPERS: readonly string[] = ['Admin', 'ResourceAdmin'];

function publishChange(services: Deps, ids: string[]): void {
  services.events.publish({
    kind: 'resource',
    scope: { accountId: null, domainId: null },
    resource: { type: 'Alert', ids, change: 'updated' },
  });
}

/** The open (unarchived) alerts with these uuids; an id naming none fails the whole call. */
async function openAlerts(services: Deps, uuids: string[]) {
  const rows = await services.store.db
    .selectFrom('alerts')
    .select(['id', 'uuid', 'name', 'acknowledged_at'])
    .where('uuid', 'in', uuids)
    .where('archived', '=', 0)
    .execute();
  const seen = new Set(rows.map((r) => r.uuid));
  const missing = uuids.find((id) => !seen.has(id));
  if (missing !== undefined) throw notFound('ALERT.NOT_FOUND', message('error.alert.openNotFound', { id: missing }));
  return rows;
}

/**
 * acknowledgeAlerts: marks the open alerts as acknowledged by the caller, now. One already
 * acknowledged keeps who and when (the first acknowledgement stands). Records ALERT.ACKNOWLEDGE
 * for each alert it changed; returns their uuids.
 */
export async function acknowledgeAlerts(services: Deps, caller: Caller, uuids: string[]): Promise<string[]> {
  const wanted = [...new Set(uuids.map((id) => id.toLowerCase()))];
  const rows = await openAlerts(services, wanted);
  const pending = rows.filter((r) => r.acknowledged_at === null);
  if (pending.length === 0) return [];
  const changed = await services.store.db
    .updateTable('alerts')
    .set({ acknowledged_by: caller.userId, acknowledged_at: nowIso() })
    .where(
      'id',
      'in',
      pending.map((r) => r.id),
    )
    .where('acknowledged_at', 'is', null)
    .returning(['uuid', 'name'])
    .execute();
  for (const alert of changed) {
    await services.events.record({
      type: 'ALERT.ACKNOWLEDGE',
      message: message('event.alert.acknowledged', { name: alert.name, id: alert.uuid }),
      caller,
      resourceType: 'Alert',
      resourceId: alert.uuid,
    });
  }
  if (changed.length > 0)
    publishChange(
      services,
      changed.map((r) => r.uuid),
    );
  return changed.map((r) => r.uuid);
}

/**
 * assignAlert: gives an open alert to a root or resource admin to look after, or takes it back
 * (no user). Records ALERT.ASSIGN and answers the alert as listAlerts shows it.
 */
export async function assignAlert(
  services: Deps,
  caller: Caller,
  input: { id: string; userid?: string },
): Promise<Alert> {
  const [alert] = await openAlerts(services, [input.id.toLowerCase()]);
  if (!alert) throw notFound('ALERT.NOT_FOUND', message('error.alert.openNotFound', { id: input.id }));
  let assignee: { id: number; username: string } | undefined;
  if (input.userid !== undefined) {
    const user = await findUserView(services.store.db, { uuid: input.userid.toLowerCase() });
    if (!user) throw notFound('USER.NOT_FOUND', message('error.user.notFoundWithId', { id: input.userid }));
    if (!ALERT_KEEPERS.includes(user.role_type)) {
      throw invalidParameter(
        'ALERT.ASSIGNEE_NOT_ADMIN',
        message('error.alert.assigneeNotAdmin', { username: user.username }),
      );
    }
    if (user.state !== 'enabled') {
      throw invalidParameter(
        'ALERT.ASSIGNEE_DISABLED',
        message('error.alert.assigneeNotEnabled', { username: user.username, state: user.state }),
      );
    }
    assignee = { id: user.id, username: user.username };
  }
  await services.store.db
    .updateTable('alerts')
    .set({ assignee_id: assignee?.id ?? null })
    .where('id', '=', alert.id)
    .execute();
  await services.events.record({
    type: 'ALERT.ASSIGN',
    message: assignee
      ? message('event.alert.assigned', { name: alert.name, id: alert.uuid, user: assignee.username })
      : message('event.alert.unassigned', { name: alert.name, id: alert.uuid }),
    caller,
    resourceType: 'Alert',
    resourceId: alert.uuid,
  });
  publishChange(services, [alert.uuid]);
  const row = await selectAlertViews(services.store.db).where('al.id', '=', alert.id).executeTakeFirstOrThrow();
  return alertResponse(row);
}
