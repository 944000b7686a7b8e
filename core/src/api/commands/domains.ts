import { implement } from '../command';
import * as spec from '../schemas/domains';

const createDomain = implement(spec.createDomain, {
  handler: (ctx, p) => ctx.services.tenancy.domains.create(ctx.caller, p),
});

const listDomains = implement(spec.listDomains, {
  handler: (ctx, p) => ctx.services.tenancy.domains.list(ctx.caller, p),
});

const listDomainChildren = implement(spec.listDomainChildren, {
  handler: (ctx, p) => ctx.services.tenancy.domains.listChildren(ctx.caller, p),
});

const updateDomain = implement(spec.updateDomain, {
  handler: (ctx, p) => ctx.services.tenancy.domains.update(ctx.caller, p),
});

const deleteDomain = implement(spec.deleteDomain, {
  resumable: true,
  async jobTarget(ctx, p) {
    const domain = await ctx.services.tenancy.domains.deleteTarget(ctx.caller, p);
    return { instanceType: 'Domain', instanceId: domain.uuid };
  },
  handler: (ctx, p) => ctx.services.tenancy.domains.delete(ctx.caller, p, ctx.job),
});

export const domainCommands = [createDomain, listDomains, listDomainChildren, updateDomain, deleteDomain];
