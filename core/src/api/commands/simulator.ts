import {
  cleanupSimulatorMock,
  configureSimulator,
  listSimulatorMocks,
  querySimulatorMock,
} from '../../services/infrastructure/simulator-mocks';
import { implement } from '../command';
import * as spec from '../schemas/simulator';

const configure = implement(spec.configureSimulator, {
  handler: (ctx, p) => configureSimulator(ctx.services, ctx.caller, p),
});

const query = implement(spec.querySimulatorMock, {
  handler: (ctx, p) => querySimulatorMock(ctx.services, p.id),
});

const cleanup = implement(spec.cleanupSimulatorMock, {
  handler: (ctx, p) => cleanupSimulatorMock(ctx.services, ctx.caller, p.id),
});

const list = implement(spec.listSimulatorMocks, {
  handler: (ctx, p) => listSimulatorMocks(ctx.services, p),
});

export const simulatorCommands = [configure, query, cleanup, list];
