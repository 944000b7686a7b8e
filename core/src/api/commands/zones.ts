import { zones } from '../../services/infrastructure/zones';
import { implement } from '../command';
import * as spec from '../schemas/zones';

const createZone = implement(spec.createZone, {
  handler: (ctx, p) => zones(ctx.services).create(ctx.caller, p),
});

const updateZone = implement(spec.updateZone, {
  handler: (ctx, p) => zones(ctx.services).update(ctx.caller, p),
});

const deleteZone = implement(spec.deleteZone, {
  handler: (ctx, p) => zones(ctx.services).delete(ctx.caller, p),
});

const listZones = implement(spec.listZones, {
  handler: (ctx, p) => zones(ctx.services).list(ctx.caller, p),
});

export const zoneCommands = [createZone, updateZone, deleteZone, listZones];
