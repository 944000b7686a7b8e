import crypto from 'node:crypto';
import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { cleanTags, type CacheMode, type ProvisioningType, type StorageType } from '../../domain/offerings';
import { nowIso, toCloudStackDate } from '../../domain/time';
import { inPageOrder, pageOfIds } from '../../db/list-page';
import type { DiskOfferingRow } from '../../db/schema';
import { compact } from '../../api/schemas/fields';
import type {
  CreateDiskOfferingInput,
  DiskOffering,
  ListDiskOfferingsInput,
  UpdateDiskOfferingInput,
} from '../../api/schemas/offerings';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { checkCreate } from './access';
import { deleteOffering, recordOfferingEvent, updateOffering } from './changes';
import { BY_SORT_KEY, offeringFilter, visibilityOf, type OfferingEb } from './lists';
import {
  cacheModeOf,
  diskRateFields,
  diskRatesOf,
  displayTextOf,
  iopsOf,
  provisioningTypeOf,
  storageTypeOf,
} from './rules';
import {
  resolveDomains,
  resolveZones,
  scopeFields,
  scopeOf,
  scopesOf,
  withoutSubdomains,
  writeScope,
  type OfferingScope,
} from './scope';

const GiB = 1024 ** 3;

const bad = (code: string, m: ReturnType<typeof message>) => invalidParameter(`DISK_OFFERING.${code}`, m);

/**
 * The size of a disk offering in bytes, as CloudStack checks it: a customized offering has none
 * (the volume gives it, within custom.diskoffering.size.min and .max), any other one a size of at
 * least 1 GiB and at most storage.max.volume.size.
 */
function sizeOf(
  input: CreateDiskOfferingInput,
  services: CoreServices,
): { disk_size_bytes: number; customized: number } {
  const customized = input.customized === true;
  if (customized) {
    if (input.disksize !== undefined) throw bad('SIZE', message('error.diskOffering.sizeWithCustomized', {}));
    return { disk_size_bytes: 0, customized: 1 };
  }
  if (input.disksize === undefined) throw bad('SIZE', message('error.diskOffering.sizeRequired', {}));
  if (input.disksize <= 0) throw bad('SIZE', message('error.diskOffering.sizeTooSmall', {}));
  const max = services.config.get<number>('storage.max.volume.size');
  if (input.disksize > max) throw bad('SIZE', message('error.diskOffering.sizeTooLarge', { max }));
  return { disk_size_bytes: input.disksize * GiB, customized: 0 };
}

/** CloudStack's DiskOfferingResponse of a row and where it is offered. */
export function diskOfferingResponse(row: DiskOfferingRow, scope: OfferingScope): DiskOffering {
  return compact({
    id: row.uuid,
    ...scopeFields(scope),
    name: row.name,
    displaytext: row.display_text ?? row.name,
    disksize: Math.round(row.disk_size_bytes / GiB),
    created: toCloudStackDate(row.created),
    iscustomized: row.customized === 1,
    iscustomizediops: row.customized_iops === null ? undefined : row.customized_iops === 1,
    miniops: row.min_iops,
    maxiops: row.max_iops,
    tags: row.tags,
    storagetype: row.storage_type as StorageType,
    provisioningtype: row.provisioning_type as ProvisioningType,
    ...diskRateFields(row),
    cacheMode: row.cache_mode as CacheMode | null,
    displayoffering: row.display_offering === 1,
    state: row.state as DiskOffering['state'],
  });
}

/** Disk offerings: createDiskOffering, updateDiskOffering, deleteDiskOffering, listDiskOfferings. */
export class DiskOfferingService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  async create(caller: Caller, input: CreateDiskOfferingInput): Promise<DiskOffering> {
    const domains = withoutSubdomains(await resolveDomains(this.db, input.domainid ?? []));
    const zones = await resolveZones(this.db, input.zoneid ?? []);
    const size = sizeOf(input, this.services);
    const values = {
      uuid: crypto.randomUUID(),
      name: input.name,
      unique_name: null,
      display_text: displayTextOf(input),
      ...size,
      cache_mode: cacheModeOf(input.cachemode),
      storage_type: storageTypeOf(input.storagetype),
      provisioning_type: provisioningTypeOf(input.provisioningtype),
      ...iopsOf(input),
      ...diskRatesOf(input),
      tags: cleanTags(input.tags),
      display_offering: input.displayoffering === false ? 0 : 1,
      sort_key: 0,
      state: 'Active',
      created: nowIso(),
      removed: null,
    };
    checkCreate(caller, { resource: 'disk offering', name: input.name }, domains, {
      tagged: values.tags !== null,
      system: false,
    });
    const scope = { domains, zones };
    const row = await this.db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('disk_offerings').values(values).returningAll().executeTakeFirstOrThrow();
      await writeScope(trx, 'disk', inserted.id, scope);
      return inserted;
    });
    await recordOfferingEvent(this.services, caller, 'disk', 'create', row);
    return diskOfferingResponse(row, scope);
  }

  async update(caller: Caller, input: UpdateDiskOfferingInput): Promise<DiskOffering> {
    const id = await updateOffering(this.services, caller, 'disk', input);
    return this.response(id);
  }

  delete(caller: Caller, id: string): Promise<void> {
    return deleteOffering(this.services, caller, 'disk', id);
  }

  /**
   * CloudStack's listDiskOfferings in sort-key order. Offerings not to be displayed to end users
   * (displayoffering=false) are left out for users.
   */
  async list(caller: Caller, input: ListDiskOfferingsInput): Promise<{ items: DiskOffering[]; count: number }> {
    const visibility = await visibilityOf(this.db, caller, input);
    const common = offeringFilter('disk', input, visibility);
    const filtered = () =>
      this.db.selectFrom('disk_offerings').where((eb) => {
        const conditions = [common(eb as unknown as OfferingEb)];
        if (caller.roleType === 'User') conditions.push(eb('display_offering', '=', 1));
        return eb.and(conditions);
      });
    const { ids, count } = await pageOfIds(this.db, filtered, pageWindow(input, this.services.config), BY_SORT_KEY);
    if (ids.length === 0) return { items: [], count };
    const rows = await this.db.selectFrom('disk_offerings').selectAll().where('id', 'in', ids).execute();
    const scopes = await scopesOf(this.db, 'disk', ids);
    const items = inPageOrder(rows, ids).map((r) =>
      diskOfferingResponse(r, scopes.get(r.id) ?? { domains: [], zones: [] }),
    );
    return { items, count };
  }

  private async response(id: number): Promise<DiskOffering> {
    const row = await this.db.selectFrom('disk_offerings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return diskOfferingResponse(row, await scopeOf(this.db, 'disk', id));
  }
}
