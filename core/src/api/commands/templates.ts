import { implement } from '../command';
import * as spec from '../schemas/templates';

const listOsCategories = implement(spec.listOsCategories, {
  handler: (ctx, p) => ctx.services.osCatalogue.categories(p),
});

const listOsTypes = implement(spec.listOsTypes, {
  handler: (ctx, p) => ctx.services.osCatalogue.types(p),
});

const registerTemplate = implement(spec.registerTemplate, {
  handler: (ctx, p) => ctx.services.templates.registerTemplate(ctx.caller, p),
});

const registerIso = implement(spec.registerIso, {
  handler: (ctx, p) => ctx.services.templates.registerIso(ctx.caller, p),
});

const listTemplates = implement(spec.listTemplates, {
  handler: (ctx, p) => ctx.services.templates.listTemplates(ctx.caller, p),
});

const listIsos = implement(spec.listIsos, {
  handler: (ctx, p) => ctx.services.templates.listIsos(ctx.caller, p),
});

const updateTemplate = implement(spec.updateTemplate, {
  handler: (ctx, p) => ctx.services.templates.update(ctx.caller, 'template', p),
});

const updateIso = implement(spec.updateIso, {
  handler: (ctx, p) => ctx.services.templates.update(ctx.caller, 'iso', p),
});

const deleteTemplate = implement(spec.deleteTemplate, {
  jobTarget: (ctx, p) => ctx.services.templates.jobTarget(ctx.caller, 'template', p.id),
  handler: (ctx, p) => ctx.services.templates.delete(ctx.caller, 'template', p.id, p.zoneid),
});

const deleteIso = implement(spec.deleteIso, {
  jobTarget: (ctx, p) => ctx.services.templates.jobTarget(ctx.caller, 'iso', p.id),
  handler: (ctx, p) => ctx.services.templates.delete(ctx.caller, 'iso', p.id, p.zoneid),
});

const copyTemplate = implement(spec.copyTemplate, {
  jobTarget: (ctx, p) => ctx.services.templates.jobTarget(ctx.caller, 'template', p.id),
  handler: (ctx, p) => ctx.services.templates.copy(ctx.caller, 'template', p),
});

const copyIso = implement(spec.copyIso, {
  jobTarget: (ctx, p) => ctx.services.templates.jobTarget(ctx.caller, 'iso', p.id),
  handler: (ctx, p) => ctx.services.templates.copy(ctx.caller, 'iso', p),
});

const updateTemplatePermissions = implement(spec.updateTemplatePermissions, {
  handler: (ctx, p) => ctx.services.templates.updatePermissions(ctx.caller, p),
});

const listTemplatePermissions = implement(spec.listTemplatePermissions, {
  handler: (ctx, p) => ctx.services.templates.listPermissions(ctx.caller, p.id),
});

export const templateCommands = [
  listOsCategories,
  listOsTypes,
  registerTemplate,
  registerIso,
  listTemplates,
  listIsos,
  updateTemplate,
  updateIso,
  deleteTemplate,
  deleteIso,
  copyTemplate,
  copyIso,
  updateTemplatePermissions,
  listTemplatePermissions,
];
