import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import {
  CACHE_MODES,
  DISK_RATES,
  PROVISIONING_TYPES,
  RATE_PAIRS,
  STORAGE_TYPES,
  oneOfIgnoringCase,
  type CacheMode,
  type ProvisioningType,
  type StorageType,
} from '../../domain/offerings';
import type { OfferingCreationInput } from '../../api/schemas/offerings';
import type { DiskRateColumns } from '../../db/schema';

/**
 * What both create commands check the same way, with CloudStack's 431 texts: storage and
 * provisioning types, cache mode, IOPS bounds and the disk I/O limits.
 */

const bad = (code: string, m: ReturnType<typeof message>) => invalidParameter(`OFFERING.${code}`, m);

/** `storagetype`: shared unless local is asked for. */
export function storageTypeOf(text: string | undefined): StorageType {
  if (text === undefined) return 'shared';
  const type = oneOfIgnoringCase(STORAGE_TYPES, text);
  if (!type) throw bad('STORAGE_TYPE', message('error.offering.badStorageType', { value: text }));
  return type;
}

/** `provisioningtype`: thin unless another is asked for. */
export function provisioningTypeOf(text: string | undefined): ProvisioningType {
  if (text === undefined) return 'thin';
  const type = oneOfIgnoringCase(PROVISIONING_TYPES, text);
  if (!type) throw bad('PROVISIONING_TYPE', message('error.offering.badProvisioningType', { value: text }));
  return type;
}

/** `cachemode`: none of them (the hypervisor's default) unless one is asked for. */
export function cacheModeOf(text: string | undefined): CacheMode | null {
  if (text === undefined) return null;
  const mode = oneOfIgnoringCase(CACHE_MODES, text);
  if (!mode) throw bad('CACHE_MODE', message('error.offering.badCacheMode', { value: text }));
  return mode;
}

/** The display text: the name when none (or an empty one) is given, as CloudStack does. */
export const displayTextOf = (input: Pick<OfferingCreationInput, 'displaytext' | 'name'>) =>
  input.displaytext === undefined || input.displaytext === '' ? input.name : input.displaytext;

export interface IopsColumns {
  customized_iops: number | null;
  min_iops: number | null;
  max_iops: number | null;
}

/**
 * CloudStack's IOPS bounds: kept only when customizediops is false; then none given is 0 and 0,
 * a minimum must be positive, a missing maximum is 0, and the minimum may not exceed the maximum.
 */
export function iopsOf(input: Pick<OfferingCreationInput, 'customizediops' | 'miniops' | 'maxiops'>): IopsColumns {
  const customized = input.customizediops === undefined ? null : input.customizediops ? 1 : 0;
  if (input.customizediops !== false) return { customized_iops: customized, min_iops: null, max_iops: null };
  if (input.miniops === undefined && input.maxiops === undefined)
    return { customized_iops: 0, min_iops: 0, max_iops: 0 };
  if (input.miniops === undefined || input.miniops <= 0)
    throw bad('IOPS', message('error.offering.minIopsNotPositive', {}));
  const max = input.maxiops ?? 0;
  if (input.miniops > max) throw bad('IOPS', message('error.offering.minIopsAboveMax', {}));
  return { customized_iops: 0, min_iops: input.miniops, max_iops: max };
}

/**
 * The disk I/O limits: a burst maximum may not be below its rate; a limit of 0 is no limit (not
 * stored), as in CloudStack.
 */
export function diskRatesOf(input: OfferingCreationInput): DiskRateColumns {
  for (const pair of RATE_PAIRS) {
    const rate = input[pair.rate];
    const max = input[pair.max];
    if (rate !== undefined && max !== undefined && max < rate) {
      throw bad(
        'RATE',
        message('error.offering.rateAboveMax', { param: pair.rate, value: rate, maxParam: pair.max, max }),
      );
    }
  }
  const columns = {} as Record<keyof DiskRateColumns, number | null>;
  for (const r of DISK_RATES) {
    const value = input[r.param];
    columns[r.column] = value !== undefined && value > 0 ? value : null;
  }
  return columns;
}

/** The response fields of the disk I/O limits (diskBytesReadRate ...), absent when unlimited. */
export function diskRateFields(row: DiskRateColumns) {
  const fields = {} as Record<(typeof DISK_RATES)[number]['field'], number | undefined>;
  for (const r of DISK_RATES) fields[r.field] = row[r.column] ?? undefined;
  return fields;
}
