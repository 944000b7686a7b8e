import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/** Stands for the i-th argument while the query is built; replaced in its compiled parameters. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query built and compiled once per database and then run with new argument values (its rows): building a
 * Kysely query (parsing its references, freezing its nodes) and compiling it cost more than a
 * small indexed read itself, and a query run for every API request (the caller's lookup) pays it
 * a thousand times a second under load. `build` gets one placeholder per argument and uses each
 * only as a plain value (a comparison's right-hand side), never in SQL text.
 */
export function compiledOnce<DB, Args extends unknown[], Row>(
  build: (db: Kysely<DB>, ...args: { [K in keyof Args]: Args[K] }) => Compilable<Row>,
): (db: Kysely<DB>, ...args: Args) => Promise<Row[]> {
  const compiled = new WeakMap<Kysely<DB>, CompiledQuery<Row>>();
  return async (db, ...args) => {
    let query = compiled.get(db);
    if (!query) {
      const slots = args.map((_, i) => new Slot(i)) as unknown as { [K in keyof Args]: Args[K] };
      query = build(db, ...slots).compile();
      if (query.parameters.filter((p) => p instanceof Slot).length !== args.length)
        throw new Error('compiledOnce: every argument must appear once as a parameter');
      compiled.set(db, query);
    }
    const parameters = query.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
    // The query's tree stays: read caches tell the tables it reads from it (see tablesRead).
    const { rows } = await db.executeQuery<Row>({ ...query, parameters });
    return rows;
  };
}
