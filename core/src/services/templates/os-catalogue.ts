import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { OS_CATEGORIES, OS_TYPES } from '../../domain/os-catalogue';
import type { Store } from '../../db/connect';
import type { Database } from '../../db/schema';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import type { ListOsCategoriesInput, ListOsTypesInput, OsCategory, OsType } from '../../api/schemas/templates';
import { withClusterLock } from '../cluster-identity';
import type { CoreServices } from '../core-services';
import { keywordPattern } from '../tenancy/shared';

type Db = Kysely<Database>;

/**
 * Creates the guest OS categories and types the database lacks, on every start, under the
 * cluster's set-up lock (as the default offerings are): once on a new database, and the entries a
 * later version adds on an older one. Returns how many rows were created.
 */
export async function ensureOsCatalogue(store: Store): Promise<number> {
  const count = async (db: Db) =>
    Number(
      (
        await db
          .selectFrom('os_types')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  if ((await count(store.db)) >= OS_TYPES.length) return 0;
  return withClusterLock(store, async (db) => {
    const presentCategories = new Map(
      (await db.selectFrom('os_categories').select(['id', 'name']).execute()).map((r) => [r.name, r.id]),
    );
    let created = 0;
    const newCategories = OS_CATEGORIES.filter((c) => !presentCategories.has(c));
    if (newCategories.length > 0) {
      const rows = await db
        .insertInto('os_categories')
        .values(newCategories.map((name) => ({ uuid: crypto.randomUUID(), name })))
        .returning(['id', 'name'])
        .execute();
      for (const r of rows) presentCategories.set(r.name, r.id);
      created += rows.length;
    }
    const presentTypes = new Set(
      (await db.selectFrom('os_types').select('description').execute()).map((r) => r.description),
    );
    const newTypes = OS_TYPES.filter((t) => !presentTypes.has(t.description));
    if (newTypes.length > 0) {
      await db
        .insertInto('os_types')
        .values(
          newTypes.map((t) => ({
            uuid: crypto.randomUUID(),
            category_id: presentCategories.get(t.category) as number,
            description: t.description,
            is_user_defined: 0,
          })),
        )
        .execute();
      created += newTypes.length;
    }
    return created;
  });
}

/** listOsCategories and listOsTypes, in CloudStack's order (by id). */
export class OsCatalogueQueries {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  async categories(input: ListOsCategoriesInput): Promise<{ items: OsCategory[]; count: number }> {
    const pattern = keywordPattern(input.keyword);
    let q = this.db.selectFrom('os_categories').select(['id', 'uuid', 'name']);
    if (input.id) q = q.where('uuid', '=', input.id);
    if (input.name) q = q.where(equalsIgnoreCase('name', input.name));
    if (pattern) q = q.where(ilike('name', pattern));
    const rows = await q.orderBy('id').execute();
    const items = rows.map((r) => ({ id: r.uuid, name: r.name }));
    return { items, count: items.length };
  }

  async types(input: ListOsTypesInput): Promise<{ items: OsType[]; count: number }> {
    const pattern = keywordPattern(input.keyword);
    let q = this.db
      .selectFrom('os_types')
      .innerJoin('os_categories', 'os_categories.id', 'os_types.category_id')
      .select([
        'os_types.id',
        'os_types.uuid',
        'os_types.description',
        'os_types.is_user_defined',
        'os_categories.uuid as category_uuid',
        'os_categories.name as category_name',
      ]);
    if (input.id) q = q.where('os_types.uuid', '=', input.id);
    if (input.oscategoryid) q = q.where('os_categories.uuid', '=', input.oscategoryid);
    if (input.description) q = q.where(equalsIgnoreCase('os_types.description', input.description));
    if (pattern) q = q.where(ilike('os_types.description', pattern));
    const rows = await q.orderBy('os_types.id').execute();
    const items = rows.map((r) => ({
      id: r.uuid,
      description: r.description,
      name: r.description,
      oscategoryid: r.category_uuid,
      oscategoryname: r.category_name,
      isuserdefined: r.is_user_defined === 1,
    }));
    return { items, count: items.length };
  }
}
