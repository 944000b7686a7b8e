import crypto from 'node:crypto';
import { message } from '../../domain/messages';
import type { Kysely } from 'kysely';
import { conflict, DomainError, invalidParameter } from '../../domain/errors';
import { nowIso } from '../../domain/time';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import { BY_ID, inPageOrder, pageOfIds } from '../../db/list-page';
import type { Database, ImageStoreRow, ZoneRow } from '../../db/schema';
import { LocalPathError, probeLocalPath } from '../../drivers/storage/local-path';
import { compact } from '../../api/schemas/fields';
import {
  type AddImageStoreInput,
  type ImageStore,
  type IMAGE_STORE_SORT_KEYS,
  type ListImageStoresInput,
} from '../../api/schemas/image-stores';
import {
  IMAGE_STORE_PROVIDERS,
  type ImageStoreProtocol,
  type ImageStoreProvider,
  type ImageStoreScope,
} from '../../domain/infrastructure';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { listOrder, pageWindow } from '../paging';

/** The image_stores column behind each listImageStores sort key. */
const IMAGE_STORE_SORT_COLUMNS: Record<(typeof IMAGE_STORE_SORT_KEYS)[number], string> = {
  name: 'name',
  provider: 'provider',
  protocol: 'protocol',
  scope: 'scope',
  created: 'created',
};

import { keywordPattern } from '../tenancy/shared';
import { checkName } from '../../domain/names';
import { namesById, requireImageStore, requireZone } from './lookups';
import { parseStorageUrl, type ParsedStorageUrl } from './storage-url';

/**
 * Secondary storage (CloudStack's image stores). CloudStack offers NFS, S3 and Swift; Stackyard
 * takes NFS and, as a lab addition, a directory on the management server (provider 'Filesystem').
 *
 * Capacity: there is no NFS client in the core yet, so an nfs:// store is never contacted and
 * reports simulator.storage.capacity.gb (nothing used); a local directory reports its file
 * system's real size and use (statfs), refreshed on every capacity sample.
 */
const GiB = 1024 ** 3;

type Db = Kysely<Database>;

export function imageStoreResponse(row: ImageStoreRow, zone: { uuid: string; name: string } | undefined): ImageStore {
  return compact({
    id: row.uuid,
    name: row.name,
    zoneid: zone?.uuid,
    zonename: zone?.name,
    // The table holds only the values addImageStore writes; the columns are text.
    protocol: row.protocol as ImageStoreProtocol,
    providername: row.provider as ImageStoreProvider,
    scope: row.scope as ImageStoreScope,
    url: row.url,
    readonly: row.read_only === 1,
    disksizetotal: Number(row.total_bytes),
    disksizeused: Number(row.used_bytes),
  });
}

async function responses(services: CoreServices, rows: ImageStoreRow[]): Promise<ImageStore[]> {
  const zones = await namesById(
    services.store.db,
    'zones',
    rows.map((r) => r.zone_id),
  );
  return rows.map((r) => imageStoreResponse(r, r.zone_id === null ? undefined : zones.get(r.zone_id)));
}

/** The provider and parsed URL of a new store: NFS takes nfs:// URLs, both take a local directory. */
function storeLocation(input: AddImageStoreInput): { provider: ImageStoreProvider; parsed: ParsedStorageUrl } {
  const requested = (input.provider ?? 'NFS').trim();
  const provider = IMAGE_STORE_PROVIDERS.find((p) => p.toLowerCase() === requested.toLowerCase());
  if (!provider) {
    throw invalidParameter('IMAGE_STORE.PROVIDER', message('error.imageStore.badProvider', { provider: requested }));
  }
  if (!input.url) throw invalidParameter('IMAGE_STORE.URL', message('error.imageStore.noUrl', { provider }));
  const parsed = parseStorageUrl(input.url);
  if (parsed.scheme !== 'file' && parsed.scheme !== 'nfs') {
    throw invalidParameter('IMAGE_STORE.URL', message('error.imageStore.badUrl', { url: input.url }));
  }
  if (provider === 'Filesystem' && parsed.scheme !== 'file') {
    throw invalidParameter('IMAGE_STORE.URL', message('error.imageStore.filesystemUrl', {}));
  }
  return { provider, parsed };
}

async function urlInUse(db: Db, url: string): Promise<void> {
  const existing = await db
    .selectFrom('image_stores')
    .select('name')
    .where('removed', 'is', null)
    .where(equalsIgnoreCase('url', url))
    .executeTakeFirst();
  if (existing)
    throw conflict('IMAGE_STORE.DUPLICATE_URL', message('error.imageStore.duplicateUrl', { name: existing.name, url }));
}

/** A local directory's real size and use; an NFS store's simulated size, nothing used. */
async function storeSize(services: CoreServices, parsed: ParsedStorageUrl): Promise<{ total: number; used: number }> {
  if (parsed.scheme !== 'file') {
    return { total: services.config.get<number>('simulator.storage.capacity.gb') * GiB, used: 0 };
  }
  try {
    const usage = await probeLocalPath(parsed.path);
    return { total: usage.totalBytes, used: usage.usedBytes };
  } catch (e) {
    if (e instanceof LocalPathError) throw invalidParameter('IMAGE_STORE.PATH', e.translatable);
    throw e;
  }
}

export async function addImageStore(
  services: CoreServices,
  caller: Caller,
  input: AddImageStoreInput,
): Promise<ImageStore> {
  const { db } = services.store;
  const { parsed } = storeLocation(input);
  const local = parsed.scheme === 'file';
  if (!input.zoneid) throw invalidParameter('IMAGE_STORE.ZONE', message('error.imageStore.noZone', {}));
  const zone = await requireZone(db, input.zoneid, 'zoneid');
  const name = input.name === undefined ? parsed.url : checkName(input.name, 'Image store name');
  await urlInUse(db, parsed.url);
  const { total, used } = await storeSize(services, parsed);

  const uuid = crypto.randomUUID();
  const row = await db.transaction().execute(async (trx) => {
    await lockZone(trx, services.store.dialect, zone);
    await urlInUse(trx, parsed.url);
    return trx
      .insertInto('image_stores')
      .values({
        uuid,
        name,
        zone_id: zone.id,
        provider: local ? 'Filesystem' : 'NFS',
        protocol: local ? 'file' : 'nfs',
        url: parsed.url,
        scope: 'ZONE',
        read_only: 0,
        total_bytes: total,
        used_bytes: used,
        created: nowIso(),
        removed: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  await services.events.record({
    type: 'IMAGE.STORE.ADD',
    message: message('event.imageStore.added', { name, url: parsed.url, zone: zone.name }),
    caller,
    resourceType: 'ImageStore',
    resourceId: uuid,
  });
  return imageStoreResponse(row, { uuid: zone.uuid, name: zone.name });
}

async function lockZone(trx: Db, dialect: string, zone: ZoneRow): Promise<void> {
  if (dialect === 'postgres') {
    await trx.selectFrom('zones').select('id').where('id', '=', zone.id).forUpdate().execute();
  }
}

export async function deleteImageStore(services: CoreServices, caller: Caller, id: string): Promise<void> {
  const store = await requireImageStore(services.store.db, id);
  // CloudStack refuses while templates or ISOs live on the store (snapshots: with the volumes issue).
  const image = await services.store.db
    .selectFrom('template_zones')
    .select('id')
    .where('image_store_id', '=', store.id)
    .limit(1)
    .executeTakeFirst();
  if (image)
    throw invalidParameter('IMAGE_STORE.IN_USE', message('error.imageStore.hasTemplates', { name: store.name }));
  const r = await services.store.db
    .updateTable('image_stores')
    .set({ removed: nowIso() })
    .where('id', '=', store.id)
    .where('removed', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    throw new DomainError(
      'not-found',
      'IMAGE_STORE.NOT_FOUND',
      message('error.notFound', { resource: 'image store', id }),
    );
  await services.events.record({
    type: 'IMAGE.STORE.DELETE',
    message: message('event.imageStore.deleted', { name: store.name }),
    caller,
    resourceType: 'ImageStore',
    resourceId: store.uuid,
  });
}

export async function listImageStores(
  services: CoreServices,
  input: ListImageStoresInput,
): Promise<{ items: ImageStore[]; count: number }> {
  const { db } = services.store;
  const zone = input.zoneid ? await requireZone(db, input.zoneid, 'zoneid') : undefined;
  const pattern = keywordPattern(input.keyword);
  const filtered = () => {
    let q = db.selectFrom('image_stores').where('removed', 'is', null);
    if (input.id) q = q.where('uuid', '=', input.id);
    if (input.name) q = q.where(equalsIgnoreCase('name', input.name));
    if (zone) q = q.where('zone_id', '=', zone.id);
    if (input.provider) q = q.where(equalsIgnoreCase('provider', input.provider));
    if (input.protocol) q = q.where(equalsIgnoreCase('protocol', input.protocol));
    if (pattern) q = q.where(ilike('name', pattern));
    return q;
  };
  const order = listOrder(input, IMAGE_STORE_SORT_COLUMNS, BY_ID);
  const { ids, count } = await pageOfIds(services.store.db, filtered, pageWindow(input, services.config), order);
  const rows = ids.length === 0 ? [] : await db.selectFrom('image_stores').selectAll().where('id', 'in', ids).execute();
  return { items: await responses(services, inPageOrder(rows, ids)), count };
}

/**
 * Re-reads the size and use of image stores on local directories (cheap: one statfs each). NFS
 * stores keep their simulated figures. Returns how many stores changed.
 */
export async function refreshLocalImageStores(services: Pick<CoreServices, 'store'>): Promise<number> {
  const { db } = services.store;
  const rows = await db
    .selectFrom('image_stores')
    .select(['id', 'url', 'total_bytes', 'used_bytes'])
    .where('removed', 'is', null)
    .where('protocol', '=', 'file')
    .execute();
  let changed = 0;
  for (const row of rows) {
    let usage;
    try {
      usage = await probeLocalPath(parseStorageUrl(row.url).path);
    } catch {
      continue;
    }
    if (usage.totalBytes === Number(row.total_bytes) && usage.usedBytes === Number(row.used_bytes)) continue;
    await db
      .updateTable('image_stores')
      .set({ total_bytes: usage.totalBytes, used_bytes: usage.usedBytes })
      .where('id', '=', row.id)
      .execute();
    changed++;
  }
  return changed;
}

/** Secondary storage as command handlers use it (addImageStore, deleteImageStore, listImageStores). */
export class ImageStoreService {
  constructor(private readonly deps: CoreServices) {}

  add(caller: Caller, input: AddImageStoreInput): Promise<ImageStore> {
    return addImageStore(this.deps, caller, input);
  }

  delete(caller: Caller, id: string): Promise<void> {
    return deleteImageStore(this.deps, caller, id);
  }

  list(input: ListImageStoresInput): Promise<{ items: ImageStore[]; count: number }> {
    return listImageStores(this.deps, input);
  }
}
