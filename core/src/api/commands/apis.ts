import type { z } from 'zod';
import { implement, type AnyCommand } from '../command';
import { responseFields, responseName } from '../describe';
import * as spec from '../schemas/apis';
import { paramMeta } from '../schemas/params';
import { STACKYARD_VERSION, CLOUDSTACK_API_VERSION } from '../version';

function describeApi(def: AnyCommand): spec.Api {
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

const listApis = implement(spec.listApis, {
  async handler(ctx, params) {
    const visible: AnyCommand[] = [];
    for (const def of ctx.commands.all()) {
      if (params.name && def.name.toLowerCase() !== params.name.toLowerCase()) continue;
      if (def.auth === 'none' || (await ctx.services.access.isCommandAllowed(ctx.caller, def.name, def.roles))) {
        visible.push(def);
      }
    }
    return { items: visible.map(describeApi), count: visible.length };
  },
});

const listCapabilities = implement(spec.listCapabilities, {
  async handler() {
    return {
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
    };
  },
});

export const apiDiscoveryCommands = [listApis, listCapabilities];
