import { tenancy } from '../../services/tenancy/index';
import { implement } from '../command';
import * as spec from '../schemas/domains';

const createDomain = implement(spec.createDomain, {
  handler: (ctx, p) => tenancy(ctx.services).domains.create(ctx.caller, p),
});

const listDomains = implement(spec.listDomains, {
  handler: (ctx, p) => tenancy(ctx.services).domains.list(ctx.caller, p),
});

const updateDomain = implement(spec.updateDomain, {
  handler: (ctx, p) => tenancy(ctx.services).domains.update(ctx.caller, p),
});

const deleteDomain = implement(spec.deleteDomain, {
  resumable: true,
  async jobTarget(ctx, p) {
    const domain = await tenancy(ctx.services).domains.deleteTarget(ctx.caller, p);
    return { instanceType: 'Domain', instanceId: domain.uuid };
  },
  handler: (ctx, p) => tenancy(ctx.services).domains.delete(ctx.caller, p, ctx.job),
});

export const domainCommands = [createDomain, listDomains, updateDomain, deleteDomain];
