import { invalidParameter, notFound } from '../../domain/errors';
import { message } from '../../domain/messages';
import { ALL_ZONES, PUBLIC_DOMAINS } from '../../domain/offerings';
import { nowIso } from '../../domain/time';
import type { UpdateOfferingInput } from '../../api/schemas/offerings';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { checkDelete, checkUpdate } from './access';
import {
  OFFERING_KINDS,
  requireOffering,
  resolveDomains,
  resolveZones,
  sameIds,
  scopeOf,
  updatedList,
  withoutSubdomains,
  writeScope,
  type OfferingKind,
} from './scope';

/** CloudStack's event types of each kind, and the resource type its events name. */
export const OFFERING_EVENTS = {
  service: {
    create: 'SERVICE.OFFERING.CREATE',
    edit: 'SERVICE.OFFERING.EDIT',
    delete: 'SERVICE.OFFERING.DELETE',
    resourceType: 'ServiceOffering',
  },
  disk: {
    create: 'DISK.OFFERING.CREATE',
    edit: 'DISK.OFFERING.EDIT',
    delete: 'DISK.OFFERING.DELETE',
    resourceType: 'DiskOffering',
  },
  network: {
    create: 'NETWORK.OFFERING.CREATE',
    edit: 'NETWORK.OFFERING.EDIT',
    delete: 'NETWORK.OFFERING.DELETE',
    resourceType: 'NetworkOffering',
  },
} as const;

/** Records an offering's event for the caller: created, updated or deleted. */
export async function recordOfferingEvent(
  services: CoreServices,
  caller: Caller,
  kind: OfferingKind,
  what: 'create' | 'edit' | 'delete',
  offering: { uuid: string; name: string },
): Promise<void> {
  const done = ({ create: 'created', edit: 'updated', delete: 'deleted' } as const)[what];
  await services.events.record({
    type: OFFERING_EVENTS[kind][what],
    message: message(`event.${kind}Offering.${done}`, { name: offering.name, id: offering.uuid }),
    caller,
    resourceType: OFFERING_EVENTS[kind].resourceType,
    resourceId: offering.uuid,
  });
}

/** Takes the offering's row lock on PostgreSQL (SQLite runs one write transaction at a time). */
export async function lockOffering(
  services: CoreServices,
  trx: CoreServices['store']['db'],
  kind: OfferingKind,
  id: number,
) {
  if (services.store.dialect !== 'postgres') return;
  const table = OFFERING_KINDS[kind].offerings as 'service_offerings';
  await trx.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}

/**
 * updateServiceOffering / updateDiskOffering: the name, display text, sort key and the domains
 * and zones an offering is limited to; everything else about an offering stays as it was made.
 * Returns the offering's internal id.
 */
export async function updateOffering(
  services: CoreServices,
  caller: Caller,
  kind: OfferingKind,
  input: UpdateOfferingInput,
): Promise<number> {
  const { db } = services.store;
  const row = await requireOffering(db, kind, input.id);
  const { resource } = OFFERING_KINDS[kind];
  if (input.displaytext !== undefined && input.displaytext.trim() === '') {
    throw invalidParameter(
      'OFFERING.DISPLAY_TEXT',
      message('error.offering.emptyDisplayText', { resource, name: row.name }),
    );
  }
  const existing = await scopeOf(db, kind, row.id);
  const domainUuids = updatedList(input.domainid, PUBLIC_DOMAINS);
  const zoneUuids = updatedList(input.zoneid, ALL_ZONES);
  const next = {
    domains: domainUuids === undefined ? existing.domains : withoutSubdomains(await resolveDomains(db, domainUuids)),
    zones: zoneUuids === undefined ? existing.zones : await resolveZones(db, zoneUuids),
  };
  const changesFields = input.name !== undefined || input.displaytext !== undefined || input.sortkey !== undefined;
  const scope = {
    domains: checkUpdate(caller, { resource, name: row.name }, existing, next, changesFields),
    zones: next.zones,
  };
  const scopeChanged = !sameIds(existing.domains, scope.domains) || !sameIds(existing.zones, scope.zones);
  const table = OFFERING_KINDS[kind].offerings as 'service_offerings';
  await db.transaction().execute(async (trx) => {
    await lockOffering(services, trx, kind, row.id);
    const live = await trx
      .selectFrom(table)
      .select('id')
      .where('id', '=', row.id)
      .where('removed', 'is', null)
      .executeTakeFirst();
    if (!live)
      throw notFound(`${kind.toUpperCase()}_OFFERING.NOT_FOUND`, message('error.notFound', { resource, id: row.uuid }));
    const fields = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.displaytext !== undefined ? { display_text: input.displaytext } : {}),
      ...(input.sortkey !== undefined ? { sort_key: input.sortkey } : {}),
    };
    if (Object.keys(fields).length > 0) await trx.updateTable(table).set(fields).where('id', '=', row.id).execute();
    if (scopeChanged) await writeScope(trx, kind, row.id, scope);
  });
  await recordOfferingEvent(services, caller, kind, 'edit', { uuid: row.uuid, name: input.name ?? row.name });
  return row.id;
}

/**
 * deleteServiceOffering / deleteDiskOffering: the offering is no longer listed nor usable (its
 * row stays, removed and Inactive). CloudStack refuses to delete the default system offerings.
 */
export async function deleteOffering(services: CoreServices, caller: Caller, kind: OfferingKind, uuid: string) {
  const { db } = services.store;
  const row = await requireOffering(db, kind, uuid);
  const { resource } = OFFERING_KINDS[kind];
  if ('default_use' in row && row.default_use === 1) {
    throw invalidParameter('OFFERING.DEFAULT', message('error.offering.defaultNoDelete', { name: row.name }));
  }
  checkDelete(caller, { resource, name: row.name }, await scopeOf(db, kind, row.id));
  const table = OFFERING_KINDS[kind].offerings as 'service_offerings';
  const result = await db
    .updateTable(table)
    .set({ removed: nowIso(), state: 'Inactive' })
    .where('id', '=', row.id)
    .where('removed', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw notFound(`${kind.toUpperCase()}_OFFERING.NOT_FOUND`, message('error.notFound', { resource, id: uuid }));
  }
  await recordOfferingEvent(services, caller, kind, 'delete', row);
}
