import { z } from 'zod';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';
import {
  cleanupSimulatorMock,
  configureSimulator,
  listSimulatorMocks,
  querySimulatorMock,
} from '../../services/infrastructure/simulator-mocks';

const ADMIN = ['Admin'] as const;
const READERS = ['Admin', 'ResourceAdmin'] as const;

const MOCK_RESPONSE = {
  name: 'simulatormock',
  fields: {
    id: 'the ID of the mock',
    name: 'the Simulator operation the mock acts on (PingCommand, ReadyCommand, MaintainCommand ...)',
    value: "what the mock does: 'result:fail' and/or 'wait:<ms>'",
    zoneid: 'the Zone the mock is limited to',
    podid: 'the Pod the mock is limited to',
    clusterid: 'the cluster the mock is limited to',
    hostid: 'the host the mock is limited to',
    hostname: 'the name of that host',
    count: 'how many more times the mock fires; absent = unlimited',
    nth: 'the mock fires from its nth matching call on',
    callsseen: 'matching calls seen so far',
    jsonresponse: 'the agent answer configured for the mock',
    active: 'whether the mock can still fire',
    created: 'when the mock was configured',
  },
};

const SUCCESS_RESPONSE = {
  name: 'success',
  fields: {
    success: 'true if operation is executed successfully',
    displaytext: 'any text associated with the success or failure',
  },
};

const configure = defineCommand({
  name: 'configureSimulator',
  description: 'Configures a Simulator fault: fail or delay an operation, for some hosts, some times (Stackyard).',
  roles: ADMIN,
  params: z.object({
    name: param.string('the operation: ReadyCommand, PingCommand, GetHostStatsCommand, MaintainCommand ...', 64),
    value: param.string("what to do: 'result:fail', 'wait:<ms>', or both ('result:fail,wait:500')"),
    zoneid: param.uuid('limit the mock to this zone').optional(),
    podid: param.uuid('limit the mock to this pod').optional(),
    clusterid: param.uuid('limit the mock to this cluster').optional(),
    hostid: param.uuid('limit the mock to this host').optional(),
    count: param.integer('how many times the mock fires; unlimited when absent', 1).optional(),
    nth: param.integer('fire from the nth matching call on (1 = the first)', 1).optional(),
    jsonresponse: param
      .string('the agent answer as JSON; {"result": false, "details": "..."} fails with that text', 4096)
      .optional(),
  }),
  response: MOCK_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'simulatormock', value: await configureSimulator(ctx.services, ctx.caller, p) };
  },
});

const query = defineCommand({
  name: 'querySimulatorMock',
  description: 'Shows a Simulator mock and how often it matched (Stackyard).',
  roles: READERS,
  params: z.object({
    id: param.uuid('the mock ID'),
  }),
  response: MOCK_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'simulatormock', value: await querySimulatorMock(ctx.services, p.id) };
  },
});

const cleanup = defineCommand({
  name: 'cleanupSimulatorMock',
  description: 'Removes a Simulator mock (Stackyard).',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the mock ID'),
  }),
  response: SUCCESS_RESPONSE,
  async handler(ctx, p) {
    await cleanupSimulatorMock(ctx.services, ctx.caller, p.id);
    return { kind: 'success' };
  },
});

const list = defineCommand({
  name: 'listSimulatorMocks',
  description: 'Lists the Simulator mocks in effect (Stackyard).',
  roles: READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('the mock ID').optional(),
    hostid: param.uuid('mocks limited to this host').optional(),
    name: param.string('mocks of this operation', 64).optional(),
  }),
  response: MOCK_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await listSimulatorMocks(ctx.services, p);
    return { kind: 'list', name: 'simulatormock', items, count };
  },
});

export const simulatorCommands = [configure, query, cleanup, list];
