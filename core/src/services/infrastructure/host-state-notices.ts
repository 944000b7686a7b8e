import { ALERT_TYPES, type HostStatus } from '../../domain/infrastructure';
import { message } from '../../domain/messages';
import type { HostRow } from '../../db/schema';
import { clearAlerts, raiseAlert } from '../alerts';
import type { CoreServices } from '../core-services';
import { namesById } from './lookups';

/** What the notices need of a host the monitor moved. */
export type NoticedHost = Pick<
  HostRow,
  'uuid' | 'name' | 'zone_id' | 'pod_id' | 'cluster_id' | 'status' | 'last_ping' | 'created'
>;

/** The alert subject for a host that stopped answering, by the state it reached (CloudStack's wording). */
const SUBJECTS: Partial<Record<HostStatus, 'alert.host.disconnected' | 'alert.host.alert' | 'alert.host.down'>> = {
  Disconnected: 'alert.host.disconnected',
  Alert: 'alert.host.alert',
  Down: 'alert.host.down',
};

type Services = Pick<CoreServices, 'store' | 'events'>;

/**
 * Hosts that stopped answering and moved from `from` to `to`: each gets a HOST.STATE.CHANGE event
 * saying why, and a host alert from the first missed window on (Disconnected), whose subject
 * follows the host to Alert and Down (one open alert per host).
 */
export async function noticeSilentHosts(
  services: Services,
  hosts: NoticedHost[],
  from: HostStatus,
  to: HostStatus,
): Promise<void> {
  if (hosts.length === 0) return;
  const { db } = services.store;
  const zones = await namesById(
    db,
    'zones',
    hosts.map((h) => h.zone_id),
  );
  const pods = await namesById(
    db,
    'pods',
    hosts.map((h) => h.pod_id),
  );
  for (const h of hosts) {
    const since = h.last_ping ?? h.created;
    await services.events.record({
      type: 'HOST.STATE.CHANGE',
      level: to === 'Down' ? 'ERROR' : 'WARN',
      message: message('event.host.silent', { name: h.name, to, from, since, id: h.uuid }),
      resourceType: 'Host',
      resourceId: h.uuid,
    });
    const subject = SUBJECTS[to];
    if (!subject) continue;
    await raiseAlert(services, {
      type: ALERT_TYPES.ALERT_TYPE_HOST,
      name: 'ALERT.HOST',
      message: message(subject, {
        name: h.name,
        id: h.uuid,
        zone: zones.get(h.zone_id)?.name ?? h.zone_id,
        pod: pods.get(h.pod_id)?.name ?? h.pod_id,
      }),
      zoneId: h.zone_id,
      podId: h.pod_id,
      clusterId: h.cluster_id,
      resourceId: h.uuid,
    });
  }
}

/** A host that answered again: a HOST.STATE.CHANGE event, and its host alerts archived. */
export async function noticeAnsweringHost(services: Services, h: NoticedHost): Promise<void> {
  await services.events.record({
    type: 'HOST.STATE.CHANGE',
    message: message('event.host.answered', { name: h.name, from: h.status, id: h.uuid }),
    resourceType: 'Host',
    resourceId: h.uuid,
  });
  if (h.status !== 'Connecting') await clearAlerts(services, ALERT_TYPES.ALERT_TYPE_HOST, h.uuid);
}
