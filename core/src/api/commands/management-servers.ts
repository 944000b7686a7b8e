import { implement } from '../command';
import * as spec from '../schemas/management-servers';

const listManagementServers = implement(spec.listManagementServers, {
  handler: (ctx, p) => ctx.services.managementServers.list(p),
});

export const managementServerCommands = [listManagementServers];
