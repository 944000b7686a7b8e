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

/** The accepted texts of a boolean parameter. */
const BOOLEAN_TEXTS: readonly string[] = ['true', 'false', 'TRUE', 'FALSE', 'True', 'False'];

/** The longest item of a list parameter (ids, tags, names). */
export const LIST_ITEM_MAX_LENGTH = 255;

/** Refuses a value in a transform with the English text CloudStack clients read and the problem that keys it. */
function refuse(ctx: z.core.$RefinementCtx, message: string, params: ValueIssue): never {
  ctx.addIssue({ code: 'custom', message, params });
  return z.NEVER;
}

/** Text of at most `length` characters. */
const text = (length: number) =>
  z.string().refine((s) => s.length <= length, {
    message: `value greater than max allowed length ${length}`,
    params: { valueProblem: 'tooLong', max: length } satisfies ValueIssue,
  });

/** A whole number from `min` (to `max`); zod words the range and NaN itself, and valueIssue reads its issues. */
const whole = (min: number, max?: number) => {
  const n = z.coerce
    .number()
    .refine((x) => Number.isSafeInteger(x), {
      message: 'must be an integer',
      params: { valueProblem: 'notInteger' } satisfies ValueIssue,
      abort: true,
    })
    .min(min);
  return max === undefined ? n : n.max(max);
};

export const param = {
  string: (description: string, length = 255) => withMeta(text(length), { type: 'string', description, length }),
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
        .refine((s) => UUID_RE.test(s), {
          message: 'not a valid UUID',
          params: { valueProblem: 'notUuid' } satisfies ValueIssue,
        })
        .transform((s) => s.toLowerCase()),
      {
        type: 'uuid',
        description,
      },
    ),
  boolean: (description: string) =>
    withMeta(
      z.unknown().transform((v, ctx): boolean => {
        if (typeof v === 'boolean') return v;
        if (typeof v === 'string' && BOOLEAN_TEXTS.includes(v)) return v.toLowerCase() === 'true';
        return refuse(ctx, 'Invalid input', { valueProblem: 'notBoolean' });
      }),
      { type: 'boolean', description },
    ),
  integer: (description: string, min = -2147483648, max = 2147483647) =>
    withMeta(whole(min, max), {
      type: 'integer',
      description,
    }),
  long: (description: string, min = 0) => withMeta(whole(min), { type: 'long', description }),
  /** A number sent as text of at most `length` characters (CloudStack's string-typed ratios). */
  decimal: (description: string, length = 16) =>
    withMeta(
      text(length).transform((s, ctx) => {
        const n = Number(s);
        return Number.isFinite(n) ? n : refuse(ctx, 'must be a number', { valueProblem: 'notNumber' });
      }),
      { type: 'string', description, length },
    ),
  date: (description: string) =>
    withMeta(
      z.string().refine((s) => !Number.isNaN(Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))), {
        message: 'not a valid date',
        params: { valueProblem: 'notDate' } satisfies ValueIssue,
      }),
      { type: 'date', description },
    ),
  enumOf: <const T extends readonly [string, ...string[]]>(values: T, description: string) =>
    withMeta(
      z.string().transform((v, ctx) => {
        const hit = values.find((x) => x.toLowerCase() === v.toLowerCase());
        if (!hit) {
          const listed = values.join(', ');
          return refuse(ctx, `must be one of ${listed}`, { valueProblem: 'notOneOf', values: listed });
        }
        return hit as T[number];
      }),
      { type: 'string', description, values },
    ),
  /** Comma-separated list, as CloudStack sends lists; items (ids, tags, names) of at most 255 characters. */
  list: (description: string) =>
    withMeta(
      z.unknown().transform((v, ctx): string[] => {
        const items =
          typeof v === 'string'
            ? v.split(',')
            : Array.isArray(v) && v.every((s) => typeof s === 'string')
              ? (v as string[])
              : undefined;
        if (items === undefined) return refuse(ctx, 'Invalid input', { valueProblem: 'notList' });
        const trimmed = items.map((s) => s.trim()).filter((s) => s.length > 0);
        if (trimmed.some((s) => s.length > LIST_ITEM_MAX_LENGTH)) {
          return refuse(ctx, `an item is longer than ${LIST_ITEM_MAX_LENGTH} characters`, {
            valueProblem: 'listItemTooLong',
            max: LIST_ITEM_MAX_LENGTH,
          });
        }
        return trimmed;
      }),
      { type: 'list', description },
    ),
  /** CloudStack map parameters: details[0].key=k&details[0].value=v, collected by the dispatcher. */
  map: (description: string) => withMeta(z.array(z.record(z.string(), z.string())), { type: 'map', description }),
};

/**
 * What is wrong with a refused value (any parameter but a name), to key the error by
 * (error.api.invalidValue.*, api/errors.ts): the builders above name it on the issues they raise,
 * and valueIssue() reads it from zod's own issues for the checks zod words itself.
 */
export type ValueIssue =
  | { valueProblem: 'tooLong' | 'tooLarge' | 'listItemTooLong'; max: number }
  | { valueProblem: 'tooSmall'; min: number }
  | { valueProblem: 'notOneOf'; values: string }
  | { valueProblem: 'notFinite'; received: string }
  | {
      valueProblem:
        | 'notUuid'
        | 'notInteger'
        | 'notNumber'
        | 'notNumeric'
        | 'notDate'
        | 'notBoolean'
        | 'notText'
        | 'notList'
        | 'notMap';
    };
export type ValueProblem = ValueIssue['valueProblem'];

/**
 * The problem of a parse issue of `value`, if it is one this module knows: named by a builder, or
 * zod's own wording of a number out of range, not a number or infinite (integer, long), and of a
 * map (`p[0].key=k`) sent where text is expected or text where a map is.
 */
export function valueIssue(issue: z.core.$ZodIssue | undefined, value: unknown): ValueIssue | undefined {
  switch (issue?.code) {
    case 'custom': {
      const params = issue.params as Partial<ValueIssue> | undefined;
      return params?.valueProblem !== undefined ? (params as ValueIssue) : undefined;
    }
    case 'too_small':
      return issue.origin === 'number' ? { valueProblem: 'tooSmall', min: Number(issue.minimum) } : undefined;
    case 'too_big':
      return issue.origin === 'number' ? { valueProblem: 'tooLarge', max: Number(issue.maximum) } : undefined;
    case 'invalid_type': {
      const received = (issue as { received?: unknown }).received;
      if (issue.expected === 'number' && received === 'NaN') return { valueProblem: 'notNumeric' };
      if (issue.expected === 'number' && typeof received === 'string') return { valueProblem: 'notFinite', received };
      if (issue.expected === 'string' && Array.isArray(value)) return { valueProblem: 'notText' };
      if (issue.expected === 'array' && typeof value === 'string') return { valueProblem: 'notMap' };
      return undefined;
    }
    default:
      return undefined;
  }
}

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
