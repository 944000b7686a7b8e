import { PodService } from '../../services/infrastructure/pods';
import { implement } from '../command';
import * as spec from '../schemas/pods';

const createPod = implement(spec.createPod, {
  handler: (ctx, p) => new PodService(ctx.services).create(ctx.caller, p),
});

const updatePod = implement(spec.updatePod, {
  handler: (ctx, p) => new PodService(ctx.services).update(ctx.caller, p),
});

const deletePod = implement(spec.deletePod, {
  handler: (ctx, p) => new PodService(ctx.services).delete(ctx.caller, p),
});

const listPods = implement(spec.listPods, {
  handler: (ctx, p) => new PodService(ctx.services).list(p),
});

export const podCommands = [createPod, updatePod, deletePod, listPods];
