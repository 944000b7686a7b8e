import type { Kysely } from 'kysely';
import { message } from '../../domain/messages';
import { invalidParameter, notFound } from '../../domain/errors';
import { DEFAULT_PROVIDERS } from '../../domain/infrastructure';
import { equalsIgnoreCase } from '../../db/query-helpers';
import type { Database, NetworkServiceProviderRow, VirtualRouterElementRow } from '../../db/schema';
import type {
  ConfigureVirtualRouterElementInput,
  ListNetworkServiceProvidersInput,
  ListVirtualRouterElementsInput,
  NetworkServiceProvider,
  UpdateNetworkServiceProviderInput,
  VirtualRouterElement,
} from '../../api/schemas/physical-networks';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { ELEMENT_TYPES, requireEverExisted } from './physical-networks';
import { INDIVIDUAL_SERVICE_PROVIDERS, providerResponse, virtualRouterElementResponse } from './zone-responses';

type Db = Kysely<Database>;

/**
 * The network service providers of physical networks (VirtualRouter, VpcVirtualRouter ...) and
 * the virtual router elements that make a router provider ready to be enabled.
 */
export class NetworkProviderService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  async requireProvider(uuid: string, db: Db = this.db): Promise<NetworkServiceProviderRow & { network_uuid: string }> {
    const row = await db
      .selectFrom('network_service_providers as p')
      .innerJoin('physical_networks as n', 'n.id', 'p.physical_network_id')
      .selectAll('p')
      .select('n.uuid as network_uuid')
      .where('p.uuid', '=', uuid)
      .where('p.removed', 'is', null)
      .where('n.removed', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('PROVIDER.NOT_FOUND', message('error.provider.notFound', { id: uuid }));
    return row;
  }

  /** Checks an updateNetworkServiceProvider; returns the services to store, if any change. */
  private async planUpdate(db: Db, input: UpdateNetworkServiceProviderInput) {
    const provider = await this.requireProvider(input.id, db);
    if (input.state === 'Shutdown') {
      throw invalidParameter('PROVIDER.SHUTDOWN', message('error.provider.shutdown', {}));
    }
    let services: string | undefined;
    if (input.servicelist !== undefined) {
      if (!INDIVIDUAL_SERVICE_PROVIDERS.has(provider.name)) {
        throw invalidParameter('PROVIDER.SERVICES', message('error.provider.fixedServices', { name: provider.name }));
      }
      const offered = DEFAULT_PROVIDERS[provider.name] ?? [];
      const chosen: string[] = [];
      for (const name of input.servicelist) {
        const hit = offered.find((s) => s.toLowerCase() === name.toLowerCase());
        if (!hit) {
          throw invalidParameter(
            'PROVIDER.SERVICES',
            message('error.provider.badService', { provider: provider.name, service: name }),
          );
        }
        if (!chosen.includes(hit)) chosen.push(hit);
      }
      services = chosen.join(',');
    }
    if (input.state === 'Enabled' && ELEMENT_TYPES[provider.name]) {
      const element = await db
        .selectFrom('virtual_router_elements')
        .select('enabled')
        .where('provider_id', '=', provider.id)
        .executeTakeFirst();
      if (!element || element.enabled !== 1) {
        throw invalidParameter('PROVIDER.NOT_READY', message('error.provider.notReady', {}));
      }
    }
    return { provider, services };
  }

  /** Checks an updateNetworkServiceProvider before its job is queued. */
  async updateTarget(input: UpdateNetworkServiceProviderInput): Promise<NetworkServiceProviderRow> {
    return (await this.planUpdate(this.db, input)).provider;
  }

  async update(caller: Caller, input: UpdateNetworkServiceProviderInput): Promise<NetworkServiceProvider> {
    const { provider } = await this.planUpdate(this.db, input);
    await this.db.transaction().execute(async (trx) => {
      const plan = await this.planUpdate(trx, input);
      const set = {
        ...(input.state !== undefined ? { state: input.state } : {}),
        ...(plan.services !== undefined ? { services: plan.services } : {}),
      };
      if (Object.keys(set).length > 0) {
        await trx.updateTable('network_service_providers').set(set).where('id', '=', provider.id).execute();
      }
    });
    await this.services.events.record({
      type: 'SERVICE.PROVIDER.UPDATE',
      message: input.state
        ? message('event.provider.stateChanged', { name: provider.name, id: provider.uuid, state: input.state })
        : message('event.provider.updated', { name: provider.name, id: provider.uuid }),
      resourceType: 'PhysicalNetworkServiceProvider',
      resourceId: provider.uuid,
      caller,
    });
    const fresh = await this.requireProvider(provider.uuid);
    return providerResponse(fresh, fresh.network_uuid, await this.networkUuid(fresh.destination_physical_network_id));
  }

  private async networkUuid(id: number | null): Promise<string | null> {
    if (id === null) return null;
    const row = await this.db.selectFrom('physical_networks').select('uuid').where('id', '=', id).executeTakeFirst();
    return row?.uuid ?? null;
  }

  async list(input: ListNetworkServiceProvidersInput): Promise<{ items: NetworkServiceProvider[]; count: number }> {
    let q = this.db
      .selectFrom('network_service_providers as p')
      .innerJoin('physical_networks as n', 'n.id', 'p.physical_network_id')
      .where('p.removed', 'is', null)
      .where('n.removed', 'is', null);
    if (input.physicalnetworkid !== undefined) {
      await requireEverExisted(this.db, 'physical_networks', input.physicalnetworkid, 'physical network');
      q = q.where('n.uuid', '=', input.physicalnetworkid);
    }
    if (input.name !== undefined) q = q.where(equalsIgnoreCase('p.name', input.name));
    if (input.state !== undefined) q = q.where(equalsIgnoreCase('p.state', input.state));
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const window = pageWindow(input, this.services.config);
    let rq = q
      .leftJoin('physical_networks as dst', 'dst.id', 'p.destination_physical_network_id')
      .selectAll('p')
      .select(['n.uuid as network_uuid', 'dst.uuid as destination_uuid'])
      .orderBy('p.id');
    if (window) rq = rq.limit(window.limit).offset(window.offset);
    const rows = await rq.execute();
    return { items: rows.map((r) => providerResponse(r, r.network_uuid, r.destination_uuid)), count: Number(n) };
  }

  private async requireElement(uuid: string): Promise<VirtualRouterElementRow & { provider_uuid: string }> {
    const row = await this.db
      .selectFrom('virtual_router_elements as e')
      .innerJoin('network_service_providers as p', 'p.id', 'e.provider_id')
      .selectAll('e')
      .select('p.uuid as provider_uuid')
      .where('e.uuid', '=', uuid)
      .where('p.removed', 'is', null)
      .executeTakeFirst();
    if (!row)
      throw notFound('ELEMENT.NOT_FOUND', message('error.notFound', { resource: 'virtual router element', id: uuid }));
    return row;
  }

  /** Checks a configureVirtualRouterElement before its job is queued. */
  async configureElementTarget(
    input: Pick<ConfigureVirtualRouterElementInput, 'id'>,
  ): Promise<VirtualRouterElementRow> {
    return this.requireElement(input.id);
  }

  async configureElement(caller: Caller, input: ConfigureVirtualRouterElementInput): Promise<VirtualRouterElement> {
    const element = await this.requireElement(input.id);
    await this.db
      .updateTable('virtual_router_elements')
      .set({ enabled: input.enabled ? 1 : 0 })
      .where('id', '=', element.id)
      .execute();
    await this.services.events.record({
      type: 'NETWORK.ELEMENT.CONFIGURE',
      message: message(input.enabled ? 'event.routerElement.enabled' : 'event.routerElement.disabled', {
        elementType: element.type,
        id: element.uuid,
      }),
      resourceType: 'VirtualRouterElement',
      resourceId: element.uuid,
      caller,
    });
    const fresh = await this.requireElement(element.uuid);
    return virtualRouterElementResponse(fresh, fresh.provider_uuid);
  }

  async listElements(input: ListVirtualRouterElementsInput): Promise<{ items: VirtualRouterElement[]; count: number }> {
    let q = this.db
      .selectFrom('virtual_router_elements as e')
      .innerJoin('network_service_providers as p', 'p.id', 'e.provider_id')
      .where('p.removed', 'is', null);
    if (input.id !== undefined) q = q.where('e.uuid', '=', input.id);
    if (input.nspid !== undefined) {
      await requireEverExisted(this.db, 'network_service_providers', input.nspid, 'network service provider');
      q = q.where('p.uuid', '=', input.nspid);
    }
    if (input.enabled !== undefined) q = q.where('e.enabled', '=', input.enabled ? 1 : 0);
    const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const window = pageWindow(input, this.services.config);
    let rq = q.selectAll('e').select('p.uuid as provider_uuid').orderBy('e.id');
    if (window) rq = rq.limit(window.limit).offset(window.offset);
    const rows = await rq.execute();
    return { items: rows.map((r) => virtualRouterElementResponse(r, r.provider_uuid)), count: Number(n) };
  }
}

const cache = new WeakMap<CoreServices, NetworkProviderService>();

/** The network service provider service over a core's services; built once per core. */
export function networkProviders(services: CoreServices): NetworkProviderService {
  let s = cache.get(services);
  if (!s) {
    s = new NetworkProviderService(services);
    cache.set(services, s);
  }
  return s;
}
