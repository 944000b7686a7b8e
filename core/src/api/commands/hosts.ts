import { HostMaintenanceService } from '../../services/infrastructure/host-maintenance';
import { HostQueries } from '../../services/infrastructure/host-queries';
import { HostService } from '../../services/infrastructure/hosts';
import { implement } from '../command';
import * as spec from '../schemas/hosts';

const hostJob = (instanceId: string) => ({ instanceType: 'Host', instanceId });

const addHost = implement(spec.addHost, {
  async handler(ctx, p) {
    const host = await new HostService(ctx.services).add(ctx.caller, p);
    return { items: [host], count: 1 };
  },
});

const updateHost = implement(spec.updateHost, {
  handler: (ctx, p) => new HostService(ctx.services).update(ctx.caller, p),
});

const reconnectHost = implement(spec.reconnectHost, {
  resumable: true,
  async jobTarget(ctx, p) {
    return hostJob((await new HostMaintenanceService(ctx.services).reconnectTarget(p.id)).uuid);
  },
  handler: (ctx, p) => new HostMaintenanceService(ctx.services).reconnect(ctx.caller, p.id, ctx.job),
});

const prepareHostForMaintenance = implement(spec.prepareHostForMaintenance, {
  resumable: true,
  async jobTarget(ctx, p) {
    return hostJob((await new HostMaintenanceService(ctx.services).maintenanceTarget(p.id)).uuid);
  },
  handler: (ctx, p) => new HostMaintenanceService(ctx.services).prepareMaintenance(ctx.caller, p.id, ctx.job),
});

const cancelHostMaintenance = implement(spec.cancelHostMaintenance, {
  resumable: true,
  async jobTarget(ctx, p) {
    return hostJob((await new HostMaintenanceService(ctx.services).cancelMaintenanceTarget(p.id)).uuid);
  },
  handler: (ctx, p) => new HostMaintenanceService(ctx.services).cancelMaintenance(ctx.caller, p.id, ctx.job),
});

const deleteHost = implement(spec.deleteHost, {
  handler: (ctx, p) => new HostService(ctx.services).delete(ctx.caller, p),
});

const listHosts = implement(spec.listHosts, {
  handler: (ctx, p) => new HostQueries(ctx.services).list(p),
});

export const hostCommands = [
  addHost,
  updateHost,
  reconnectHost,
  prepareHostForMaintenance,
  cancelHostMaintenance,
  deleteHost,
  listHosts,
];
