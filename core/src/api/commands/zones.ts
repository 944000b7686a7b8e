import { implement } from '../command';
import * as spec from '../schemas/zones';

const createZone = implement(spec.createZone, {
  handler: (ctx, p) => ctx.services.zones.create(ctx.caller, p),
});

const updateZone = implement(spec.updateZone, {
  handler: (ctx, p) => ctx.services.zones.update(ctx.caller, p),
});

const deleteZone = implement(spec.deleteZone, {
  handler: (ctx, p) => ctx.services.zones.delete(ctx.caller, p),
});

const listZones = implement(spec.listZones, {
  handler: (ctx, p) => ctx.services.zones.list(ctx.caller, p),
});

export const zoneCommands = [createZone, updateZone, deleteZone, listZones];
