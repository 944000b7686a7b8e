/**
 * Renders declared response schemas (zod) as TypeScript types for the contract module. Named
 * entities (declared with entity()) become interfaces, referenced by name wherever they appear.
 */
import type { z } from 'zod';
import { entityName, fieldMeta } from './schemas/fields';

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  values?: unknown[];
  options?: z.ZodType[];
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
}

const key = (name: string) => (/^[a-z_$][a-z0-9_$]*$/i.test(name) ? name : JSON.stringify(name));

const indent = (text: string, by = '  ') =>
  text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

export class TypeRenderer {
  /** Entity name -> rendered interface; schemas by name, to refuse two entities of one name. */
  private readonly entities = new Map<string, { schema: z.ZodType; text: string }>();

  /** Interfaces for every entity met so far, sorted by name. */
  declarations(): string {
    return [...this.entities.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, e]) => e.text)
      .join('\n\n');
  }

  /** A type expression for the schema; named entities are rendered once and referenced. */
  render(schema: z.ZodType): string {
    const name = entityName(schema);
    if (name !== undefined) {
      const known = this.entities.get(name);
      // A described copy of an entity (field.object(Entity, '...')) shares its shape: the same entity.
      if (known && known.schema !== schema && shapeOf(known.schema) !== shapeOf(schema)) {
        throw new Error(`two response entities are named ${name}`);
      }
      if (!known) {
        this.entities.set(name, { schema, text: '' });
        const body = this.objectBody(schema);
        const text = body.startsWith('{') ? `export interface ${name} ${body}` : `export type ${name} = ${body};`;
        this.entities.set(name, { schema, text });
      }
      return name;
    }
    return this.anonymous(schema);
  }

  private anonymous(schema: z.ZodType): string {
    const def = schema._zod.def as unknown as Def;
    switch (def.type) {
      case 'string':
        return 'string';
      case 'number':
      case 'int':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'unknown':
      case 'any':
        return 'unknown';
      case 'null':
        return 'null';
      case 'literal':
        return (def.values ?? []).map((v) => JSON.stringify(v)).join(' | ');
      case 'enum':
        return Object.values(def.entries ?? {})
          .map((v) => JSON.stringify(v))
          .join(' | ');
      case 'optional':
        return this.render(def.innerType as z.ZodType);
      case 'nullable':
        return `${this.render(def.innerType as z.ZodType)} | null`;
      case 'default':
        return this.render(def.innerType as z.ZodType);
      case 'array':
        return arrayOf(this.render(def.element as z.ZodType));
      case 'record':
        return `Record<string, ${this.render(def.valueType as z.ZodType)}>`;
      case 'union':
        return (def.options ?? []).map((o) => this.render(o)).join(' | ');
      case 'object':
        return this.objectBody(schema);
      case 'lazy':
        return this.render((def.getter as () => z.ZodType)());
      default:
        throw new Error(`response schemas cannot use zod type "${def.type}" (transforms belong in services)`);
    }
  }

  private objectBody(schema: z.ZodType): string {
    const shape = (schema._zod.def as unknown as Def).shape ?? {};
    const lines = Object.entries(shape).map(([name, field]) => {
      const meta = fieldMeta(field);
      const doc = meta?.description ? `/** ${meta.description.replace(/\*\//g, '* /')} */\n` : '';
      const optional = isOptional(field) ? '?' : '';
      return `${doc}${key(name)}${optional}: ${this.render(field)};`;
    });
    return lines.length === 0 ? 'Record<string, never>' : `{\n${indent(lines.join('\n'))}\n}`;
  }
}

function shapeOf(schema: z.ZodType): unknown {
  return (schema._zod.def as unknown as Def).shape;
}

/** `T[]`, parenthesised when T is not a plain name. */
export function arrayOf(item: string): string {
  return /^[A-Za-z0-9_]+$/.test(item) ? `${item}[]` : `(${item})[]`;
}

function isOptional(schema: z.ZodType): boolean {
  const type = (schema._zod.def as unknown as Def).type;
  return type === 'optional' || type === 'default';
}
