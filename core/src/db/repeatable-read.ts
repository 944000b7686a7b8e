/**
 * Reads whose answer depends only on their SQL, their parameters and the data (no clock, no
 * chance, no sequence, no lock): what the read caches of both databases may keep.
 */
const READ = /^\s*select\b/i;
const NOT_REPEATABLE =
  /\b(now|current_date|current_time|current_timestamp|localtime|localtimestamp|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|random|randomblob|gen_random_uuid|nextval|currval|setval|txid_\w+|pg_\w+|current_setting)\b|\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i;

export type PlainValue = string | number | boolean | null;

/** Parameters a cache key can be made of. */
export const plainValues = (parameters: ReadonlyArray<unknown>): parameters is PlainValue[] =>
  parameters.every((p) => p === null || ['string', 'number', 'boolean'].includes(typeof p));

/** True for a SELECT whose answer repeats while the data is unchanged. */
export const repeatableSql = (sql: string): boolean => READ.test(sql) && !NOT_REPEATABLE.test(sql);

/** The cache key of a read: its SQL and its parameters. */
export const readKey = (sql: string, parameters: ReadonlyArray<unknown>): string =>
  `${sql}\u0000${JSON.stringify(parameters)}`;
