import { implement } from '../command';
import * as spec from '../schemas/hypervisors';

const listHypervisors = implement(spec.listHypervisors, {
  handler: (ctx, p) => ctx.services.hypervisorList.list(p),
});

export const hypervisorCommands = [listHypervisors];
