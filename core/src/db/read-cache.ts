import type { Tables } from './snapshot-clock';

interface Entry<V> {
  value: V;
  tables: Tables;
  /** The last check completed when the read was sent. */
  basis: number;
  rows: number;
}

/**
 * Reads remembered with the tables they read and the check they were made after; one is used
 * only while `unchanged` says none of its tables changed since. Bounded by entries and by rows;
 * full, the oldest go first.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private rows = 0;

  constructor(
    private readonly unchanged: (tables: Tables, basis: number) => boolean,
    private readonly limits: { entries: number; rows: number },
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.unchanged(entry.tables, entry.basis)) return entry.value;
    this.drop(key, entry);
    return undefined;
  }

  set(key: string, value: V, tables: Tables, basis: number, rows: number): void {
    if (rows > this.limits.rows || !this.unchanged(tables, basis)) return;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    this.entries.set(key, { value, tables, basis, rows });
    this.rows += rows;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.entries && this.rows <= this.limits.rows) break;
      this.drop(oldest, entry);
    }
  }

  private drop(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    this.rows -= entry.rows;
  }
}
