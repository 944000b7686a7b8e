/** Compute (service) and disk offerings: the values CloudStack takes and reports for them. */

/** Where an offering's volumes live (CloudStack's ServiceOffering.StorageType). */
export const STORAGE_TYPES = ['shared', 'local'] as const;
export type StorageType = (typeof STORAGE_TYPES)[number];

/** How volumes are provisioned (CloudStack's Storage.ProvisioningType). */
export const PROVISIONING_TYPES = ['thin', 'sparse', 'fat'] as const;
export type ProvisioningType = (typeof PROVISIONING_TYPES)[number];

/** The disk cache mode a volume is attached with (CloudStack's DiskOffering.DiskCacheMode). */
export const CACHE_MODES = ['none', 'writeback', 'writethrough'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/**
 * The system VMs a system offering sizes, as CloudStack stores them (VirtualMachine.Type in lower
 * case). A system offering without a type is a virtual router's.
 */
export const SYSTEM_VM_TYPES = [
  'domainrouter',
  'consoleproxy',
  'secondarystoragevm',
  'internalloadbalancervm',
] as const;
export type SystemVmType = (typeof SYSTEM_VM_TYPES)[number];

/** An offering is Active until it is deleted (CloudStack's ServiceOffering.State, DiskOffering.State). */
export const OFFERING_STATES = ['Active', 'Inactive'] as const;
export type OfferingState = (typeof OFFERING_STATES)[number];

/** listServiceOfferings / listDiskOfferings `state`: a state, or every state. */
export const OFFERING_STATE_FILTERS = [...OFFERING_STATES, 'all'] as const;

/** The smallest memory, in MiB, CloudStack lets a compute offering have. */
export const MIN_OFFERING_MEMORY_MIB = 32;

/** The largest value of CloudStack's integer offering fields (Java's Integer.MAX_VALUE). */
export const MAX_OFFERING_INTEGER = 2_147_483_647;

/** `domainid` of updateServiceOffering / updateDiskOffering that makes an offering public. */
export const PUBLIC_DOMAINS = 'public';
/** `zoneid` of the update commands that offers an offering in every zone. */
export const ALL_ZONES = 'all';

/**
 * The disk I/O limits an offering may set (CloudStack's bytes/IOPS read/write rates, their burst
 * maximum and the burst's length in seconds): the parameter, the response field and the column.
 */
export const DISK_RATES = [
  { param: 'bytesreadrate', field: 'diskBytesReadRate', column: 'bytes_read_rate' },
  { param: 'bytesreadratemax', field: 'diskBytesReadRateMax', column: 'bytes_read_rate_max' },
  { param: 'bytesreadratemaxlength', field: 'diskBytesReadRateMaxLength', column: 'bytes_read_rate_max_length' },
  { param: 'byteswriterate', field: 'diskBytesWriteRate', column: 'bytes_write_rate' },
  { param: 'byteswriteratemax', field: 'diskBytesWriteRateMax', column: 'bytes_write_rate_max' },
  { param: 'byteswriteratemaxlength', field: 'diskBytesWriteRateMaxLength', column: 'bytes_write_rate_max_length' },
  { param: 'iopsreadrate', field: 'diskIopsReadRate', column: 'iops_read_rate' },
  { param: 'iopsreadratemax', field: 'diskIopsReadRateMax', column: 'iops_read_rate_max' },
  { param: 'iopsreadratemaxlength', field: 'diskIopsReadRateMaxLength', column: 'iops_read_rate_max_length' },
  { param: 'iopswriterate', field: 'diskIopsWriteRate', column: 'iops_write_rate' },
  { param: 'iopswriteratemax', field: 'diskIopsWriteRateMax', column: 'iops_write_rate_max' },
  { param: 'iopswriteratemaxlength', field: 'diskIopsWriteRateMaxLength', column: 'iops_write_rate_max_length' },
] as const;

/** A rate and its burst maximum, which may not be lower (CloudStack's validateMaxRateEqualsOrGreater). */
export const RATE_PAIRS = [
  { rate: 'bytesreadrate', max: 'bytesreadratemax' },
  { rate: 'byteswriterate', max: 'byteswriteratemax' },
  { rate: 'iopsreadrate', max: 'iopsreadratemax' },
  { rate: 'iopswriterate', max: 'iopswriteratemax' },
] as const;

/** CloudStack's cleanupTags: a comma-separated list with each tag trimmed, empty ones dropped. */
export function cleanTags(tags: string | undefined): string | null {
  if (tags === undefined) return null;
  const list = tags
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  return list.length === 0 ? null : list.join(',');
}

/** A value of a closed set, matched ignoring case; undefined when it is not one of them. */
export function oneOfIgnoringCase<const T extends readonly string[]>(values: T, text: string): T[number] | undefined {
  const wanted = text.trim().toLowerCase();
  return values.find((v) => v.toLowerCase() === wanted);
}
