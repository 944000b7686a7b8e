import { implement } from '../command';
import * as spec from '../schemas/capacity';
import { parseApiDate } from './events';

const listCapacityCommand = implement(spec.listCapacity, {
  handler: (ctx, p) => ctx.services.capacity.list(p),
});

const listCapacityHistoryCommand = implement(spec.listCapacityHistory, {
  handler: (ctx, p) =>
    ctx.services.capacity.history({
      ...p,
      startDate: p.startdate === undefined ? undefined : parseApiDate(p.startdate, 'startdate'),
      endDate: p.enddate === undefined ? undefined : parseApiDate(p.enddate, 'enddate', 'end'),
    }),
});

export const capacityCommands = [listCapacityCommand, listCapacityHistoryCommand];
