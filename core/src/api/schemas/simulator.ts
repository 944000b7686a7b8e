import { z } from 'zod';
import { SIMULATOR_OPERATIONS } from '../../domain/infrastructure';
import { ADMIN, INFRA_READERS } from './common';
import { entity, field } from './fields';
import { listParams, param } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** A Simulator fault-injection mock (Stackyard's configureSimulator family). */
export const SimulatorMock = entity('SimulatorMock', {
  id: field.uuid('the ID of the mock'),
  name: field.oneOf(
    SIMULATOR_OPERATIONS,
    'the Simulator operation the mock acts on (PingCommand, ReadyCommand, MaintainCommand ...)',
  ),
  value: field.string("what the mock does: 'result:fail' and/or 'wait:<ms>'"),
  zoneid: field.uuid('the Zone the mock is limited to').optional(),
  podid: field.uuid('the Pod the mock is limited to').optional(),
  clusterid: field.uuid('the cluster the mock is limited to').optional(),
  hostid: field.uuid('the host the mock is limited to').optional(),
  hostname: field.string('the name of that host').optional(),
  count: field.integer('how many more times the mock fires; absent = unlimited').optional(),
  nth: field.integer('the mock fires from its nth matching call on'),
  callsseen: field.integer('matching calls seen so far'),
  jsonresponse: field.string('the agent answer configured for the mock').optional(),
  active: field.boolean('whether the mock can still fire'),
  created: field.date('when the mock was configured'),
});
export type SimulatorMock = z.infer<typeof SimulatorMock>;

export const configureSimulator = defineSpec({
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
  response: objectOf('simulatormock', SimulatorMock),
});

export const querySimulatorMock = defineSpec({
  name: 'querySimulatorMock',
  description: 'Shows a Simulator mock and how often it matched (Stackyard).',
  roles: INFRA_READERS,
  params: z.object({
    id: param.uuid('the mock ID'),
  }),
  response: objectOf('simulatormock', SimulatorMock),
});

export const cleanupSimulatorMock = defineSpec({
  name: 'cleanupSimulatorMock',
  description: 'Removes a Simulator mock (Stackyard).',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('the mock ID'),
  }),
  response: success(),
});

export const listSimulatorMocks = defineSpec({
  name: 'listSimulatorMocks',
  description: 'Lists the Simulator mocks in effect (Stackyard).',
  roles: INFRA_READERS,
  params: z.object({
    ...listParams,
    id: param.uuid('the mock ID').optional(),
    hostid: param.uuid('mocks limited to this host').optional(),
    name: param.string('mocks of this operation', 64).optional(),
  }),
  response: listOf('simulatormock', SimulatorMock),
});

export type ConfigureSimulatorInput = CommandInput<typeof configureSimulator>;
export type ListSimulatorMocksInput = CommandInput<typeof listSimulatorMocks>;
