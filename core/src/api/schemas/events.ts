import { z } from 'zod';
import { EVENT_LEVELS, EVENT_STATES } from '../../domain/event-types';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { ownedListParams, param, selectionParams, sortParams } from './params';
import { defineSpec, listOf, success, type CommandInput } from './spec';

/** CloudStack's EventResponse (listEvents and the live event stream); absent values are left out. */
export const Event = entity('Event', {
  id: field.uuid('the ID of the event'),
  username: field
    .string(
      "the name of the user who performed the action (can be different from the account if an admin is performing an action for a user, e.g. starting/stopping a user's virtual machine)",
    )
    .optional(),
  type: field.string('the type of the event (see event types)'),
  level: field.oneOf(EVENT_LEVELS, 'the event level (INFO, WARN, ERROR)'),
  description: field.string('a brief description of the event'),
  descriptionkey: field
    .string('Stackyard: the message key of the description, for translation (absent on events recorded before keys)')
    .optional(),
  descriptionparams: field.map('Stackyard: the parameters of the description message, by placeholder name').optional(),
  account: field
    .string(
      'the account name for the account that owns the object being acted on in the event (e.g. the owner of the virtual machine, ip address, or security group)',
    )
    .optional(),
  domainid: field.uuid("the id of the account's domain").optional(),
  domain: field.string("the name of the account's domain").optional(),
  created: field.date('the date the event was created'),
  state: field.oneOf(EVENT_STATES, 'the state of the event'),
  parentid: field.uuid('whether the event is parented').optional(),
  resourcetype: field.string('the type of the resource').optional(),
  resourceid: field.string('the id of the resource').optional(),
  archived: field.boolean('whether the event has been archived or not'),
  userid: field.uuid('Stackyard: the id of the user who performed the action').optional(),
  accountid: field.uuid('Stackyard: the id of the account that owns the event').optional(),
  sourceaddress: field
    .string(
      'Stackyard: where the call that recorded the event came from: the client address as the server saw it (a trusted proxy\'s X-Forwarded-For), or "local" for the desktop app\'s own operator; absent for events the system records by itself',
    )
    .optional(),
  jobid: field.uuid('Stackyard: the async job the event was recorded in, if any').optional(),
});
export type Event = z.infer<typeof Event>;

export const EventType = entity('EventType', {
  name: field.string('Event Type'),
  group: field.string(
    'Stackyard: the area the type belongs to (host, zone, cluster, account, user, ...; other for names Stackyard does not list), for grouping in a filter',
  ),
});
export type EventType = z.infer<typeof EventType>;

/** What listEvents can be sorted by (Stackyard's sortby). */
export const EVENT_SORT_KEYS = ['created', 'type', 'level'] as const;

export const listEvents = defineSpec({
  name: 'listEvents',
  readOnly: true,
  description: 'A command to list events.',
  roles: ALL_ROLES,
  params: z.object({
    ...ownedListParams,
    ...sortParams(EVENT_SORT_KEYS, 'level compares as stored text (ERROR < INFO < WARN)'),
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
  response: listOf('event', Event),
});

export const listEventTypes = defineSpec({
  name: 'listEventTypes',
  description: 'List Event Types',
  roles: ALL_ROLES,
  readOnly: true,
  params: z.object({
    occurring: param
      .boolean(
        'Stackyard: true lists only the types recorded at least once (archived events included) that matter to the caller: callers other than root and resource admins are not offered the infrastructure types',
      )
      .optional(),
  }),
  response: listOf('eventtype', EventType),
});

export const archiveEvents = defineSpec({
  name: 'archiveEvents',
  description: 'Archive one or more events.',
  roles: ALL_ROLES,
  params: z.object(selectionParams('archive', 'events')),
  response: success(),
});

export const deleteEvents = defineSpec({
  name: 'deleteEvents',
  description: 'Delete one or more events.',
  roles: ALL_ROLES,
  params: z.object(selectionParams('delete', 'events')),
  response: success(),
});

export type ListEventsInput = CommandInput<typeof listEvents>;
export type ArchiveEventsInput = CommandInput<typeof archiveEvents>;
export type DeleteEventsInput = CommandInput<typeof deleteEvents>;
