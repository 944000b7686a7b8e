/** What searchResources looks through, in the order results of equal rank are listed. */
export const SEARCH_KINDS = [
  'host',
  'cluster',
  'pod',
  'zone',
  'storagepool',
  'imagestore',
  'account',
  'user',
  'domain',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** How a result matched, best first: its rank is its index. */
export const SEARCH_MATCHES = ['id', 'ip', 'name', 'prefix', 'contains', 'range'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

export const matchRank = (match: SearchMatch): number => SEARCH_MATCHES.indexOf(match);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FULL_IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** The start of an address as an operator types it: "10.", "10.1.2", "192.168.0.1" (at least one dot). */
const IPV4_START = /^\d{1,3}\.(\d{1,3}\.?){0,3}$/;

/** What a search text is, decided once: the kinds of lookups it deserves follow from it. */
export interface SearchQuery {
  /** Lowercased and trimmed. */
  text: string;
  uuid: boolean;
  /** A whole IPv4 address. */
  ip: boolean;
  /** The start of an IPv4 address (a whole one included). */
  ipStart: boolean;
}

export function classifyQuery(raw: string): SearchQuery {
  const text = raw.trim().toLowerCase();
  return { text, uuid: UUID.test(text), ip: FULL_IPV4.test(text), ipStart: IPV4_START.test(text) };
}

/**
 * The smallest string greater than every string starting with `prefix` (in code point order,
 * which is UTF-8 byte order): `key >= prefix AND key < prefixEnd(prefix)` is a prefix match an
 * index can answer as a range.
 */
export function prefixEnd(prefix: string): string {
  const points = [...prefix];
  const last = points.pop();
  if (last === undefined) return '\u{10FFFF}';
  const next = (last.codePointAt(0) ?? 0) + 1;
  // Skip the surrogate block, which no well-formed string holds.
  return points.join('') + String.fromCodePoint(next >= 0xd800 && next <= 0xdfff ? 0xe000 : next);
}
