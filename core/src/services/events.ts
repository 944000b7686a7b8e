import crypto from 'node:crypto';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { notFound } from '../domain/errors';
import {
  EVENT_TYPES,
  eventTypeGroup,
  INFRASTRUCTURE_EVENT_GROUPS,
  type EventLevel,
  type EventState,
} from '../domain/event-types';
import { englishText, message, storedParams } from '../domain/messages';
import { nowIso } from '../domain/time';
import type { Store } from '../db/connect';
import { containsIgnoreCase, type PageWindow } from '../db/query-helpers';
import { orderedBy, pageOfList, type ListOrder } from '../db/list-page';
import type { Database, EventRow } from '../db/schema';
import type { Event, EVENT_SORT_KEYS } from '../api/schemas/events';
import type { OwnerScope } from './access';
import { isRootAdmin, seesAllDomains, type Caller } from './caller';
import type { LiveMessage as LiveWireMessage } from '../contract/live';
import type { AsyncJob } from '../api/schemas/jobs';
import type { CoreServices, EventSink, LiveMessage, NewEvent } from './core-services';
import { currentEventContext } from './event-context';
import { listOrder, pageWindow, type PageParams, type SortParams } from './paging';
import { wireDate } from './tenancy/responses';

/**
 * Events with their owner's names joined in, the shape listEvents and the live stream read.
 * Aliases: e (events), u (users), a (accounts), d (domains, for subtree filters on d.id_path),
 * p (the parent event).
 */
export function selectEvents(db: Kysely<Database>) {
  return db
    .selectFrom('events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .leftJoin('accounts as a', 'a.id', 'e.account_id')
    .leftJoin('domains as d', 'd.id', 'e.domain_id')
    .leftJoin('events as p', 'p.id', 'e.parent_id')
    .select([
      'e.id',
      'e.uuid',
      'e.type',
      'e.level',
      'e.state',
      'e.description',
      'e.description_key',
      'e.description_params',
      'e.user_id',
      'e.account_id',
      'e.domain_id',
      'e.resource_type',
      'e.resource_id',
      'e.archived',
      'e.created',
      'u.username as username',
      'a.name as account_name',
      'd.uuid as domain_uuid',
      'd.name as domain_name',
      'd.path as domain_path',
      'p.uuid as parent_uuid',
      'e.source_address',
      'e.job_id',
      'u.uuid as user_uuid',
      'a.uuid as account_uuid',
    ]);
}

export interface EventListRow {
  uuid: string;
  type: string;
  level: string;
  state: string;
  description: string;
  description_key: string | null;
  description_params: string | null;
  resource_type: string | null;
  resource_id: string | null;
  archived: number;
  created: string;
  username: string | null;
  account_name: string | null;
  domain_uuid: string | null;
  domain_name: string | null;
  parent_uuid: string | null;
  source_address: string | null;
  job_id: string | null;
  user_uuid: string | null;
  account_uuid: string | null;
}

/**
 * CloudStack's EventResponse; absent values are left out, as CloudStack does. Built field by
 * field (no generic compact), as listEvents builds hundreds per page.
 */
export function eventResponse(row: EventListRow): Event {
  const out: Event = {
    id: row.uuid,
    type: row.type,
    // The table holds only the domain's values (EventService writes them); the column type is text.
    level: row.level as EventLevel,
    description: row.description,
    created: wireDate(row.created),
    state: row.state as EventState,
    archived: row.archived === 1,
  };
  if (row.description_key !== null) {
    out.descriptionkey = row.description_key;
    out.descriptionparams = storedParams(row.description_params);
  }
  if (row.username !== null) out.username = row.username;
  if (row.account_name !== null) out.account = row.account_name;
  if (row.domain_uuid !== null) out.domainid = row.domain_uuid;
  if (row.domain_name !== null) out.domain = row.domain_name;
  if (row.parent_uuid !== null) out.parentid = row.parent_uuid;
  if (row.resource_type !== null) out.resourcetype = row.resource_type;
  if (row.resource_id !== null) out.resourceid = row.resource_id;
  if (row.user_uuid !== null) out.userid = row.user_uuid;
  if (row.account_uuid !== null) out.accountid = row.account_uuid;
  if (row.source_address !== null) out.sourceaddress = row.source_address;
  if (row.job_id !== null) out.jobid = row.job_id;
  return out;
}

type Listener = (message: LiveMessage) => void;

/** Deletes events created before the given time; returns how many. */
export async function purgeEventsBefore(store: Store, before: Date): Promise<number> {
  const result = await store.db.deleteFrom('events').where('created', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Records CloudStack events and carries the live stream (events and job changes) to in-process
 * listeners: the WebSocket and IPC transports subscribe and filter by scope.
 *
 * Call record() after a transaction commits, never inside one: on SQLite the store has a single
 * connection, so a write from outside the transaction would wait for it forever.
 */
export class EventService implements EventSink {
  private readonly listeners = new Set<Listener>();

  constructor(private readonly store: Store) {}

  /** Records an event; inside a call or a job it carries that call's source address and job id. */
  async record(event: NewEvent): Promise<EventRow> {
    const context = currentEventContext();
    const row = await this.store.db
      .insertInto('events')
      .values({
        uuid: crypto.randomUUID(),
        type: event.type,
        level: event.level ?? 'INFO',
        state: event.state ?? 'Completed',
        description: englishText(event.message).slice(0, 2048),
        description_key: event.message.key,
        description_params: JSON.stringify(event.message.params),
        user_id: event.caller?.userId ?? null,
        account_id: event.caller?.accountId ?? null,
        domain_id: event.caller?.domainId ?? null,
        resource_type: event.resourceType ?? null,
        resource_id: event.resourceId ?? null,
        parent_id: null,
        archived: 0,
        created: nowIso(),
        source_address: context?.sourceAddress?.slice(0, 255) ?? null,
        job_id: context?.jobId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (this.listeners.size > 0) {
      try {
        const full = await selectEvents(this.store.db).where('e.id', '=', row.id).executeTakeFirst();
        if (full) {
          this.publish({
            kind: 'event',
            scope: { accountId: row.account_id, domainId: row.domain_id },
            event: eventResponse(full),
          });
        }
      } catch (error) {
        console.error('[events] could not publish event', error instanceof Error ? error.message : error);
      }
    }
    return row;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(message: LiveMessage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch (error) {
        console.error('[events] live listener failed', error instanceof Error ? error.message : error);
      }
    }
  }

  /** Deletes events created before the given time (event.purge.delay); returns how many. */
  purgeOlderThan(before: Date): Promise<number> {
    return purgeEventsBefore(this.store, before);
  }
}

/**
 * The owner filter of a list, on a query whose rows carry account_id/domain_id under `alias`
 * and whose owner domain is joined as `d`. Rows without an owner (system) show only in 'all'.
 */
export function ownerScopeCondition(alias: 'e' | 'j', scope: OwnerScope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'account':
      return sql<SqlBool>`${sql.ref(`${alias}.account_id`)} = ${scope.accountId}`;
    case 'domain':
      return scope.recursive
        ? sql<SqlBool>`${sql.ref('d.id_path')} like ${`${scope.idPath}%`}`
        : sql<SqlBool>`${sql.ref(`${alias}.domain_id`)} = ${scope.domainId}`;
  }
}

/**
 * Whose events a caller may archive or delete (CloudStack's archiveEvents/deleteEvents): a user
 * only the own account's; a root admin all; other admins those of their domain subtree.
 */
export function manageableEventsScope(caller: Caller): OwnerScope {
  if (caller.roleType === 'User') return { kind: 'account', accountId: caller.accountId };
  if (isRootAdmin(caller)) return { kind: 'all' };
  return { kind: 'domain', domainId: caller.domainId, idPath: caller.domainIdPath, recursive: true };
}

export interface EventFilter {
  id?: string;
  type?: string;
  level?: string;
  /** ISO-8601 bounds on `created`, inclusive. */
  startDate?: string;
  endDate?: string;
  /** CloudStack's entrytime/duration: Started events created in the window with no completion. */
  pending?: { from: string; to: string };
  keyword?: string;
  resourceType?: string;
  resourceId?: string;
  /** true: only archived events; false: only live ones. */
  archived: boolean;
}

/**
 * The events of the scope matching the filter, from the events table alone (the owner's domain
 * joined as `d` only for a domain subtree): what the page of ids and the count read, so neither
 * joins the owners' names for every matching row.
 */
function filteredEvents(db: Kysely<Database>, scope: OwnerScope, filter: EventFilter) {
  let q =
    scope.kind === 'domain' && scope.recursive
      ? db.selectFrom('events as e').leftJoin('domains as d', 'd.id', 'e.domain_id')
      : db.selectFrom('events as e');
  q = q.where(ownerScopeCondition('e', scope)).where('e.archived', '=', filter.archived ? 1 : 0);
  if (filter.id) q = q.where('e.uuid', '=', filter.id);
  if (filter.type) q = q.where(sql<SqlBool>`upper(${sql.ref('e.type')}) = ${filter.type.toUpperCase()}`);
  if (filter.level) q = q.where('e.level', '=', filter.level.toUpperCase());
  if (filter.startDate) q = q.where('e.created', '>=', filter.startDate);
  if (filter.endDate) q = q.where('e.created', '<=', filter.endDate);
  if (filter.pending) {
    q = q
      .where('e.state', '=', 'Started')
      .where('e.created', '>=', filter.pending.from)
      .where('e.created', '<=', filter.pending.to)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('events as c').select('c.id').whereRef('c.parent_id', '=', 'e.id'))),
      );
  }
  if (filter.keyword) {
    const keyword = filter.keyword;
    q = q.where((eb) =>
      eb.or([
        containsIgnoreCase('e.type', keyword),
        containsIgnoreCase('e.description', keyword),
        containsIgnoreCase('e.level', keyword),
      ]),
    );
  }
  if (filter.resourceType)
    q = q.where(sql<SqlBool>`lower(${sql.ref('e.resource_type')}) = ${filter.resourceType.toLowerCase()}`);
  if (filter.resourceId) q = q.where('e.resource_id', '=', filter.resourceId.toLowerCase());
  return q;
}

/** The events list's usual order, as CloudStack's: newest first. */
const NEWEST_FIRST: ListOrder = { id: 'e.id', direction: 'desc' };

/** The events column behind each listEvents sort key (each indexed with archived and id). */
const EVENT_SORT_COLUMNS: Record<(typeof EVENT_SORT_KEYS)[number], string> = {
  created: 'e.created',
  type: 'e.type',
  level: 'e.level',
};

/**
 * Events visible in the scope matching the filter, newest first unless another order is given,
 * with the total count. The page
 * of ids comes from the events table first (index order), then only that page is joined with
 * its owners' names.
 */
export async function listEvents(
  store: Store,
  scope: OwnerScope,
  filter: EventFilter,
  window?: PageWindow,
  order: ListOrder = NEWEST_FIRST,
): Promise<{ rows: EventListRow[]; count: number }> {
  const db = store.db;
  const ids = await pageOfList(db, filteredEvents(db, scope, filter).select('e.id'), order, window);
  const page = orderedBy(selectEvents(db).where(ids.where('e.id')), order).execute();
  if (!window || ids.known) {
    const rows = await page;
    return { rows, count: ids.known?.count ?? rows.length };
  }
  // On PostgreSQL the page and the count run on two pooled connections at once.
  const [rows, total] = await Promise.all([
    page,
    filteredEvents(db, scope, filter)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, count: Number(total.count) };
}

export interface EventSelection {
  ids?: string[];
  type?: string;
  startDate?: string;
  endDate?: string;
}

/**
 * Archives or deletes the selected events within the scope, in one transaction. Every listed id
 * must be an event the scope covers, or nothing changes (431). Returns how many rows changed.
 */
export async function changeEvents(
  store: Store,
  action: 'archive' | 'delete',
  scope: OwnerScope,
  selection: EventSelection,
): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const matching = () => {
      let q = trx
        .selectFrom('events as e')
        .leftJoin('domains as d', 'd.id', 'e.domain_id')
        .select('e.id')
        .where(ownerScopeCondition('e', scope));
      if (selection.ids) q = q.where('e.uuid', 'in', selection.ids.length > 0 ? selection.ids : ['']);
      if (selection.type) q = q.where(sql<SqlBool>`upper(${sql.ref('e.type')}) = ${selection.type.toUpperCase()}`);
      if (selection.startDate) q = q.where('e.created', '>=', selection.startDate);
      if (selection.endDate) q = q.where('e.created', '<=', selection.endDate);
      return q;
    };
    if (selection.ids) {
      const found = await trx
        .selectFrom('events as e')
        .leftJoin('domains as d', 'd.id', 'e.domain_id')
        .select('e.uuid')
        .where(ownerScopeCondition('e', scope))
        .where('e.uuid', 'in', selection.ids.length > 0 ? selection.ids : [''])
        .execute();
      const seen = new Set(found.map((r) => r.uuid));
      const missing = selection.ids.find((id) => !seen.has(id));
      if (missing !== undefined) throw notFound('EVENT.NOT_FOUND', message('error.event.notFound', { id: missing }));
    }
    if (action === 'archive') {
      const r = await trx
        .updateTable('events')
        .set({ archived: 1 })
        .where('archived', '=', 0)
        .where('id', 'in', matching())
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    }
    const r = await trx.deleteFrom('events').where('id', 'in', matching()).executeTakeFirst();
    return Number(r.numDeletedRows);
  });
}

/**
 * The event log as command handlers use it (listEvents, archiveEvents, deleteEvents, and events
 * a command records itself).
 */
export class EventLog {
  constructor(private readonly deps: Pick<CoreServices, 'store' | 'events' | 'config'>) {}

  record(event: NewEvent): Promise<EventRow> {
    return this.deps.events.record(event);
  }

  /** Events visible in the scope matching the filter, newest first or as sorted, in CloudStack's response form. */
  async list(
    scope: OwnerScope,
    filter: EventFilter,
    page: PageParams & SortParams<(typeof EVENT_SORT_KEYS)[number]>,
  ): Promise<{ items: Event[]; count: number }> {
    const window = pageWindow(page, this.deps.config);
    const order = listOrder(page, EVENT_SORT_COLUMNS, NEWEST_FIRST);
    const { rows, count } = await listEvents(this.deps.store, scope, filter, window, order);
    return { items: rows.map(eventResponse), count };
  }

  /**
   * listEventTypes' types with their groups: every known type, or (occurring) those recorded at
   * least once, without the infrastructure groups for callers other than root and resource admins.
   */
  async types(caller: Caller, occurring: boolean): Promise<{ name: string; group: string }[]> {
    const names = occurring ? await recordedEventTypes(this.deps.store) : EVENT_TYPES;
    const all = names.map((name) => ({ name, group: eventTypeGroup(name) }));
    if (!occurring || seesAllDomains(caller)) return all;
    return all.filter((t) => !INFRASTRUCTURE_EVENT_GROUPS.has(t.group));
  }

  /** archiveEvents: the selected events the caller may manage. */
  archive(caller: Caller, selection: EventSelection): Promise<number> {
    return changeEvents(this.deps.store, 'archive', manageableEventsScope(caller), selection);
  }

  /** deleteEvents: the selected events the caller may manage. */
  delete(caller: Caller, selection: EventSelection): Promise<number> {
    return changeEvents(this.deps.store, 'delete', manageableEventsScope(caller), selection);
  }
}

/** The transports' form of a live message: the scope (internal integer ids) never leaves the core. */
export function liveWireForm(message: LiveMessage): LiveWireMessage {
  switch (message.kind) {
    // The bus carries what eventResponse and jobResponse build (Event and AsyncJob entities).
    case 'event':
      return { kind: 'event', event: message.event as Event };
    case 'job':
      return { kind: 'job', job: message.job as AsyncJob };
    case 'resource':
      return { kind: 'resource', resource: message.resource };
  }
}

/**
 * The distinct event types recorded (archived events included), in name order. A loose index
 * scan of events_type (type, id): each step asks the index for the next type after the last, so
 * the cost follows the number of types, not of events.
 */
export async function recordedEventTypes(store: Store): Promise<string[]> {
  const result = await sql<{ type: string | null }>`
    with recursive t(type) as (
      select min(type) from events
      union all
      select (select min(e.type) from events e where e.type > t.type) from t where t.type is not null
    )
    select type from t where type is not null`.execute(store.db);
  return result.rows.flatMap((r) => (r.type === null ? [] : [r.type]));
}
