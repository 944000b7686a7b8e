import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { SYSTEM_ACCOUNT_NAME, type AccountScope } from '../../db/repositories/accounts';
import type { Db, DomainScope } from '../../db/repositories/domains';
import type { MigrationDialect } from '../../db/migrations/helpers';
import type { SearchQuery } from '../../domain/search';
import type { Found } from './infrastructure-kinds';
import { searchKey, searchKind } from './name-match';

type Order = 'id' | RawBuilder<string>;

/** Accounts of a scope, as listAccounts applies it (the system account never shows). */
function accountsIn(scope: AccountScope): Expression<SqlBool> {
  const live = sql<SqlBool>`a.removed is null and not (a.is_default = 1 and a.name = ${SYSTEM_ACCOUNT_NAME})`;
  if (scope.kind === 'all') return live;
  if (scope.kind === 'account') return sql<SqlBool>`${live} and a.id = ${scope.accountId}`;
  if (!scope.recursive) return sql<SqlBool>`${live} and a.domain_id = ${scope.domainId}`;
  return sql<SqlBool>`${live} and d.id_path like ${`${scope.idPath}%`}`;
}

function domainsIn(scope: DomainScope): Expression<SqlBool> {
  const live = sql<SqlBool>`d.removed is null and d.state = 'Active'`;
  if (scope.kind === 'all') return live;
  if (scope.kind === 'one') return sql<SqlBool>`${live} and d.id = ${scope.domainId}`;
  return sql<SqlBool>`${live} and d.id_path like ${`${scope.idPath}%`}`;
}

/** Accounts, users and domains by id and name, within the scope the matching list command uses. */
export class TenancyKinds {
  constructor(
    private readonly db: Db,
    private readonly dialect: MigrationDialect,
  ) {}

  async accounts(query: SearchQuery, limit: number, scope: AccountScope): Promise<Found[]> {
    const nameKey = searchKey(this.dialect, 'a.name');
    const rows = (where: Expression<SqlBool>, order: Order, n: number) =>
      this.db
        .selectFrom('accounts as a')
        .innerJoin('domains as d', 'd.id', 'a.domain_id')
        .select(['a.id', 'a.uuid', 'a.name', 'a.state', 'd.uuid as domain_uuid', 'd.path as domain_path'])
        .where(accountsIn(scope))
        .where(where)
        .orderBy(order === 'id' ? sql.ref('a.id') : order)
        .limit(n)
        .execute();
    const found = await searchKind({ rows, nameKey, uuidColumn: 'a.uuid' }, query, limit);
    return found.map(({ row: a, match }) => ({
      kind: 'account',
      match,
      result: { id: a.uuid, name: a.name, context: a.domain_path, state: a.state, domainid: a.domain_uuid },
    }));
  }

  async users(query: SearchQuery, limit: number, scope: AccountScope): Promise<Found[]> {
    const nameKey = searchKey(this.dialect, 'u.username');
    const rows = (where: Expression<SqlBool>, order: Order, n: number) =>
      this.db
        .selectFrom('users as u')
        .innerJoin('accounts as a', 'a.id', 'u.account_id')
        .innerJoin('domains as d', 'd.id', 'a.domain_id')
        .select(['u.id', 'u.uuid', 'u.username', 'u.state', 'a.name as account_name'])
        .select(['d.uuid as domain_uuid', 'd.path as domain_path'])
        .where('u.removed', 'is', null)
        .where(accountsIn(scope))
        .where(where)
        .orderBy(order === 'id' ? sql.ref('u.id') : order)
        .limit(n)
        .execute();
    const found = await searchKind({ rows, nameKey, uuidColumn: 'u.uuid' }, query, limit);
    return found.map(({ row: u, match }) => ({
      kind: 'user',
      match,
      result: {
        id: u.uuid,
        name: u.username,
        context: `${u.account_name} · ${u.domain_path}`,
        state: u.state,
        domainid: u.domain_uuid,
        account: u.account_name,
      },
    }));
  }

  async domains(query: SearchQuery, limit: number, scope: DomainScope): Promise<Found[]> {
    const nameKey = searchKey(this.dialect, 'd.name');
    const rows = (where: Expression<SqlBool>, order: Order, n: number) =>
      this.db
        .selectFrom('domains as d')
        .select(['d.id', 'd.uuid', 'd.name', 'd.path', 'd.state'])
        .where(domainsIn(scope))
        .where(where)
        .orderBy(order === 'id' ? sql.ref('d.id') : order)
        .limit(n)
        .execute();
    const found = await searchKind({ rows, nameKey, uuidColumn: 'd.uuid' }, query, limit);
    return found.map(({ row: d, match }) => ({
      kind: 'domain',
      match,
      result: { id: d.uuid, name: d.name, context: d.path, state: d.state, domainid: d.uuid },
    }));
  }
}
