import { implement } from '../command';
import * as spec from '../schemas/search';

const searchResources = implement(spec.searchResources, {
  handler: (ctx, p) => ctx.services.search.search(ctx.caller, p),
});

export const searchCommands = [searchResources];
