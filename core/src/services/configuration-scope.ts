import { invalidParameter, permissionDenied } from '../domain/errors';
import { message } from '../domain/messages';
import type { SettingScope } from '../domain/settings-registry';
import type { Store } from '../db/connect';
import type { AccessService } from './access';
import { isDomainAdmin, type Caller } from './caller';
import type { ScopeTarget } from './settings';
import { loadChain, SCOPE_TABLES } from './settings-scopes';

/** The scope ids a configuration command may carry (list and update name the image store imagestoreuuid, reset imagestoreid). */
export interface ScopeParams {
  zoneid?: string;
  clusterid?: string;
  storageid?: string;
  imagestoreuuid?: string;
  imagestoreid?: string;
  accountid?: string;
  domainid?: string;
}

/** CloudStack's words for each scope's resource in "unable to find ... by id". */
const WHAT: Record<SettingScope, string> = {
  zone: 'zone',
  cluster: 'cluster',
  storagepool: 'storage pool',
  imagestore: 'image store',
  domain: 'domain',
  account: 'account',
};

export interface ResolvedTarget extends ScopeTarget {
  uuid: string;
  name: string;
}

function givenIds(caller: Caller, params: ScopeParams): [SettingScope, string][] {
  let domainId = params.domainid;
  // A domain admin without an account or domain works on its own domain, as in CloudStack.
  if (isDomainAdmin(caller) && params.accountid === undefined && domainId === undefined) domainId = caller.domainUuid;
  const ids: [SettingScope, string | undefined][] = [
    ['zone', params.zoneid],
    ['cluster', params.clusterid],
    ['storagepool', params.storageid],
    ['imagestore', params.imagestoreuuid ?? params.imagestoreid],
    ['account', params.accountid],
    ['domain', domainId],
  ];
  return ids.filter((e): e is [SettingScope, string] => e[1] !== undefined);
}

/**
 * The resource a configuration command is about, from its scope ids (none: the global value).
 * One id at most (431 otherwise); the resource must exist; a domain admin reaches only accounts
 * and domains of its subtree, and no infrastructure scope.
 */
export async function configurationTarget(
  deps: { store: Store; access: AccessService },
  caller: Caller,
  params: ScopeParams,
): Promise<ResolvedTarget | undefined> {
  const ids = givenIds(caller, params);
  if (ids.length === 0) return undefined;
  const [first, ...rest] = ids;
  if (!first || rest.length > 0) {
    throw invalidParameter('CONFIG.SCOPE_IDS', message('error.setting.multipleScopeIds', {}));
  }
  const [scope, uuid] = first;
  const table = SCOPE_TABLES[scope];
  const { db } = deps.store;
  const row = await db
    .selectFrom(table)
    .select([`${table}.id` as 'zones.id', `${table}.name` as 'zones.name'])
    .where(`${table}.uuid` as 'zones.uuid', '=', uuid)
    .where(`${table}.removed` as 'zones.removed', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw invalidParameter(
      'CONFIG.SCOPE_NOT_FOUND',
      message('error.setting.scopeNotFound', { resource: WHAT[scope], id: uuid }),
    );
  await checkScopeAccess(deps, caller, scope, row.id, uuid);
  const chain = await loadChain(db, scope, row.id);
  if (!chain)
    throw invalidParameter(
      'CONFIG.SCOPE_NOT_FOUND',
      message('error.setting.scopeNotFound', { resource: WHAT[scope], id: uuid }),
    );
  return { scope, resourceId: row.id, chain, uuid, name: row.name };
}

async function checkScopeAccess(
  deps: { store: Store; access: AccessService },
  caller: Caller,
  scope: SettingScope,
  id: number,
  uuid: string,
): Promise<void> {
  if (caller.roleType === 'Admin') return;
  const denied = () =>
    permissionDenied(
      'CONFIG.SCOPE_ACCESS',
      message('error.setting.scopeAccess', { caller: caller.accountName, resource: WHAT[scope], id: uuid }),
    );
  if (!isDomainAdmin(caller)) throw denied();
  if (scope === 'account') {
    const account = await deps.store.db
      .selectFrom('accounts')
      .select(['id', 'uuid', 'domain_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await deps.access.checkAccount(caller, account);
    return;
  }
  if (scope === 'domain') {
    const domain = await deps.store.db
      .selectFrom('domains')
      .select('id_path')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (domain.id_path.startsWith(caller.domainIdPath)) return;
  }
  throw denied();
}
