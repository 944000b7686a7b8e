import { z } from 'zod';
import { invalidParameter } from '../../domain/errors';
import { EVENT_LEVELS, EVENT_TYPES } from '../../domain/event-types';
import { changeEvents, eventResponse, listEvents, manageableEventsScope } from '../../services/events';
import { pageWindow } from '../../services/paging';
import { defineCommand } from '../command';
import { ownedListParams, param } from '../schemas/params';

const ALL_ROLES = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;

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
    throw invalidParameter(
      'API.INVALID_DATE',
      `Unable to parse ${name} "${text}"; use yyyy-MM-dd or yyyy-MM-dd HH:mm:ss`,
    );
  return new Date(ms).toISOString();
}

const EVENT_FIELDS = {
  id: 'the ID of the event',
  username:
    "the name of the user who performed the action (can be different from the account if an admin is performing an action for a user, e.g. starting/stopping a user's virtual machine)",
  type: 'the type of the event (see event types)',
  level: 'the event level (INFO, WARN, ERROR)',
  description: 'a brief description of the event',
  account:
    'the account name for the account that owns the object being acted on in the event (e.g. the owner of the virtual machine, ip address, or security group)',
  domainid: "the id of the account's domain",
  domain: "the name of the account's domain",
  created: 'the date the event was created',
  state: 'the state of the event',
  parentid: 'whether the event is parented',
  resourcetype: 'the type of the resource',
  resourceid: 'the id of the resource',
  archived: 'whether the event has been archived or not',
};

const listEventsCommand = defineCommand({
  name: 'listEvents',
  description: 'A command to list events.',
  roles: ALL_ROLES,
  params: z.object({
    ...ownedListParams,
    id: param.uuid('the ID of the event').optional(),
    type: param.string('the event type (see event types)').optional(),
    level: param.enumOf(EVENT_LEVELS, 'the event level (INFO, WARN, ERROR)').optional(),
    startdate: param
      .date(
        'the start date range of the list you want to retrieve (use format "yyyy-MM-dd" or the new format "yyyy-MM-dd HH:mm:ss")',
      )
      .optional(),
    enddate: param
      .date(
        'the end date range of the list you want to retrieve (use format "yyyy-MM-dd" or the new format "yyyy-MM-dd HH:mm:ss")',
      )
      .optional(),
    duration: param.integer('the duration of the event', 0).optional(),
    entrytime: param.integer('the time the event was entered', 0).optional(),
    resourcetype: param.string('Type of the resource associated with the event').optional(),
    resourceid: param.string('ID of the resource associated with the event').optional(),
    archived: param.boolean('true to list archived events, false (default) to list the others').optional(),
  }),
  response: { name: 'event', fields: EVENT_FIELDS },
  async handler(ctx, params) {
    if ((params.duration === undefined) !== (params.entrytime === undefined)) {
      throw invalidParameter('EVENT.PENDING_PARAMS', 'entrytime and duration must be specified together');
    }
    let pending: { from: string; to: string } | undefined;
    if (params.duration !== undefined && params.entrytime !== undefined) {
      if (params.entrytime <= params.duration)
        throw invalidParameter('EVENT.PENDING_PARAMS', 'Entry time must be greater than duration');
      const now = Date.now();
      pending = {
        from: new Date(now - params.entrytime * 1000).toISOString(),
        to: new Date(now - params.duration * 1000).toISOString(),
      };
    }
    const scope = await ctx.services.access.listScope(ctx.caller, params);
    const { rows, count } = await listEvents(
      ctx.services.store,
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
      pageWindow(params, ctx.services.config),
    );
    return { kind: 'list', name: 'event', items: rows.map(eventResponse), count };
  },
});

const listEventTypes = defineCommand({
  name: 'listEventTypes',
  description: 'List Event Types',
  roles: ALL_ROLES,
  params: z.object({}),
  response: { name: 'eventtype', fields: { name: 'Event Type' } },
  async handler() {
    return { kind: 'list', name: 'eventtype', items: EVENT_TYPES.map((name) => ({ name })), count: EVENT_TYPES.length };
  },
});

const selectionParams = (verb: 'archive' | 'delete') => ({
  ids: param.list('the IDs of the events').optional(),
  type: param.string(`${verb} by event type`).optional(),
  startdate: param
    .date(
      `start date range to ${verb} events (including) this date (use format "yyyy-MM-dd" or the new format "yyyy-MM-ddThh:mm:ss")`,
    )
    .optional(),
  enddate: param
    .date(
      `end date range to ${verb} events (including) this date (use format "yyyy-MM-dd" or the new format "yyyy-MM-ddThh:mm:ss")`,
    )
    .optional(),
});

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function selection(params: { ids?: string[]; type?: string; startdate?: string; enddate?: string }) {
  if (params.ids === undefined && params.type === undefined && params.enddate === undefined) {
    throw invalidParameter('EVENT.NO_SELECTION', 'either ids, type or enddate must be specified');
  }
  if (params.startdate !== undefined && params.enddate === undefined) {
    throw invalidParameter('EVENT.NO_SELECTION', 'enddate must be specified with startdate parameter');
  }
  const ids = params.ids?.map((id) => id.toLowerCase());
  const bad = ids?.find((id) => !UUID_RE.test(id));
  if (bad !== undefined) throw invalidParameter('EVENT.BAD_ID', `Invalid event id ${bad}`);
  return {
    ids,
    type: params.type,
    startDate: params.startdate === undefined ? undefined : parseApiDate(params.startdate, 'startdate'),
    endDate: params.enddate === undefined ? undefined : parseApiDate(params.enddate, 'enddate', 'end'),
  };
}

const archiveEvents = defineCommand({
  name: 'archiveEvents',
  description: 'Archive one or more events.',
  roles: ALL_ROLES,
  params: z.object(selectionParams('archive')),
  response: { name: 'success', fields: { success: 'true if operation is executed successfully' } },
  async handler(ctx, params) {
    await changeEvents(ctx.services.store, 'archive', manageableEventsScope(ctx.caller), selection(params));
    return { kind: 'success' };
  },
});

const deleteEvents = defineCommand({
  name: 'deleteEvents',
  description: 'Delete one or more events.',
  roles: ALL_ROLES,
  params: z.object(selectionParams('delete')),
  response: { name: 'success', fields: { success: 'true if operation is executed successfully' } },
  async handler(ctx, params) {
    await changeEvents(ctx.services.store, 'delete', manageableEventsScope(ctx.caller), selection(params));
    return { kind: 'success' };
  },
});

export const eventCommands = [listEventsCommand, listEventTypes, archiveEvents, deleteEvents];
