/** Transport-level parameters that never reach a command's schema. */
const TRANSPORT_PARAMS = new Set([
  'command',
  'response',
  'sessionkey',
  'signature',
  'apikey',
  'signatureversion',
  'expires',
  '_',
]);

const MAP_PARAM = /^([a-z0-9_]+)\[(\d+)\]\.([a-z0-9_]+)$/i;

export type RawParams = Record<string, string | string[] | undefined>;

/**
 * Normalizes request parameters: lowercases names, takes the first value of repeated ones, drops
 * transport parameters, and gathers CloudStack map parameters (`details[0].key=k`) into arrays.
 */
export function normalizeParams(raw: RawParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const maps = new Map<string, Map<number, Record<string, string>>>();
  for (const [name, rawValue] of Object.entries(raw)) {
    if (rawValue === undefined) continue;
    const value = Array.isArray(rawValue) ? rawValue[0] : rawValue;
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (TRANSPORT_PARAMS.has(lower)) continue;
    const m = MAP_PARAM.exec(lower);
    if (m) {
      const [, mapName, index, key] = m as unknown as [string, string, string, string];
      const entries = maps.get(mapName) ?? new Map<number, Record<string, string>>();
      const entry = entries.get(Number(index)) ?? {};
      entry[key] = value;
      entries.set(Number(index), entry);
      maps.set(mapName, entries);
      continue;
    }
    out[lower] = value;
  }
  for (const [mapName, entries] of maps) {
    out[mapName] = [...entries.entries()].sort((a, b) => a[0] - b[0]).map(([, e]) => e);
  }
  return out;
}
