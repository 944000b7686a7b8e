import { ClusterService } from '../../services/infrastructure/clusters';
import { implement } from '../command';
import * as spec from '../schemas/clusters';

const addCluster = implement(spec.addCluster, {
  async handler(ctx, p) {
    const cluster = await new ClusterService(ctx.services).add(ctx.caller, p);
    return { items: [cluster], count: 1 };
  },
});

const updateCluster = implement(spec.updateCluster, {
  handler: (ctx, p) => new ClusterService(ctx.services).update(ctx.caller, p),
});

const deleteCluster = implement(spec.deleteCluster, {
  handler: (ctx, p) => new ClusterService(ctx.services).delete(ctx.caller, p),
});

const listClusters = implement(spec.listClusters, {
  handler: (ctx, p) => new ClusterService(ctx.services).list(p),
});

export const clusterCommands = [addCluster, updateCluster, deleteCluster, listClusters];
