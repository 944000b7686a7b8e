import { z } from 'zod';
import { defineCommand, type AnyCommand } from '../command';
import { responseFields, responseName } from '../describe';
import { param, paramMeta } from '../schemas/params';
import { STACKYARD_VERSION, CLOUDSTACK_API_VERSION } from '../version';

const ALL_ROLES = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;

function describeApi(def: AnyCommand) {
  const shape = def.params.shape as Record<string, z.ZodType>;
  return {
    name: def.name,
    description: def.description,
    isasync: def.isAsync === true,
    related: '',
    since: '',
    params: Object.entries(shape).map(([name, schema]) => {
      const meta = paramMeta(schema);
      return {
        name,
        description: meta.description,
        type: meta.type,
        length: meta.length ?? 255,
        required: meta.required,
        related: '',
        since: meta.since ?? '',
      };
    }),
    response: responseFields(def),
    responsename: responseName(def),
  };
}

const listApis = defineCommand({
  name: 'listApis',
  description: 'Lists all available APIs and their documentation, as the caller may call them',
  roles: ALL_ROLES,
  params: z.object({ name: param.string('API name').optional() }),
  response: {
    name: 'api',
    fields: {
      name: 'the name of the api command',
      description: 'description of the api',
      isasync: 'true if api is asynchronous',
      params: 'the list of params the api accepts',
      response: 'api response fields',
    },
  },
  async handler(ctx, params) {
    const visible: AnyCommand[] = [];
    for (const def of ctx.commands.all()) {
      if (params.name && def.name.toLowerCase() !== params.name.toLowerCase()) continue;
      if (def.auth === 'none' || (await ctx.services.access.isCommandAllowed(ctx.caller, def.name, def.roles))) {
        visible.push(def);
      }
    }
    return { kind: 'list', name: 'api', items: visible.map(describeApi), count: visible.length };
  },
});

const listCapabilities = defineCommand({
  name: 'listCapabilities',
  description: 'Lists capabilities of the management server',
  roles: ALL_ROLES,
  params: z.object({}),
  response: {
    name: 'capability',
    fields: {
      cloudstackversion: 'version of the cloud stack API this server speaks',
      dynamicrolesenabled: 'true if dynamic role-based api checker is enabled',
      stackyardversion: 'version of Stackyard',
    },
  },
  async handler() {
    return {
      kind: 'object',
      name: 'capability',
      value: {
        cloudstackversion: CLOUDSTACK_API_VERSION,
        stackyardversion: STACKYARD_VERSION,
        dynamicrolesenabled: true,
        securitygroupsenabled: false,
        userpublictemplateenabled: true,
        projectinviterequired: false,
        allowusercreateprojects: false,
        allowuserviewdestroyedvm: false,
        allowuserexpungerecovervm: false,
        kvmsnapshotenabled: true,
        apilimitinterval: 1,
        apilimitmax: 0,
        defaultuipagesize: 20,
      },
    };
  },
});

export const apiDiscoveryCommands = [listApis, listCapabilities];
