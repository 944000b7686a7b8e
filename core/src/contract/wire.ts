/**
 * Command parameters in CloudStack's wire form, for every client that sends typed parameters
 * (the renderer's API client, the datacenter import): booleans and numbers as text, lists
 * comma-separated, maps as name[i].key=value; absent values are left out.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One parameter's wire entries (a map gives one entry per key and index). */
export function wireEntries(name: string, value: unknown): [string, string][] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    if (value.some(isRecord)) {
      return value
        .filter(isRecord)
        .flatMap((entry, i) =>
          Object.entries(entry).map(([k, v]): [string, string] => [`${name}[${i}].${k}`, String(v)]),
        );
    }
    return [[name, value.map(String).join(',')]];
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return [[name, String(value)]];
  return [];
}

export function wireParams(params: object): Record<string, string> {
  return Object.fromEntries(Object.entries(params).flatMap(([name, value]) => wireEntries(name, value)));
}
