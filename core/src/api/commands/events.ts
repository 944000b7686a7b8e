import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { implement } from '../command';
import * as spec from '../schemas/events';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * CloudStack's date parameters: "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss" and
 * the same with a zone ("+0000", "Z"). Dates without a zone are UTC. A bare date used as an end
 * bound covers that whole day. Returns ISO-8601, comparable with stored timestamps.
 */
export function parseApiDate(text: string, name: string, bound: 'start' | 'end' = 'start'): string {
  const trimmed = text.trim();
  let iso = trimmed;
  if (DATE_ONLY.test(trimmed)) iso = bound === 'end' ? `${trimmed}T23:59:59.999Z` : `${trimmed}T00:00:00.000Z`;
  else {
    iso = iso.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    if (!/(Z|[+-]\d{2}:\d{2})$/.test(iso)) iso = `${iso}Z`;
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms))
    throw invalidParameter('API.INVALID_DATE', message('error.date.unparsable', { param: name, value: text }));
  return new Date(ms).toISOString();
}

const listEventsCommand = implement(spec.listEvents, {
  async handler(ctx, params) {
    if ((params.duration === undefined) !== (params.entrytime === undefined)) {
      throw invalidParameter('EVENT.PENDING_PARAMS', message('error.event.pendingParamsTogether', {}));
    }
    let pending: { from: string; to: string } | undefined;
    if (params.duration !== undefined && params.entrytime !== undefined) {
      if (params.entrytime <= params.duration)
        throw invalidParameter('EVENT.PENDING_PARAMS', message('error.event.entryTimeNotAfterDuration', {}));
      const now = Date.now();
      pending = {
        from: new Date(now - params.entrytime * 1000).toISOString(),
        to: new Date(now - params.duration * 1000).toISOString(),
      };
    }
    const scope = await ctx.services.access.listScope(ctx.caller, params);
    return ctx.services.events.list(
      scope,
      {
        id: params.id,
        type: params.type,
        level: params.level,
        startDate: params.startdate === undefined ? undefined : parseApiDate(params.startdate, 'startdate'),
        endDate: params.enddate === undefined ? undefined : parseApiDate(params.enddate, 'enddate', 'end'),
        pending,
        keyword: params.keyword,
        resourceType: params.resourcetype,
        resourceId: params.resourceid,
        archived: params.archived ?? false,
      },
      params,
    );
  },
});

const listEventTypes = implement(spec.listEventTypes, {
  async handler(ctx, params) {
    const items = await ctx.services.events.types(ctx.caller, params.occurring ?? false);
    return { items, count: items.length };
  },
});

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The events an archiveEvents or deleteEvents call selects (both take the same parameters). */
function selection(params: spec.ArchiveEventsInput | spec.DeleteEventsInput) {
  if (params.ids === undefined && params.type === undefined && params.enddate === undefined) {
    throw invalidParameter('EVENT.NO_SELECTION', message('error.event.noSelection', {}));
  }
  if (params.startdate !== undefined && params.enddate === undefined) {
    throw invalidParameter('EVENT.NO_SELECTION', message('error.list.startDateWithoutEndDate', {}));
  }
  const ids = params.ids?.map((id) => id.toLowerCase());
  const bad = ids?.find((id) => !UUID_RE.test(id));
  if (bad !== undefined) throw invalidParameter('EVENT.BAD_ID', message('error.event.badId', { id: bad }));
  return {
    ids,
    type: params.type,
    startDate: params.startdate === undefined ? undefined : parseApiDate(params.startdate, 'startdate'),
    endDate: params.enddate === undefined ? undefined : parseApiDate(params.enddate, 'enddate', 'end'),
  };
}

const archiveEvents = implement(spec.archiveEvents, {
  async handler(ctx, params) {
    await ctx.services.events.archive(ctx.caller, selection(params));
  },
});

const deleteEvents = implement(spec.deleteEvents, {
  async handler(ctx, params) {
    await ctx.services.events.delete(ctx.caller, selection(params));
  },
});

export const eventCommands = [listEventsCommand, listEventTypes, archiveEvents, deleteEvents];
