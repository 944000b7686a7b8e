import { implement } from '../command';
import * as spec from '../schemas/clusters';

const addCluster = implement(spec.addCluster, {
  async handler(ctx, p) {
    const cluster = await ctx.services.clusters.add(ctx.caller, p);
    return { items: [cluster], count: 1 };
  },
});

const updateCluster = implement(spec.updateCluster, {
  handler: (ctx, p) => ctx.services.clusters.update(ctx.caller, p),
});

const deleteCluster = implement(spec.deleteCluster, {
  handler: (ctx, p) => ctx.services.clusters.delete(ctx.caller, p),
});

const listClusters = implement(spec.listClusters, {
  handler: (ctx, p) => ctx.services.clusters.list(p),
});

export const clusterCommands = [addCluster, updateCluster, deleteCluster, listClusters];
