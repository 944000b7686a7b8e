import type { CompiledQuery } from 'kysely';

/** Raw SQL that may read a table Kysely's tree does not name. */
const NAMES_TABLES = /\b(from|join)\b/i;

/**
 * The tables a query may read: every table its Kysely tree names (aliases too, which match no
 * table and cost nothing), or 'all' when a raw SQL fragment could name one the tree does not.
 */
export function tablesRead(query: CompiledQuery): ReadonlySet<string> | 'all' {
  const tables = new Set<string>();
  const pending: unknown[] = [query.query];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    const { kind } = node as { kind?: unknown };
    if (kind === 'TableNode') {
      tables.add((node as { table: { identifier: { name: string } } }).table.identifier.name);
      continue;
    }
    if (kind === 'RawNode' && (node as { sqlFragments: string[] }).sqlFragments.some((f) => NAMES_TABLES.test(f))) {
      return 'all';
    }
    pending.push(...Object.values(node));
  }
  return tables;
}
