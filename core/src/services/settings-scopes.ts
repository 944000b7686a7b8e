import type { Kysely } from 'kysely';
import {
  type AnySettingDefinition,
  type ScopeChain,
  type SettingScalar,
  type SettingScope,
  type SettingSource,
} from '../domain/settings-registry';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

/** CloudStack's switches for account and domain values (both off by default, as in CloudStack). */
export interface DomainFallbacks {
  /** enable.account.settings.for.domain: account settings can be set on a domain, and accounts inherit them. */
  accountFromDomain: boolean;
  /** enable.domain.settings.for.child.domain: a domain without a value takes its parent's, up to ROOT. */
  domainFromParent: boolean;
}

/** Whether a value of the setting may be stored at the scope (updateConfiguration's scope check). */
export function scopeAllowed(def: AnySettingDefinition, scope: SettingScope, flags: DomainFallbacks): boolean {
  if (def.scopes.includes(scope)) return true;
  return scope === 'domain' && flags.accountFromDomain && def.scopes.includes('account');
}

export type ScopedLookup = (scope: SettingScope, id: number, name: string) => SettingScalar | undefined;

/** The levels of a chain in the order they are asked, with the resource id at each. */
function levels(chain: ScopeChain, flags: DomainFallbacks): [SettingScope, number][] {
  const out: [SettingScope, number | undefined][] = [
    ['storagepool', chain.storagePoolId],
    ['cluster', chain.clusterId],
    ['imagestore', chain.imageStoreId],
    ['zone', chain.zoneId],
    ['account', chain.accountId],
    ['domain', chain.domainId],
  ];
  if (flags.domainFromParent) for (const id of chain.parentDomainIds ?? []) out.push(['domain', id]);
  return out.filter((l): l is [SettingScope, number] => l[1] !== undefined);
}

/**
 * The value in effect along a chain (CloudStack's ConfigKey.valueInScope): the most specific level
 * that holds a value and that the setting has as a scope, else undefined (the global value applies).
 */
export function resolveInChain(
  def: AnySettingDefinition,
  chain: ScopeChain,
  lookup: ScopedLookup,
  flags: DomainFallbacks,
): { value: SettingScalar; source: SettingSource } | undefined {
  for (const [scope, id] of levels(chain, flags)) {
    if (!scopeAllowed(def, scope, flags)) continue;
    const value = lookup(scope, id, def.name);
    if (value !== undefined) return { value, source: scope };
  }
  return undefined;
}

/** Each scope's table: rows of removed (or vanished) resources are orphans. */
export const SCOPE_TABLES = {
  zone: 'zones',
  cluster: 'clusters',
  storagepool: 'storage_pools',
  imagestore: 'image_stores',
  domain: 'domains',
  account: 'accounts',
} as const satisfies Record<SettingScope, keyof Database>;

/** Deletes the scoped values of resources that are removed or gone; answers how many went. */
export async function deleteOrphans(db: Db): Promise<number> {
  let deleted = 0;
  for (const [scope, table] of Object.entries(SCOPE_TABLES)) {
    const r = await db
      .deleteFrom('scoped_configurations')
      .where('scope', '=', scope)
      .where((eb) =>
        eb.not(
          eb(
            'resource_id',
            'in',
            eb
              .selectFrom(table)
              .select(`${table}.id` as 'zones.id')
              .where(`${table}.removed` as 'zones.removed', 'is', null),
          ),
        ),
      )
      .executeTakeFirst();
    deleted += Number(r.numDeletedRows);
  }
  return deleted;
}

/** Ancestor ids of a domain from its id path ("/1/4/9/" -> [4, 1]), nearest first. */
export function parentDomainIds(idPath: string, domainId: number): number[] {
  return idPath
    .split('/')
    .filter((p) => p !== '')
    .map(Number)
    .filter((id) => id !== domainId)
    .reverse();
}

/** The chain of a resource, read from the inventory (undefined when it does not exist or is removed). */
export async function loadChain(db: Db, scope: SettingScope, id: number): Promise<ScopeChain | undefined> {
  switch (scope) {
    case 'zone': {
      const z = await db
        .selectFrom('zones')
        .select('id')
        .where('id', '=', id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      return z && { zoneId: z.id };
    }
    case 'cluster': {
      const c = await db
        .selectFrom('clusters')
        .select(['id', 'zone_id'])
        .where('id', '=', id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      return c && { clusterId: c.id, zoneId: c.zone_id };
    }
    case 'storagepool': {
      const p = await db
        .selectFrom('storage_pools')
        .select(['id', 'cluster_id', 'zone_id'])
        .where('id', '=', id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      return p && { storagePoolId: p.id, clusterId: p.cluster_id ?? undefined, zoneId: p.zone_id };
    }
    case 'imagestore': {
      const s = await db
        .selectFrom('image_stores')
        .select(['id', 'zone_id'])
        .where('id', '=', id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      return s && { imageStoreId: s.id, zoneId: s.zone_id ?? undefined };
    }
    case 'domain': {
      const d = await db
        .selectFrom('domains')
        .select(['id', 'id_path'])
        .where('id', '=', id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      return d && { domainId: d.id, parentDomainIds: parentDomainIds(d.id_path, d.id) };
    }
    case 'account': {
      const a = await db
        .selectFrom('accounts as a')
        .innerJoin('domains as d', 'd.id', 'a.domain_id')
        .select(['a.id', 'a.domain_id', 'd.id_path'])
        .where('a.id', '=', id)
        .where('a.removed', 'is', null)
        .executeTakeFirst();
      return a && { accountId: a.id, domainId: a.domain_id, parentDomainIds: parentDomainIds(a.id_path, a.domain_id) };
    }
  }
}
