import { implement } from '../command';
import * as spec from '../schemas/simulator';

const configure = implement(spec.configureSimulator, {
  handler: (ctx, p) => ctx.services.simulator.configure(ctx.caller, p),
});

const query = implement(spec.querySimulatorMock, {
  handler: (ctx, p) => ctx.services.simulator.query(p.id),
});

const cleanup = implement(spec.cleanupSimulatorMock, {
  handler: (ctx, p) => ctx.services.simulator.cleanup(ctx.caller, p.id),
});

const list = implement(spec.listSimulatorMocks, {
  handler: (ctx, p) => ctx.services.simulator.list(p),
});

export const simulatorCommands = [configure, query, cleanup, list];
