import type { Host } from '../../api/schemas/hosts';
import { message } from '../../domain/messages';
import { invalidParameter } from '../../domain/errors';
import { ALERT_TYPES } from '../../domain/infrastructure';
import { hostResourceState, hostStatus } from '../../domain/state-machines/index';
import { nowIso } from '../../domain/time';
import type { HostRow } from '../../db/schema';
import { HostOperationError, type DiscoveredHost } from '../../drivers/hypervisor/types';
import { clearAlerts } from '../alerts';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import type { Progress } from '../tenancy/shared';
import { HostQueries } from './host-queries';
import {
  driverFor,
  hostFailure,
  hostTarget,
  publishHostState,
  requireDriver,
  setHostResourceState,
  setHostStatus,
} from './host-support';
import { requireHost } from './lookups';

/** The events a host's maintenance and reconnection record: each names the host and its id. */
type HostEventKey =
  | 'event.host.reconnected'
  | 'event.host.reconnectFailed'
  | 'event.host.inMaintenance'
  | 'event.host.maintenanceFailed'
  | 'event.host.maintenanceCancelled';

/**
 * A host's connection and maintenance cycle: reconnectHost, prepareHostForMaintenance and
 * cancelHostMaintenance, along the host status and resource state tables
 * (core/src/domain/state-machines). Each runs as a resumable job: every step checks where the
 * host is first.
 */
export class HostMaintenanceService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  private respond(host: HostRow): Promise<Host> {
    return new HostQueries(this.services).responseOf(host.id);
  }

  /** Checks made before reconnectHost is queued (and again when its job runs). */
  async reconnectTarget(id: string): Promise<HostRow> {
    const host = await requireHost(this.db, id, 'id');
    if (host.resource_state === 'PrepareForMaintenance') {
      throw invalidParameter('HOST.BAD_STATE', message('error.host.reconnectDuringMaintenance', { name: host.name }));
    }
    return host;
  }

  /** reconnectHost: Connecting, then the driver's connect: Up, or Disconnected when it fails. */
  async reconnect(caller: Caller, id: string, job?: Progress): Promise<Host> {
    const host = await this.reconnectTarget(id);
    const driver = requireDriver(this.services, host);
    await setHostStatus(
      this.services,
      host,
      hostStatus.next(host.status, 'Connect', { kind: 'Host', name: host.name }),
    );
    await job?.report(30, `Connecting to ${host.name}`);
    let found: DiscoveredHost;
    try {
      found = await driver.connect({
        url: host.url,
        hostId: host.id,
        username: host.username ?? undefined,
        password: host.password ? this.services.secrets.decrypt(host.password) : undefined,
        zoneId: host.zone_id,
        podId: host.pod_id,
        clusterId: host.cluster_id,
      });
    } catch (error) {
      await setHostStatus(
        this.services,
        host,
        hostStatus.next('Connecting', 'ConnectFailed', { kind: 'Host', name: host.name }),
      );
      await this.record(caller, host, 'HOST.RECONNECT', 'event.host.reconnectFailed', 'ERROR');
      throw hostFailure(error, (reason) => message('error.host.reconnectFailed', { name: host.name, reason }));
    }
    const now = nowIso();
    await this.db
      .updateTable('hosts')
      .set({
        status: hostStatus.next('Connecting', 'Connected', { kind: 'Host', name: host.name }),
        status_changed: now,
        last_ping: now,
        owner_server: this.services.serverId,
        hypervisor_version: found.hypervisorVersion,
        cpu_sockets: found.cpuSockets,
        cpu_number: found.cpuNumber,
        cpu_speed: found.cpuSpeed,
        total_memory: found.totalMemory,
        capabilities: found.capabilities.join(','),
      })
      .where('id', '=', host.id)
      .where('removed', 'is', null)
      .execute();
    await clearAlerts(this.services, ALERT_TYPES.ALERT_TYPE_HOST, host.uuid);
    publishHostState(this.services, [host.uuid]);
    await this.record(caller, host, 'HOST.RECONNECT', 'event.host.reconnected');
    return this.respond(host);
  }

  /** Checks made before prepareHostForMaintenance is queued (resumed: its job runs again). */
  async maintenanceTarget(id: string, resumed = false): Promise<HostRow> {
    const host = await requireHost(this.db, id, 'id');
    const state = host.resource_state;
    if (
      !hostResourceState.can(state, 'PrepareMaintenance') &&
      !(resumed && hostResourceState.can(state, 'ResumeMaintenance'))
    ) {
      throw invalidParameter(
        'HOST.BAD_STATE',
        state === 'Maintenance'
          ? message('error.host.alreadyInMaintenance', { name: host.name })
          : message('error.host.maintenanceBadState', { name: host.name, state }),
      );
    }
    if (host.status !== 'Up' && state !== 'PrepareForMaintenance') {
      throw invalidParameter(
        'HOST.NOT_UP',
        message('error.host.maintenanceNotUp', { name: host.name, state: host.status }),
      );
    }
    return host;
  }

  /**
   * prepareHostForMaintenance: PrepareForMaintenance, move the VMs away, the driver's
   * MaintainCommand, then Maintenance; ErrorInMaintenance when a step fails.
   */
  async prepareMaintenance(caller: Caller, id: string, job?: Progress): Promise<Host> {
    const host = await this.maintenanceTarget(id, true);
    const driver = requireDriver(this.services, host);
    if (host.resource_state !== 'PrepareForMaintenance') {
      const r = await this.db
        .updateTable('hosts')
        .set({
          resource_state: hostResourceState.next(host.resource_state, 'PrepareMaintenance', {
            kind: 'Host',
            name: host.name,
          }),
        })
        .where('id', '=', host.id)
        .where('resource_state', '=', host.resource_state)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) {
        throw invalidParameter('HOST.CHANGED', message('error.host.changed', { name: host.name }));
      }
      publishHostState(this.services, [host.uuid]);
    }
    await job?.report(10, `Preparing ${host.name} for maintenance`);
    try {
      // Live-migrate every VM off the host. No VMs exist in this build yet: the loop joins with the
      // VM work (each migration an idempotent step that first checks where the VM runs).
      const vmsToMigrate: string[] = [];
      for (const [i, vm] of vmsToMigrate.entries()) {
        await job?.report(10 + Math.round((70 * (i + 1)) / vmsToMigrate.length), `Migrated ${vm}`);
      }
      await job?.report(80, `Sending MaintainCommand to ${host.name}`);
      await driver.prepareMaintenance(hostTarget(host));
    } catch (error) {
      const failed = hostResourceState.next('PrepareForMaintenance', 'MaintenanceFailed', {
        kind: 'Host',
        name: host.name,
      });
      await setHostResourceState(this.services, host, failed);
      await this.record(caller, host, 'MAINT.PREPARE', 'event.host.maintenanceFailed', 'ERROR');
      throw hostFailure(error, (reason) => message('error.host.maintenanceFailed', { name: host.name, reason }));
    }
    const done = hostResourceState.next('PrepareForMaintenance', 'MaintenanceDone', { kind: 'Host', name: host.name });
    await setHostResourceState(this.services, host, done);
    await this.record(caller, host, 'MAINT.PREPARE', 'event.host.inMaintenance');
    return this.respond(host);
  }

  /** Checks made before cancelHostMaintenance is queued. */
  async cancelMaintenanceTarget(id: string): Promise<HostRow> {
    const host = await requireHost(this.db, id, 'id');
    if (!hostResourceState.can(host.resource_state, 'CancelMaintenance')) {
      throw invalidParameter(
        'HOST.BAD_STATE',
        message('error.host.notInMaintenance', { name: host.name, state: host.resource_state }),
      );
    }
    return host;
  }

  /** cancelHostMaintenance: back to Enabled, with a heartbeat so the host is not judged on an old one. */
  async cancelMaintenance(caller: Caller, id: string, job?: Progress): Promise<Host> {
    const host = await requireHost(this.db, id, 'id');
    // A resumed job may find the host Enabled already: that step is done.
    if (host.resource_state !== 'Enabled') {
      await this.cancelMaintenanceTarget(id);
      await setHostResourceState(
        this.services,
        host,
        hostResourceState.next(host.resource_state, 'CancelMaintenance', { kind: 'Host', name: host.name }),
      );
    }
    await job?.report(50, `Checking ${host.name}`);
    const driver = driverFor(this.services, host.hypervisor_type);
    if (driver) {
      try {
        await driver.ping(hostTarget(host));
        await this.db.updateTable('hosts').set({ last_ping: nowIso() }).where('id', '=', host.id).execute();
        const back = hostStatus.target(host.status, 'PingAnswered');
        if (back !== undefined) {
          await setHostStatus(this.services, host, back);
          await clearAlerts(this.services, ALERT_TYPES.ALERT_TYPE_HOST, host.uuid);
        }
      } catch (error) {
        if (!(error instanceof HostOperationError)) throw error;
        // The host does not answer: the host monitor takes it from here.
      }
    }
    await this.record(caller, host, 'MAINT.CANCEL', 'event.host.maintenanceCancelled');
    return this.respond(host);
  }

  private async record(caller: Caller, host: HostRow, type: string, key: HostEventKey, level?: 'ERROR'): Promise<void> {
    await this.services.events.record({
      type,
      ...(level ? { level } : {}),
      message: message(key, { name: host.name, id: host.uuid }),
      caller,
      resourceType: 'Host',
      resourceId: host.uuid,
    });
  }
}
