import type { Kysely } from 'kysely';
import { ALERT_TYPES } from '../domain/infrastructure';
import { storedParams } from '../domain/messages';
import { toCloudStackDate } from '../domain/time';
import type { Database } from '../db/schema';
import type { Alert, AlertResourceType } from '../api/schemas/alerts';

/**
 * Alerts with what they are about and who looks after them joined in: the zone, pod and cluster
 * of the alert, the host of a host alert, and the users who acknowledged it and own it.
 * Aliases: al (alerts), z, p, c, h (the host of a host alert), ab (acknowledged by), an (assignee).
 */
export function selectAlertViews(db: Kysely<Database>) {
  return db
    .selectFrom('alerts as al')
    .leftJoin('zones as z', 'z.id', 'al.zone_id')
    .leftJoin('pods as p', 'p.id', 'al.pod_id')
    .leftJoin('clusters as c', 'c.id', 'al.cluster_id')
    .leftJoin('hosts as h', (join) =>
      join.onRef('h.uuid', '=', 'al.resource_id').on('al.type', '=', ALERT_TYPES.ALERT_TYPE_HOST),
    )
    .leftJoin('users as ab', 'ab.id', 'al.acknowledged_by')
    .leftJoin('users as an', 'an.id', 'al.assignee_id')
    .select([
      'al.id',
      'al.uuid',
      'al.type',
      'al.name',
      'al.subject',
      'al.subject_key',
      'al.subject_params',
      'al.created',
      'al.last_sent',
      'al.resource_id',
      'al.acknowledged_at',
      'z.uuid as zone_uuid',
      'z.name as zone_name',
      'p.uuid as pod_uuid',
      'p.name as pod_name',
      'c.uuid as cluster_uuid',
      'c.name as cluster_name',
      'h.name as host_name',
      'ab.username as acknowledged_by_name',
      'an.uuid as assignee_uuid',
      'an.username as assignee_name',
    ]);
}

export interface AlertViewRow {
  id: number;
  uuid: string;
  type: number;
  name: string;
  subject: string;
  subject_key: string | null;
  subject_params: string | null;
  created: string;
  last_sent: string;
  resource_id: string | null;
  acknowledged_at: string | null;
  zone_uuid: string | null;
  zone_name: string | null;
  pod_uuid: string | null;
  pod_name: string | null;
  cluster_uuid: string | null;
  cluster_name: string | null;
  host_name: string | null;
  acknowledged_by_name: string | null;
  assignee_uuid: string | null;
  assignee_name: string | null;
}

/**
 * What an alert is about: the host of a host alert, otherwise the most specific place it names
 * (a capacity alert is raised for a cluster, a pod or a zone).
 */
export function alertResource(
  row: AlertViewRow,
): { type: AlertResourceType; id: string; name: string | null } | undefined {
  if (row.type === ALERT_TYPES.ALERT_TYPE_HOST && row.resource_id !== null) {
    return { type: 'Host', id: row.resource_id, name: row.host_name };
  }
  if (row.cluster_uuid !== null) return { type: 'Cluster', id: row.cluster_uuid, name: row.cluster_name };
  if (row.pod_uuid !== null) return { type: 'Pod', id: row.pod_uuid, name: row.pod_name };
  if (row.zone_uuid !== null) return { type: 'Zone', id: row.zone_uuid, name: row.zone_name };
  return undefined;
}

/** CloudStack's AlertResponse (description is the subject; sent is when it was raised) with Stackyard's additions. */
export function alertResponse(row: AlertViewRow): Alert {
  const out: Alert = {
    id: row.uuid,
    type: row.type,
    name: row.name,
    description: row.subject,
    sent: toCloudStackDate(row.created),
    lastsent: toCloudStackDate(row.last_sent),
    acknowledged: row.acknowledged_at !== null,
  };
  if (row.subject_key !== null) {
    out.descriptionkey = row.subject_key;
    out.descriptionparams = storedParams(row.subject_params);
  }
  const resource = alertResource(row);
  if (resource) {
    out.resourcetype = resource.type;
    out.resourceid = resource.id;
    if (resource.name !== null) out.resourcename = resource.name;
  }
  if (row.zone_uuid !== null) out.zoneid = row.zone_uuid;
  if (row.zone_name !== null) out.zonename = row.zone_name;
  if (row.pod_uuid !== null) out.podid = row.pod_uuid;
  if (row.pod_name !== null) out.podname = row.pod_name;
  if (row.cluster_uuid !== null) out.clusterid = row.cluster_uuid;
  if (row.cluster_name !== null) out.clustername = row.cluster_name;
  if (row.acknowledged_at !== null) out.acknowledgedat = toCloudStackDate(row.acknowledged_at);
  if (row.acknowledged_by_name !== null) out.acknowledgedby = row.acknowledged_by_name;
  if (row.assignee_uuid !== null) out.assigneeid = row.assignee_uuid;
  if (row.assignee_name !== null) out.assignee = row.assignee_name;
  return out;
}
