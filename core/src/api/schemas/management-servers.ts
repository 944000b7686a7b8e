import { z } from 'zod';
import { MANAGEMENT_SERVER_STATES } from '../../domain/management-servers';
import { ADMIN } from './common';
import { entity, field } from './fields';
import { listParams, param } from './params';
import { defineSpec, listOf, type CommandInput } from './spec';

/**
 * CloudStack's ManagementServerResponse. Stackyard runs on Node.js, not Java: javadistribution
 * and javaversion report the runtime that runs the server (Node.js and its version), so clients
 * that show these fields show something true.
 */
export const ManagementServer = entity('ManagementServer', {
  id: field.uuid('the ID of the management server'),
  name: field.string('the name of the management server'),
  state: field.oneOf(MANAGEMENT_SERVER_STATES, 'the state of the management server'),
  version: field.string('the version of the management server').optional(),
  javadistribution: field.string('the runtime running the management server process (Node.js)').optional(),
  javaversion: field.string('the version of the runtime running the management server process').optional(),
  osdistribution: field.string('the name of the OS distribution running on the management server').optional(),
  kernelversion: field.string('the running OS kernel version for this Management Server').optional(),
  lastboottime: field.date('the last time the host on which this Management Server runs was booted').optional(),
  lastserverstart: field.date('the last time this Management Server was started'),
  lastserverstop: field.date('the last time this Management Server was stopped').optional(),
  serviceip: field.string('the IP Address for this Management Server').optional(),
  agentscount: field.long('the number of hosts (agents) this Management Server manages'),
  pendingjobscount: field.long('the number of unfinished async jobs this Management Server runs'),
});
export type ManagementServer = z.infer<typeof ManagementServer>;

export const listManagementServers = defineSpec({
  name: 'listManagementServers',
  description: 'Lists management servers.',
  roles: ADMIN,
  params: z.object({
    ...listParams,
    id: param.uuid('the id of the management server').optional(),
    name: param.string('the name of the management server').optional(),
    state: param.string(`the state of the management server (${MANAGEMENT_SERVER_STATES.join(', ')})`).optional(),
  }),
  response: listOf('managementserver', ManagementServer),
});
export type ListManagementServersInput = CommandInput<typeof listManagementServers>;
