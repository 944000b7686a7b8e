import {
  PostgresDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type pg from 'pg';
import { preparingPool } from './prepared-pool';
import { repeatableRead, type SnapshotReads } from './snapshot-reads';

type Compile = QueryCompiler['compileQuery'];

/**
 * A connection that takes one from the pool only when a query is not answered from the cache:
 * fifty requests served from the cache hold no pooled connection while they wait for the clock.
 * Inside a transaction every query goes to the database (its own writes are not in any snapshot
 * the clock sees).
 */
class LazyConnection implements DatabaseConnection {
  inTransaction = false;
  private pooled?: Promise<DatabaseConnection>;

  constructor(
    private readonly driver: Driver,
    private readonly reads: SnapshotReads,
  ) {}

  connection(): Promise<DatabaseConnection> {
    this.pooled ??= this.driver.acquireConnection();
    return this.pooled;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction || !repeatableRead(query)) return (await this.connection()).executeQuery<R>(query);
    return this.reads.query(query, async () => (await this.connection()).executeQuery<R>(query));
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    yield* (await this.connection()).streamQuery<R>(query, chunkSize);
  }

  async release(): Promise<void> {
    this.inTransaction = false;
    const pooled = this.pooled;
    this.pooled = undefined;
    // One that could not be had (the pool's acquire failed) has nothing to give back.
    const connection = await pooled?.catch(() => undefined);
    if (connection) await this.driver.releaseConnection(connection);
  }
}

class SnapshotDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly reads: SnapshotReads,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new LazyConnection(this.inner, this.reads);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const lazy = connection as LazyConnection;
    lazy.inTransaction = true;
    await this.inner.beginTransaction(await lazy.connection(), settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.commitTransaction(await (connection as LazyConnection).connection());
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.inner.rollbackTransaction(await (connection as LazyConnection).connection());
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    await this.inner.savepoint?.(await (connection as LazyConnection).connection(), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    await this.inner.rollbackToSavepoint?.(await (connection as LazyConnection).connection(), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    await this.inner.releaseSavepoint?.(await (connection as LazyConnection).connection(), name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return (connection as LazyConnection).release();
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/**
 * PostgreSQL through Kysely with repeatable reads outside transactions answered by `reads`, and
 * statements prepared once per connection.
 */
export class SnapshotDialect extends PostgresDialect {
  constructor(
    pool: pg.Pool,
    private readonly reads: SnapshotReads,
  ) {
    super({ pool: preparingPool(pool) });
  }

  override createDriver(): Driver {
    return new SnapshotDriver(super.createDriver(), this.reads);
  }
}
