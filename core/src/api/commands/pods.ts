import { implement } from '../command';
import * as spec from '../schemas/pods';

const createPod = implement(spec.createPod, {
  handler: (ctx, p) => ctx.services.pods.create(ctx.caller, p),
});

const updatePod = implement(spec.updatePod, {
  handler: (ctx, p) => ctx.services.pods.update(ctx.caller, p),
});

const deletePod = implement(spec.deletePod, {
  handler: (ctx, p) => ctx.services.pods.delete(ctx.caller, p),
});

const listPods = implement(spec.listPods, {
  handler: (ctx, p) => ctx.services.pods.list(p),
});

export const podCommands = [createPod, updatePod, deletePod, listPods];
