import crypto from 'node:crypto';
import { englishText, type ServerMessage } from '../domain/messages';
import { nowIso } from '../domain/time';
import type { CoreServices } from './core-services';

export interface RaiseAlert {
  /** ALERT_TYPES code (domain/infrastructure.ts). */
  type: number;
  /** CloudStack's alert name, e.g. 'ALERT.HOST', 'ALERT.MEMORY'. */
  name: string;
  /** What the alert says, by catalogue key (domain/messages.ts); its English text is the subject. */
  message: ServerMessage;
  zoneId?: number | null;
  podId?: number | null;
  clusterId?: number | null;
  /** The resource the alert is about (uuid); an open alert of the same type and resource is refreshed, not repeated. */
  resourceId?: string | null;
}

/**
 * Raises a CloudStack alert (listAlerts). While an unarchived alert of the same type exists for the
 * same resource, it is refreshed (subject, its key and last_sent) instead of adding another row, so a host
 * that stays down does not flood the list. Publishes an 'Alert' resource change for open screens.
 */
export async function raiseAlert(services: Pick<CoreServices, 'store' | 'events'>, alert: RaiseAlert): Promise<void> {
  const { db } = services.store;
  const now = nowIso();
  const resourceId = alert.resourceId ?? null;
  const said = {
    subject: englishText(alert.message).slice(0, 2048),
    subject_key: alert.message.key,
    subject_params: JSON.stringify(alert.message.params),
  };
  let uuid: string | undefined;
  if (resourceId !== null) {
    const open = await db
      .selectFrom('alerts')
      .select(['id', 'uuid'])
      .where('type', '=', alert.type)
      .where('resource_id', '=', resourceId)
      .where('archived', '=', 0)
      .executeTakeFirst();
    if (open) {
      await db
        .updateTable('alerts')
        .set({ ...said, last_sent: now })
        .where('id', '=', open.id)
        .execute();
      uuid = open.uuid;
    }
  }
  if (uuid === undefined) {
    uuid = crypto.randomUUID();
    await db
      .insertInto('alerts')
      .values({
        uuid,
        type: alert.type,
        name: alert.name,
        ...said,
        zone_id: alert.zoneId ?? null,
        pod_id: alert.podId ?? null,
        cluster_id: alert.clusterId ?? null,
        resource_id: resourceId,
        archived: 0,
        created: now,
        last_sent: now,
      })
      .execute();
  }
  services.events.publish({
    kind: 'resource',
    scope: { accountId: null, domainId: null },
    resource: { type: 'Alert', ids: [uuid], change: 'raised' },
  });
}

/** Archives the open alerts of a type about a resource once the condition has cleared (a host is Up again). */
export async function clearAlerts(
  services: Pick<CoreServices, 'store'>,
  type: number,
  resourceId: string,
): Promise<void> {
  await services.store.db
    .updateTable('alerts')
    .set({ archived: 1 })
    .where('type', '=', type)
    .where('resource_id', '=', resourceId)
    .where('archived', '=', 0)
    .execute();
}
