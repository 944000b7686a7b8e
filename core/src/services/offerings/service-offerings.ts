import crypto from 'node:crypto';
import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import {
  cleanTags,
  MAX_OFFERING_INTEGER,
  MIN_OFFERING_MEMORY_MIB,
  SYSTEM_VM_TYPES,
  type CacheMode,
  type ProvisioningType,
  type StorageType,
  type SystemVmType,
} from '../../domain/offerings';
import { nowIso, toCloudStackDate } from '../../domain/time';
import { inPageOrder, pageOfIds } from '../../db/list-page';
import type { ServiceOfferingRow } from '../../db/schema';
import type { ServiceOfferingTable } from '../../db/schema-offerings';
import { compact } from '../../api/schemas/fields';
import type {
  CreateServiceOfferingInput,
  ListServiceOfferingsInput,
  ServiceOffering,
  UpdateServiceOfferingInput,
} from '../../api/schemas/offerings';
import { isRootAdmin, type Caller } from '../caller';
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

const bad = (code: string, m: ReturnType<typeof message>) => invalidParameter(`SERVICE_OFFERING.${code}`, m);

/** The size columns of a compute offering. */
type SizeColumns = Pick<
  ServiceOfferingTable,
  | 'cpu_number'
  | 'cpu_speed'
  | 'memory'
  | 'customized'
  | 'min_cpu_number'
  | 'max_cpu_number'
  | 'min_memory'
  | 'max_memory'
>;

/** A customized offering: no CPU number nor memory; its bounds and CPU speed all given, or none. */
function customizedSize(input: CreateServiceOfferingInput): SizeColumns {
  const { name, mincpunumber: minCpu, maxcpunumber: maxCpu, minmemory: minMem, maxmemory: maxMem } = input;
  if (input.cpunumber !== undefined || input.memory !== undefined) {
    throw bad('CUSTOM_WITH_SIZE', message('error.serviceOffering.customWithSize', {}));
  }
  const bounds = [minCpu, maxCpu, minMem, maxMem, input.cpuspeed];
  const unbounded = { cpu_number: null, memory: null, customized: 1 };
  if (bounds.every((b) => b === undefined)) {
    return {
      ...unbounded,
      cpu_speed: null,
      min_cpu_number: null,
      max_cpu_number: null,
      min_memory: null,
      max_memory: null,
    };
  }
  if (
    minCpu === undefined ||
    maxCpu === undefined ||
    minMem === undefined ||
    maxMem === undefined ||
    input.cpuspeed === undefined
  ) {
    throw bad('CUSTOM_BOUNDS', message('error.serviceOffering.customBoundsPartial', {}));
  }
  if (input.cpuspeed < 0)
    throw bad('CPU_SPEED', message('error.serviceOffering.badCpuSpeed', { name, max: MAX_OFFERING_INTEGER }));
  if (minCpu < 1 || maxCpu < 1) {
    throw bad('CPU_NUMBER', message('error.serviceOffering.badCpuBounds', { name, max: MAX_OFFERING_INTEGER }));
  }
  if (minMem < MIN_OFFERING_MEMORY_MIB || maxMem < MIN_OFFERING_MEMORY_MIB) {
    throw bad(
      'MEMORY',
      message('error.serviceOffering.badMemory', { name, min: MIN_OFFERING_MEMORY_MIB, max: MAX_OFFERING_INTEGER }),
    );
  }
  if (minCpu > maxCpu)
    throw bad('CPU_BOUNDS', message('error.serviceOffering.cpuBoundsReversed', { name, min: minCpu, max: maxCpu }));
  if (minMem > maxMem) {
    throw bad(
      'MEMORY_BOUNDS',
      message('error.serviceOffering.memoryBoundsReversed', { name, min: minMem, max: maxMem }),
    );
  }
  return {
    ...unbounded,
    cpu_speed: input.cpuspeed,
    min_cpu_number: minCpu,
    max_cpu_number: maxCpu,
    min_memory: minMem,
    max_memory: maxMem,
  };
}

/**
 * The size of a compute offering, as CloudStack checks it: customized when asked for, or when
 * the CPU number or memory is missing; a fixed offering has a CPU number (at most
 * vm.serviceoffering.cpu.cores.max), a CPU speed and at least 32 MiB of memory (at most
 * vm.serviceoffering.ram.size.max); 0 in either setting is no limit.
 */
function sizeOf(input: CreateServiceOfferingInput, services: CoreServices): SizeColumns {
  const customized = input.customized ?? (input.cpunumber === undefined || input.memory === undefined);
  if (customized) return customizedSize(input);
  const { name, cpunumber, memory, cpuspeed } = input;
  if (cpunumber === undefined || memory === undefined) {
    throw bad('FIXED_WITHOUT_SIZE', message('error.serviceOffering.fixedWithoutSize', { name }));
  }
  const limit = (setting: string) => services.config.get<number>(setting) || MAX_OFFERING_INTEGER;
  const maxCores = limit('vm.serviceoffering.cpu.cores.max');
  const maxMemory = limit('vm.serviceoffering.ram.size.max');
  if (cpunumber < 1 || cpunumber > maxCores) {
    throw bad('CPU_NUMBER', message('error.serviceOffering.badCpuNumber', { name, max: maxCores }));
  }
  if (cpuspeed === undefined || cpuspeed < 0) {
    throw bad('CPU_SPEED', message('error.serviceOffering.badCpuSpeed', { name, max: MAX_OFFERING_INTEGER }));
  }
  if (memory < MIN_OFFERING_MEMORY_MIB || memory > maxMemory) {
    throw bad(
      'MEMORY',
      message('error.serviceOffering.badMemory', { name, min: MIN_OFFERING_MEMORY_MIB, max: maxMemory }),
    );
  }
  const none = { min_cpu_number: null, max_cpu_number: null, min_memory: null, max_memory: null };
  return { cpu_number: cpunumber, cpu_speed: cpuspeed, memory, customized: 0, ...none };
}

/**
 * A system offering sizes a system VM type (a virtual router's when none is given) and takes no
 * customized IOPS; a network rate applies to guest VMs and virtual routers only.
 */
function systemOf(input: CreateServiceOfferingInput): { is_system: number; system_vm_type: SystemVmType | null } {
  if (!input.issystem) {
    if (input.networkrate !== undefined && input.networkrate < 0) {
      throw bad('NETWORK_RATE', message('error.serviceOffering.negativeNetworkRate', { name: input.name }));
    }
    return { is_system: 0, system_vm_type: null };
  }
  const type =
    input.systemvmtype === undefined ? 'domainrouter' : SYSTEM_VM_TYPES.find((t) => t === input.systemvmtype);
  if (!type)
    throw bad(
      'SYSTEM_VM_TYPE',
      message('error.serviceOffering.badSystemVmType', { value: String(input.systemvmtype) }),
    );
  if (input.customizediops !== undefined) throw bad('IOPS', message('error.serviceOffering.systemCustomizedIops', {}));
  if (input.networkrate !== undefined) {
    if (type !== 'domainrouter') throw bad('NETWORK_RATE', message('error.serviceOffering.networkRateNotAllowed', {}));
    if (input.networkrate < 0) {
      throw bad('NETWORK_RATE', message('error.serviceOffering.negativeNetworkRate', { name: input.name }));
    }
  }
  return { is_system: 1, system_vm_type: type };
}

/** CloudStack's ServiceOfferingResponse of a row and where it is offered. */
export function serviceOfferingResponse(row: ServiceOfferingRow, scope: OfferingScope): ServiceOffering {
  const bounded = row.customized === 1 && row.min_cpu_number !== null;
  return compact({
    id: row.uuid,
    name: row.name,
    displaytext: row.display_text,
    cpunumber: row.cpu_number,
    cpuspeed: row.cpu_speed,
    memory: row.memory,
    created: toCloudStackDate(row.created),
    storagetype: row.storage_type as StorageType,
    provisioningtype: row.provisioning_type as ProvisioningType,
    offerha: row.offer_ha === 1,
    limitcpuuse: row.limit_cpu_use === 1,
    isvolatile: row.is_volatile === 1,
    storagetags: row.storage_tags,
    ...scopeFields(scope),
    hosttags: row.host_tags,
    issystem: row.is_system === 1,
    defaultuse: row.default_use === 1,
    systemvmtype: row.system_vm_type as SystemVmType | null,
    networkrate: row.network_rate,
    iscustomizediops: row.customized_iops === null ? undefined : row.customized_iops === 1,
    miniops: row.min_iops,
    maxiops: row.max_iops,
    ...diskRateFields(row),
    serviceofferingdetails: bounded
      ? {
          mincpunumber: String(row.min_cpu_number),
          maxcpunumber: String(row.max_cpu_number),
          minmemory: String(row.min_memory),
          maxmemory: String(row.max_memory),
        }
      : undefined,
    iscustomized: row.customized === 1,
    cacheMode: row.cache_mode as CacheMode | null,
    dynamicscalingenabled: row.dynamic_scaling_enabled === 1,
    state: row.state as ServiceOffering['state'],
  });
}

/** Compute (service) offerings: createServiceOffering, updateServiceOffering, deleteServiceOffering, listServiceOfferings. */
export class ServiceOfferingService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  async create(caller: Caller, input: CreateServiceOfferingInput): Promise<ServiceOffering> {
    const size = sizeOf(input, this.services);
    const domains = withoutSubdomains(await resolveDomains(this.db, input.domainid ?? []));
    const zones = await resolveZones(this.db, input.zoneid ?? []);
    const cacheMode = cacheModeOf(input.cachemode);
    const storageType = storageTypeOf(input.storagetype);
    if (storageType === 'local' && input.offerha) throw bad('LOCAL_HA', message('error.serviceOffering.localHa', {}));
    const system = systemOf(input);
    const values = {
      uuid: crypto.randomUUID(),
      name: input.name,
      unique_name: null,
      display_text: displayTextOf(input),
      ...size,
      storage_type: storageType,
      provisioning_type: provisioningTypeOf(input.provisioningtype),
      cache_mode: cacheMode,
      ...iopsOf(input),
      ...diskRatesOf(input),
      offer_ha: input.offerha ? 1 : 0,
      limit_cpu_use: input.limitcpuuse ? 1 : 0,
      is_volatile: input.isvolatile ? 1 : 0,
      dynamic_scaling_enabled: input.dynamicscalingenabled === false ? 0 : 1,
      network_rate: input.networkrate ?? null,
      host_tags: cleanTags(input.hosttags),
      storage_tags: cleanTags(input.tags),
      ...system,
      default_use: 0,
      sort_key: 0,
      state: 'Active',
      created: nowIso(),
      removed: null,
    };
    checkCreate(caller, { resource: 'service offering', name: input.name }, domains, {
      tagged: values.host_tags !== null || values.storage_tags !== null,
      system: system.is_system === 1,
    });
    const scope = { domains, zones };
    const row = await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('service_offerings')
        .values(values)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeScope(trx, 'service', inserted.id, scope);
      return inserted;
    });
    await recordOfferingEvent(this.services, caller, 'service', 'create', row);
    return serviceOfferingResponse(row, scope);
  }

  async update(caller: Caller, input: UpdateServiceOfferingInput): Promise<ServiceOffering> {
    const id = await updateOffering(this.services, caller, 'service', input);
    return this.response(id);
  }

  delete(caller: Caller, id: string): Promise<void> {
    return deleteOffering(this.services, caller, 'service', id);
  }

  /**
   * CloudStack's listServiceOfferings: guest VM offerings in sort-key order; system offerings
   * instead with issystem=true, to root admins only.
   */
  async list(caller: Caller, input: ListServiceOfferingsInput): Promise<{ items: ServiceOffering[]; count: number }> {
    if (input.issystem && !isRootAdmin(caller)) {
      throw invalidParameter('OFFERING.SYSTEM', message('error.offering.systemNotRoot', {}));
    }
    const visibility = await visibilityOf(this.db, caller, input);
    const common = offeringFilter('service', input, visibility);
    const filtered = () =>
      this.db.selectFrom('service_offerings').where((eb: OfferingEb) => {
        const conditions = [common(eb), eb('is_system', '=', input.issystem ? 1 : 0)];
        if (input.systemvmtype) conditions.push(eb('system_vm_type', '=', input.systemvmtype.toLowerCase()));
        return eb.and(conditions);
      });
    const { ids, count } = await pageOfIds(this.db, filtered, pageWindow(input, this.services.config), BY_SORT_KEY);
    if (ids.length === 0) return { items: [], count };
    const rows = await this.db.selectFrom('service_offerings').selectAll().where('id', 'in', ids).execute();
    const scopes = await scopesOf(this.db, 'service', ids);
    const items = inPageOrder(rows, ids).map((r) =>
      serviceOfferingResponse(r, scopes.get(r.id) ?? { domains: [], zones: [] }),
    );
    return { items, count };
  }

  private async response(id: number): Promise<ServiceOffering> {
    const row = await this.db
      .selectFrom('service_offerings')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return serviceOfferingResponse(row, await scopeOf(this.db, 'service', id));
  }
}
