import { infrastructureCounts, infrastructureTopology } from '../../services/capacity/topology';
import { implement } from '../command';
import * as spec from '../schemas/infrastructure';

const listInfrastructure = implement(spec.listInfrastructure, {
  handler: (ctx) => infrastructureCounts(ctx.services),
});

const listInfrastructureTopology = implement(spec.listInfrastructureTopology, {
  handler: (ctx, p) => infrastructureTopology(ctx.services, p),
});

export const infrastructureCommands = [listInfrastructure, listInfrastructureTopology];
