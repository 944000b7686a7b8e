import { implement } from '../command';
import * as spec from '../schemas/infrastructure';

const listInfrastructure = implement(spec.listInfrastructure, {
  handler: (ctx) => ctx.services.infrastructure.counts(),
});

const listInfrastructureTopology = implement(spec.listInfrastructureTopology, {
  handler: (ctx, p) => ctx.services.infrastructure.topology(p),
});

const listInfrastructureHealth = implement(spec.listInfrastructureHealth, {
  handler: (ctx, p) => ctx.services.infrastructure.health(p),
});

export const infrastructureCommands = [listInfrastructure, listInfrastructureTopology, listInfrastructureHealth];
