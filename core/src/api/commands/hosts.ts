import { implement } from '../command';
import * as spec from '../schemas/hosts';
import { parseApiDate } from './events';

const hostJob = (instanceId: string) => ({ instanceType: 'Host', instanceId });

const addHost = implement(spec.addHost, {
  async handler(ctx, p) {
    const host = await ctx.services.hosts.add(ctx.caller, p);
    return { items: [host], count: 1 };
  },
});

const updateHost = implement(spec.updateHost, {
  handler: (ctx, p) => ctx.services.hosts.update(ctx.caller, p),
});

const reconnectHost = implement(spec.reconnectHost, {
  resumable: true,
  async jobTarget(ctx, p) {
    return hostJob((await ctx.services.hostMaintenance.reconnectTarget(p.id)).uuid);
  },
  handler: (ctx, p) => ctx.services.hostMaintenance.reconnect(ctx.caller, p.id, ctx.job),
});

const prepareHostForMaintenance = implement(spec.prepareHostForMaintenance, {
  resumable: true,
  async jobTarget(ctx, p) {
    return hostJob((await ctx.services.hostMaintenance.maintenanceTarget(p.id)).uuid);
  },
  handler: (ctx, p) => ctx.services.hostMaintenance.prepareMaintenance(ctx.caller, p.id, ctx.job),
});

const cancelHostMaintenance = implement(spec.cancelHostMaintenance, {
  resumable: true,
  async jobTarget(ctx, p) {
    return hostJob((await ctx.services.hostMaintenance.cancelMaintenanceTarget(p.id)).uuid);
  },
  handler: (ctx, p) => ctx.services.hostMaintenance.cancelMaintenance(ctx.caller, p.id, ctx.job),
});

const deleteHost = implement(spec.deleteHost, {
  handler: (ctx, p) => ctx.services.hosts.delete(ctx.caller, p),
});

const listHosts = implement(spec.listHosts, {
  handler: (ctx, p) => ctx.services.hostQueries.list(p),
});

const listHostsUsageHistory = implement(spec.listHostsUsageHistory, {
  handler: (ctx, p) =>
    ctx.services.hostUsageHistory.list({
      ...p,
      startDate: p.startdate === undefined ? undefined : parseApiDate(p.startdate, 'startdate'),
      endDate: p.enddate === undefined ? undefined : parseApiDate(p.enddate, 'enddate', 'end'),
    }),
});

export const hostCommands = [
  addHost,
  updateHost,
  reconnectHost,
  prepareHostForMaintenance,
  cancelHostMaintenance,
  deleteHost,
  listHosts,
  listHostsUsageHistory,
];
