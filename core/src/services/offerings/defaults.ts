import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SystemVmType } from '../../domain/offerings';
import { nowIso } from '../../domain/time';
import type { Store } from '../../db/connect';
import type { Database, DiskRateColumns } from '../../db/schema';
import { withClusterLock } from '../cluster-identity';
import { insertNetworkOfferings, missingNetworkOfferings } from './network-defaults';

/**
 * The offerings CloudStack has from its first start, under CloudStack's unique names: the compute
 * and disk offerings ConfigurationServerImpl creates (and its network offerings, network-defaults.ts), and the system offerings the system VM
 * managers create (each in a shared and a local storage version, as
 * ServiceOfferingDao.createSystemServiceOfferings makes them).
 */

const GiB = 1024 ** 3;

interface DefaultCompute {
  uniqueName: string;
  name: string;
  displayText: string | null;
  cpu: number;
  speed: number;
  memory: number;
  offerHa: boolean;
  local?: boolean;
  networkRate?: number;
  system?: SystemVmType;
}

interface DefaultDisk {
  uniqueName: string;
  name: string;
  displayText: string;
  sizeGiB: number;
  customized: boolean;
}

/** A system VM type's two offerings: on shared storage, and " - Local Storage" ("-Local"). */
function systemOfferings(
  system: SystemVmType,
  uniqueName: string,
  name: string,
  size: { memory: number; speed: number; offerHa: boolean; networkRate?: number },
): DefaultCompute[] {
  const offering = { ...size, displayText: null, cpu: 1, system };
  return [
    { ...offering, uniqueName, name },
    { ...offering, uniqueName: `${uniqueName}-Local`, name: `${name} - Local Storage`, local: true },
  ];
}

export const DEFAULT_SERVICE_OFFERINGS: readonly DefaultCompute[] = [
  {
    uniqueName: 'Cloud.Com-Small Instance',
    name: 'Small Instance',
    displayText: 'Small Instance',
    cpu: 1,
    speed: 500,
    memory: 512,
    offerHa: false,
  },
  {
    uniqueName: 'Cloud.Com-Medium Instance',
    name: 'Medium Instance',
    displayText: 'Medium Instance',
    cpu: 1,
    speed: 1000,
    memory: 1024,
    offerHa: false,
  },
  ...systemOfferings('consoleproxy', 'Cloud.com-ConsoleProxy', 'System Offering For Console Proxy', {
    memory: 1024,
    speed: 500,
    offerHa: false,
    networkRate: 0,
  }),
  ...systemOfferings('secondarystoragevm', 'Cloud.com-SecondaryStorage', 'System Offering For Secondary Storage VM', {
    memory: 512,
    speed: 500,
    offerHa: false,
  }),
  ...systemOfferings('domainrouter', 'Cloud.Com-SoftwareRouter', 'System Offering For Software Router', {
    memory: 256,
    speed: 500,
    offerHa: true,
  }),
  ...systemOfferings('internalloadbalancervm', 'Cloud.Com-InternalLBVm', 'System Offering For Internal LB VM', {
    memory: 256,
    speed: 256,
    offerHa: true,
  }),
];

export const DEFAULT_DISK_OFFERINGS: readonly DefaultDisk[] = [
  { uniqueName: 'Cloud.Com-Small', name: 'Small', displayText: 'Small Disk, 5 GB', sizeGiB: 5, customized: false },
  { uniqueName: 'Cloud.Com-Medium', name: 'Medium', displayText: 'Medium Disk, 20 GB', sizeGiB: 20, customized: false },
  { uniqueName: 'Cloud.Com-Large', name: 'Large', displayText: 'Large Disk, 100 GB', sizeGiB: 100, customized: false },
  { uniqueName: 'Cloud.Com-Custom', name: 'Custom', displayText: 'Custom Disk', sizeGiB: 0, customized: true },
];

const NO_RATES: DiskRateColumns = {
  bytes_read_rate: null,
  bytes_read_rate_max: null,
  bytes_read_rate_max_length: null,
  bytes_write_rate: null,
  bytes_write_rate_max: null,
  bytes_write_rate_max_length: null,
  iops_read_rate: null,
  iops_read_rate_max: null,
  iops_read_rate_max_length: null,
  iops_write_rate: null,
  iops_write_rate_max: null,
  iops_write_rate_max_length: null,
};

/** What every default offering has: thin, no cache mode, no IOPS bounds, no limits, Active. */
const common = (now: string) => ({
  provisioning_type: 'thin',
  cache_mode: null,
  customized_iops: null,
  min_iops: null,
  max_iops: null,
  ...NO_RATES,
  sort_key: 0,
  state: 'Active',
  created: now,
  removed: null,
});

function serviceOfferingValues(o: DefaultCompute, now: string) {
  return {
    ...common(now),
    uuid: crypto.randomUUID(),
    name: o.name,
    unique_name: o.uniqueName,
    display_text: o.displayText,
    storage_type: o.local ? 'local' : 'shared',
    cpu_number: o.cpu,
    cpu_speed: o.speed,
    memory: o.memory,
    customized: 0,
    min_cpu_number: null,
    max_cpu_number: null,
    min_memory: null,
    max_memory: null,
    offer_ha: o.offerHa ? 1 : 0,
    limit_cpu_use: 0,
    is_volatile: 0,
    dynamic_scaling_enabled: 1,
    network_rate: o.networkRate ?? null,
    host_tags: null,
    storage_tags: null,
    is_system: o.system ? 1 : 0,
    system_vm_type: o.system ?? null,
    default_use: o.system ? 1 : 0,
  };
}

function diskOfferingValues(o: DefaultDisk, now: string) {
  return {
    ...common(now),
    uuid: crypto.randomUUID(),
    name: o.name,
    unique_name: o.uniqueName,
    display_text: o.displayText,
    storage_type: 'shared',
    disk_size_bytes: o.sizeGiB * GiB,
    customized: o.customized ? 1 : 0,
    tags: null,
    display_offering: 1,
  };
}

type Db = Kysely<Database>;

/** The unique names the database already has, deleted offerings included (they are not made again). */
async function presentNames(db: Db): Promise<Set<string>> {
  const [service, disk] = await Promise.all([
    db.selectFrom('service_offerings').select('unique_name').where('unique_name', 'is not', null).execute(),
    db.selectFrom('disk_offerings').select('unique_name').where('unique_name', 'is not', null).execute(),
  ]);
  return new Set([...service, ...disk].map((r) => r.unique_name as string));
}

const missing = <T extends { uniqueName: string }>(list: readonly T[], present: Set<string>) =>
  list.filter((o) => !present.has(o.uniqueName));

/**
 * Creates the default offerings the database lacks, on every start: once on a new database, and
 * those a later version adds on an older one. Under the cluster's set-up lock, so servers
 * starting together create each once; an offering an admin deleted stays deleted (its row, and
 * so its unique name, remains). Returns how many offerings were created.
 */
export async function ensureDefaultOfferings(store: Store): Promise<number> {
  const present = await presentNames(store.db);
  const lacking =
    missing(DEFAULT_SERVICE_OFFERINGS, present).length +
    missing(DEFAULT_DISK_OFFERINGS, present).length +
    (await missingNetworkOfferings(store.db)).length;
  if (lacking === 0) return 0;
  return withClusterLock(store, async (db) => {
    const now = nowIso();
    const current = await presentNames(db);
    const services = missing(DEFAULT_SERVICE_OFFERINGS, current).map((o) => serviceOfferingValues(o, now));
    const disks = missing(DEFAULT_DISK_OFFERINGS, current).map((o) => diskOfferingValues(o, now));
    if (services.length > 0) await db.insertInto('service_offerings').values(services).execute();
    if (disks.length > 0) await db.insertInto('disk_offerings').values(disks).execute();
    const networks = await insertNetworkOfferings(db, await missingNetworkOfferings(db), now);
    return services.length + disks.length + networks;
  });
}
