import type { CommandResult } from './command';
import { project } from './projection';
import { CLOUDSTACK_API_VERSION } from './version';

/** The body below `<command>response`, in CloudStack's shape, with the declared fields only. */
export function resultBody(result: CommandResult): Record<string, unknown> {
  switch (result.kind) {
    case 'list': {
      // CloudStack answers an empty list with an empty object, not count 0.
      if (result.count <= 0) return {};
      const { schema } = result;
      return {
        count: result.count,
        [result.name]: schema ? result.items.map((i) => project(schema, i)) : result.items,
      };
    }
    case 'object':
      return { [result.name]: result.schema ? project(result.schema, result.value) : result.value };
    case 'success':
      return result.displaytext === undefined ? { success: true } : { success: true, displaytext: result.displaytext };
    case 'raw':
      return result.schema ? (project(result.schema, result.value) as Record<string, unknown>) : result.value;
  }
}

export const responseKey = (command: string) => `${command.toLowerCase()}response`;

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string,
  );
}

function toXmlNodes(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => toXmlNodes(name, v)).join('');
  if (value !== null && typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => toXmlNodes(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** CloudStack's default (XML) response format. */
export function toXml(body: Record<string, unknown>): string {
  const [root, value] = Object.entries(body)[0] ?? ['response', {}];
  const inner = Object.entries((value ?? {}) as Record<string, unknown>)
    .map(([k, v]) => toXmlNodes(k, v))
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><${root} cloud-stack-version="${CLOUDSTACK_API_VERSION}">${inner}</${root}>`;
}
