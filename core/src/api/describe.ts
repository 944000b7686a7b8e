import type { z } from 'zod';
import type { AnyCommand } from './command';
import type { ApiResponseField } from './schemas/apis';
import { fieldMeta } from './schemas/fields';

const SUCCESS_FIELDS: ApiResponseField[] = [
  { name: 'success', description: 'true if operation is executed successfully', type: 'boolean' },
  { name: 'displaytext', description: 'any text associated with the success or failure', type: 'string' },
];

/** The fields of an object schema (through optional, nullable and array wrappers). */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = schema._zod.def as unknown as {
    type: string;
    innerType?: z.ZodType;
    element?: z.ZodType;
    shape?: Record<string, z.ZodType>;
  };
  if (def.type === 'object') return def.shape;
  if (def.type === 'array') return objectShape(def.element as z.ZodType);
  if (def.innerType) return objectShape(def.innerType);
  return undefined;
}

function describeFields(schema: z.ZodType, depth = 0): ApiResponseField[] {
  const shape = objectShape(schema) ?? {};
  return Object.entries(shape).map(([name, field]) => {
    const meta = fieldMeta(field);
    const out: ApiResponseField = { name, description: meta?.description ?? '', type: meta?.type ?? 'object' };
    const nested = depth < 3 ? objectShape(field) : undefined;
    if (nested && Object.keys(nested).length > 0) out.response = describeFields(field, depth + 1);
    return out;
  });
}

/** The response fields of a command, as listApis reports them. */
export function responseFields(def: AnyCommand): ApiResponseField[] {
  const response = def.response;
  switch (response.kind) {
    case 'list':
    case 'object':
      return describeFields(response.item);
    case 'raw':
      return describeFields(response.body);
    case 'success':
      return SUCCESS_FIELDS;
  }
}

/** The object name a command answers with (`host` for listHosts); raw answers use the command's. */
export function responseName(def: AnyCommand): string {
  const response = def.response;
  if (response.kind === 'list' || response.kind === 'object') return response.name;
  return response.kind === 'success' ? 'success' : def.name.toLowerCase();
}
