import { z } from 'zod';
import { englishText } from '../../domain/messages';
import { NAME_MAX_LENGTH, nameMessage, nameProblem, type NameProblem } from '../../domain/names';

/**
 * Parameter builders for command declarations. CloudStack parameters arrive as strings, so every
 * builder coerces from text. Each carries metadata (CloudStack type name and description) that
 * listApis reports.
 */
export type ParamType = 'string' | 'uuid' | 'boolean' | 'integer' | 'long' | 'list' | 'map' | 'date';

export interface ParamMeta {
  type: ParamType;
  description: string;
  length?: number;
  since?: string;
  /** The accepted values of an enumerated parameter (matched ignoring case). */
  values?: readonly string[];
}

const withMeta = <T extends z.ZodType>(schema: T, meta: ParamMeta): T => schema.meta({ ...meta }) as T;

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const param = {
  string: (description: string, length = 255) =>
    withMeta(z.string().max(length, `value greater than max allowed length ${length}`), {
      type: 'string',
      description,
      length,
    }),
  /** The name of a named resource: the one name rule of domain/names.ts, checked as the request is parsed. */
  name: (description: string, length = NAME_MAX_LENGTH) =>
    withMeta(
      z.string().superRefine((value, ctx) => {
        const problem = nameProblem(value, length);
        if (problem !== undefined) {
          const params: NameIssue = { nameProblem: problem, max: length };
          ctx.addIssue({ code: 'custom', message: englishText(nameMessage(problem, 'the name', length)), params });
        }
      }),
      { type: 'string', description, length },
    ),
  uuid: (description: string) =>
    withMeta(
      z
        .string()
        .regex(UUID_RE, 'not a valid UUID')
        .transform((s) => s.toLowerCase()),
      {
        type: 'uuid',
        description,
      },
    ),
  boolean: (description: string) =>
    withMeta(
      z
        .union([z.boolean(), z.enum(['true', 'false', 'TRUE', 'FALSE', 'True', 'False'])])
        .transform((v) => v === true || (typeof v === 'string' && v.toLowerCase() === 'true')),
      { type: 'boolean', description },
    ),
  integer: (description: string, min = -2147483648, max = 2147483647) =>
    withMeta(z.coerce.number().int('must be an integer').min(min).max(max), {
      type: 'integer',
      description,
    }),
  long: (description: string, min = 0) =>
    withMeta(z.coerce.number().int('must be an integer').min(min), { type: 'long', description }),
  date: (description: string) =>
    withMeta(
      z
        .string()
        .refine((s) => !Number.isNaN(Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))), 'not a valid date'),
      { type: 'date', description },
    ),
  enumOf: <const T extends readonly [string, ...string[]]>(values: T, description: string) =>
    withMeta(
      z.string().transform((v, ctx) => {
        const hit = values.find((x) => x.toLowerCase() === v.toLowerCase());
        if (!hit) {
          ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')}` });
          return z.NEVER;
        }
        return hit as T[number];
      }),
      { type: 'string', description, values },
    ),
  /** Comma-separated list, as CloudStack sends lists; items (ids, tags, names) of at most 255 characters. */
  list: (description: string) =>
    withMeta(
      z
        .union([z.string(), z.array(z.string())])
        .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0))
        .refine((items) => items.every((s) => s.length <= 255), 'an item is longer than 255 characters'),
      { type: 'list', description },
    ),
  /** CloudStack map parameters: details[0].key=k&details[0].value=v, collected by the dispatcher. */
  map: (description: string) => withMeta(z.array(z.record(z.string(), z.string())), { type: 'map', description }),
};

/** What a refused name (param.name) tells the dispatcher beside its English text, to key the error. */
interface NameIssue {
  nameProblem: NameProblem;
  max: number;
}

/** The name problem of a parse issue raised by param.name, if it is one. */
export function nameIssue(issue: z.core.$ZodIssue | undefined): NameIssue | undefined {
  if (issue?.code !== 'custom') return undefined;
  const params = issue.params as Partial<NameIssue> | undefined;
  return params?.nameProblem !== undefined && params.max !== undefined
    ? { nameProblem: params.nameProblem, max: params.max }
    : undefined;
}

export function paramMeta(schema: z.ZodType): ParamMeta & { required: boolean } {
  let inner: z.ZodType = schema;
  let required = true;
  let meta = schema.meta() as Partial<ParamMeta> | undefined;
  for (;;) {
    const type = inner._zod.def.type;
    if (type === 'optional' || type === 'default' || type === 'nullable') {
      required = false;
      inner = (inner._zod.def as unknown as { innerType: z.ZodType }).innerType;
    } else if (type === 'pipe') {
      inner = (inner._zod.def as unknown as { in: z.ZodType }).in;
    } else {
      break;
    }
    meta ??= inner.meta() as Partial<ParamMeta> | undefined;
  }
  return {
    type: meta?.type ?? 'string',
    description: meta?.description ?? '',
    length: meta?.length,
    since: meta?.since,
    values: meta?.values,
    required,
  };
}

/** Parameters every list command takes. */
export const listParams = {
  keyword: param.string('List by keyword').optional(),
  page: param.integer('Page number, starting at 1', 1).optional(),
  pagesize: param.integer('Number of items per page; -1 for all', -1).optional(),
};

/** The directions a sorted list may take (Stackyard's `sortorder`). */
export const SORT_ORDERS = ['asc', 'desc'] as const;

/**
 * Stackyard's sorting parameters of a list command: `sortby`, one of the list's sort keys, and
 * `sortorder`. Neither is CloudStack's: a client that sends neither gets the list's usual order.
 * `notes` says how keys whose order is not obvious compare (states compare as stored text).
 */
export const sortParams = <const K extends readonly [string, ...string[]]>(keys: K, notes = '') => ({
  sortby: param
    .enumOf(
      keys,
      `Stackyard addition: sorts the whole list (every page) by this key, ties broken by id: ${keys.join(', ')}. ` +
        `Text compares as stored, in the database's collation${notes ? `; ${notes}` : ''}. ` +
        'Without it the list keeps its usual order',
    )
    .optional(),
  sortorder: param
    .enumOf(
      SORT_ORDERS,
      'Stackyard addition: asc (the default) or desc; without sortby, the usual order in that direction',
    )
    .optional(),
});

/** Parameters of list commands over account-owned resources. */
export const ownedListParams = {
  ...listParams,
  account: param.string('List resources by account. Must be used with domainid').optional(),
  domainid: param.uuid('List only resources belonging to the domain specified').optional(),
  isrecursive: param.boolean('Defaults to false; with domainid, also lists resources of the subdomains').optional(),
  listall: param.boolean('If true, lists all resources the caller is authorized to see; defaults to false').optional(),
};

/**
 * Parameters of archiveEvents/deleteEvents and archiveAlerts/deleteAlerts: which records, by ids,
 * type or date range (`what`: "events", "alerts").
 */
export const selectionParams = (verb: 'archive' | 'delete', what: 'events' | 'alerts') => ({
  ids: param.list(`the IDs of the ${what}`).optional(),
  type: param.string(`${verb} by ${what === 'events' ? 'event' : 'alert'} type`).optional(),
  startdate: param
    .date(
      `start date range to ${verb} ${what} (including) this date (use format "yyyy-MM-dd" or the new format "yyyy-MM-ddThh:mm:ss")`,
    )
    .optional(),
  enddate: param
    .date(
      `end date range to ${verb} ${what} (including) this date (use format "yyyy-MM-dd" or the new format "yyyy-MM-ddThh:mm:ss")`,
    )
    .optional(),
});
