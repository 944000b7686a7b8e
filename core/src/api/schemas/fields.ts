import { z } from 'zod';

/**
 * Builders for response fields. A response is declared as a zod schema: its field types give the
 * renderer's response types, the serializer's output (only declared fields reach the wire) and
 * the check the test suite makes on every real response; the descriptions are what listApis
 * reports for each field.
 */
export type FieldType =
  'string' | 'uuid' | 'date' | 'boolean' | 'integer' | 'long' | 'double' | 'list' | 'map' | 'object';

export interface FieldMeta {
  type: FieldType;
  description: string;
}

/** Marks a schema as a named entity (`Host`, `Zone`): the generated renderer types name it. */
export interface EntityMeta {
  entity: string;
}

const described = <T extends z.ZodType>(schema: T, meta: FieldMeta): T => schema.meta({ ...meta }) as T;

export const field = {
  string: (description: string) => described(z.string(), { type: 'string', description }),
  uuid: (description: string) => described(z.string(), { type: 'uuid', description }),
  /** CloudStack's date format, yyyy-MM-dd'T'HH:mm:ssZ. */
  date: (description: string) => described(z.string(), { type: 'date', description }),
  boolean: (description: string) => described(z.boolean(), { type: 'boolean', description }),
  integer: (description: string) => described(z.number().int(), { type: 'integer', description }),
  /** Byte counts and other large whole numbers. */
  long: (description: string) => described(z.number().int(), { type: 'long', description }),
  double: (description: string) => described(z.number(), { type: 'double', description }),
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, description: string) =>
    described(z.enum(values), { type: 'string', description }),
  /** A list of entities or values (a VM's nics, a pod's IP ranges). */
  list: <T extends z.ZodType>(item: T, description: string) => described(z.array(item), { type: 'list', description }),
  /** A nested object (a job's result, an account's resource counts). */
  object: <T extends z.ZodType>(schema: T, description: string) => described(schema, { type: 'object', description }),
  /** Free-form key/value pairs (details maps). */
  map: (description: string) => described(z.record(z.string(), z.string()), { type: 'map', description }),
  /** A value whose shape depends on something else (an async job's result). */
  any: (description: string) => described(z.unknown(), { type: 'object', description }),
};

/**
 * A named response entity. Strict: a field a service returns without declaring it fails the
 * response check in the test suite instead of reaching the wire undeclared.
 */
export function entity<const S extends z.ZodRawShape>(name: string, shape: S) {
  return z.strictObject(shape).meta({ entity: name } satisfies EntityMeta);
}

/** The metadata of a field declared with `field.*`, looking through optional wrappers. */
export function fieldMeta(schema: z.ZodType): (FieldMeta & { optional: boolean }) | undefined {
  let current: z.ZodType = schema;
  let optional = false;
  for (;;) {
    const meta = current.meta() as Partial<FieldMeta> | undefined;
    if (meta?.type !== undefined) return { type: meta.type, description: meta.description ?? '', optional };
    const def = current._zod.def;
    if (def.type !== 'optional' && def.type !== 'nullable' && def.type !== 'default') return undefined;
    optional = true;
    current = (def as unknown as { innerType: z.ZodType }).innerType;
  }
}

/** The entity name of a schema declared with `entity()`, if any. */
export function entityName(schema: z.ZodType): string | undefined {
  return (schema.meta() as Partial<EntityMeta> | undefined)?.entity;
}

/** Removes null and undefined fields: CloudStack omits fields that have no value. */
export type Compacted<T> = { [K in keyof T]: Exclude<T[K], null> };

export function compact<T extends object>(value: T): Compacted<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) out[k] = v;
  return out as Compacted<T>;
}
