import type { z } from 'zod';

type Projector = (value: unknown) => unknown;

const cache = new WeakMap<z.ZodType, Projector>();

const identity: Projector = (value) => value;

/**
 * The serializer's view of a declared response: only the fields a schema declares reach the
 * wire, in declaration order, without null or undefined values (CloudStack omits them). Values
 * are not validated here (the test suite's response check does that); this keeps a field a
 * service returns by mistake (a password hash, say) from ever being sent.
 */
export function project(schema: z.ZodType, value: unknown): unknown {
  return projector(schema)(value);
}

function projector(schema: z.ZodType): Projector {
  let p = cache.get(schema);
  if (!p) {
    // Placeholder first, so that a schema referring to itself does not recurse forever.
    cache.set(schema, (value) => (cache.get(schema) as Projector)(value));
    p = build(schema);
    cache.set(schema, p);
  }
  return p;
}

function build(schema: z.ZodType): Projector {
  const def = schema._zod.def as unknown as {
    type: string;
    innerType?: z.ZodType;
    element?: z.ZodType;
    shape?: Record<string, z.ZodType>;
    getter?: () => z.ZodType;
  };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      return projector(def.innerType as z.ZodType);
    case 'lazy':
      return (value) => projector((def.getter as () => z.ZodType)())(value);
    case 'array': {
      const item = projector(def.element as z.ZodType);
      return (value) => (Array.isArray(value) ? value.map(item) : value);
    }
    case 'object': {
      const fields = Object.entries(def.shape as Record<string, z.ZodType>).map(
        ([key, field]) => [key, projector(field)] as const,
      );
      return (value) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
        const source = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [key, fieldProjector] of fields) {
          const v = source[key];
          if (v !== undefined && v !== null) out[key] = fieldProjector(v);
        }
        return out;
      };
    }
    default:
      return identity;
  }
}

/** Drops null and undefined object fields, recursively: what the wire would carry. */
export function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) out[k] = withoutEmpty(v);
  return out;
}
