import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { notFound, permissionDenied } from '../../domain/errors';
import { message } from '../../domain/messages';
import {
  ALL_ZONES_ID,
  FORMATS_OF_HYPERVISOR,
  ISO_FORMAT,
  TEMPLATE_BITS,
  TEMPLATE_FORMATS,
  TEMPLATE_HYPERVISORS,
  parseChecksum,
  type TemplateFilter,
  type TemplateHypervisor,
} from '../../domain/templates';
import { oneOfIgnoringCase } from '../../domain/offerings';
import { nowIso } from '../../domain/time';
import type { Database, TemplateRow } from '../../db/schema';
import type {
  CopyTemplateInput,
  ListIsosInput,
  ListTemplatesInput,
  RegisterIsoInput,
  RegisterTemplateInput,
  Template,
  TemplatePermissions,
  UpdateIsoInput,
  UpdateTemplateInput,
  UpdateTemplatePermissionsInput,
} from '../../api/schemas/templates';
import { isRootAdmin, type Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { templateResponse, templateRows, TEMPLATE_COLUMNS, type TemplateZoneView } from './responses';
import { templateListFilter } from './lists';
import { listTemplatePermissions, updateTemplatePermissions } from './permissions';
import { bad, checkImageOwner, KIND, kindCondition, recordImageEvent, type Eb, type ImageKind } from './shared';
import { checkDownloadUrl, systemResolver, type Resolver } from './url-safety';

type Db = Kysely<Database>;

const bool = (v: boolean | undefined, fallback = false) => ((v ?? fallback) ? 1 : 0);
/**
 * Templates and ISOs: registerTemplate, registerIso, listTemplates, listIsos, updateTemplate,
 * updateIso, deleteTemplate, deleteIso, copyTemplate, copyIso and the template permissions. A
 * registered image gets one row per zone, which the downloader (downloads.ts) moves to
 * DOWNLOADED; the image is ready in a zone only then. Resource limits (CloudStack's template and
 * secondary storage counts) are a later slice: they would be checked where `register` and `copy`
 * insert zone rows.
 */
export class TemplateService {
  /** How URL host names are resolved (tests give their own; the default asks the system). */
  resolver: Resolver = systemResolver;

  constructor(private readonly services: CoreServices) {}

  private get db(): Db {
    return this.services.store.db;
  }

  // ---- register ----------------------------------------------------------------------------

  registerTemplate(caller: Caller, input: RegisterTemplateInput): Promise<{ items: Template[]; count: number }> {
    const hypervisor = oneOfIgnoringCase(TEMPLATE_HYPERVISORS, input.hypervisor);
    if (!hypervisor) throw bad('HYPERVISOR', message('error.template.badHypervisor', { value: input.hypervisor }));
    const format = oneOfIgnoringCase(TEMPLATE_FORMATS, input.format);
    if (!format) throw bad('FORMAT', message('error.template.badFormat', { value: input.format }));
    if (!FORMATS_OF_HYPERVISOR[hypervisor as TemplateHypervisor].includes(format)) {
      throw bad('FORMAT', message('error.template.formatForHypervisor', { format, hypervisor }));
    }
    const bits = input.bits ?? 64;
    if (!(TEMPLATE_BITS as readonly number[]).includes(bits))
      throw bad('BITS', message('error.template.badBits', { value: bits }));
    const details = input.details?.reduce<Record<string, string>>((all, d) => {
      const entries = Object.entries(d);
      const key = d.key ?? entries[0]?.[0];
      const value = d.value ?? entries[0]?.[1];
      if (key !== undefined && value !== undefined) all[key] = value;
      return all;
    }, {});
    return this.register(caller, 'template', input, {
      format,
      hypervisor,
      zoneIds: input.zoneids,
      password_enabled: bool(input.passwordenabled),
      requires_hvm: bool(input.requireshvm, true),
      ssh_key_enabled: bool(input.sshkeyenabled),
      bootable: 1,
      bits,
      template_tag: input.templatetag ?? null,
      details: details && Object.keys(details).length > 0 ? JSON.stringify(details) : null,
    });
  }

  registerIso(caller: Caller, input: RegisterIsoInput): Promise<{ items: Template[]; count: number }> {
    return this.register(caller, 'iso', input, {
      format: ISO_FORMAT,
      hypervisor: 'None',
      password_enabled: 0,
      requires_hvm: 1,
      ssh_key_enabled: 0,
      bootable: bool(input.bootable, true),
      bits: 64,
      template_tag: null,
      details: null,
    });
  }

  private async register(
    caller: Caller,
    kind: ImageKind,
    input: RegisterIsoInput,
    own: {
      format: string;
      hypervisor: string;
      zoneIds?: string[];
      password_enabled: number;
      requires_hvm: number;
      ssh_key_enabled: number;
      bootable: number;
      bits: number;
      template_tag: string | null;
      details: string | null;
    },
  ) {
    const owner = await this.ownerOf(caller, input.account, input.domainid);
    if (input.isfeatured && !isRootAdmin(caller)) {
      throw permissionDenied(
        'TEMPLATE.FEATURED',
        message('error.template.featuredNotRoot', { caller: caller.accountName }),
      );
    }
    const checksum = input.checksum === undefined || input.checksum === '' ? null : parseChecksum(input.checksum);
    if (checksum === undefined)
      throw bad('CHECKSUM', message('error.template.badChecksum', { value: input.checksum ?? '' }));
    const osTypeId = await this.osTypeOf(input.ostypeid);
    const zones = await this.zonesOf(input.zoneid, own.zoneIds);
    const url = await checkDownloadUrl(
      input.url,
      this.services.config.get<string>('secstorage.allowed.internal.sites'),
      this.resolver,
    );
    const now = nowIso();
    const { zoneIds: _zones, ...columns } = own;
    const template = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('templates')
        .values({
          uuid: crypto.randomUUID(),
          unique_name: null,
          name: input.name,
          display_text: input.displaytext === undefined || input.displaytext === '' ? input.name : input.displaytext,
          template_type: 'USER',
          url: url.toString(),
          checksum,
          os_type_id: osTypeId,
          account_id: owner.id,
          domain_id: owner.domain_id,
          is_public: bool(input.ispublic),
          featured: bool(input.isfeatured),
          extractable: bool(input.isextractable),
          dynamically_scalable: bool(input.isdynamicallyscalable),
          cross_zones: zones.all ? 1 : 0,
          sort_key: 0,
          source_template_id: null,
          created: now,
          removed: null,
          ...columns,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('template_zones')
        .values(zones.list.map((z) => downloadRow(row.id, z.id, z.storeId, now)))
        .execute();
      return row;
    });
    await recordImageEvent(this.services, caller, kind, 'create', template);
    const items = await this.responses(caller, template.id);
    return { items, count: items.length };
  }

  /** The owner: the caller's account, or for admins the named account (account with domainid). */
  private async ownerOf(caller: Caller, account: string | undefined, domainUuid: string | undefined) {
    if (account === undefined) {
      if (domainUuid !== undefined) throw bad('OWNER', message('error.template.accountWithoutDomain', {}));
      return this.db
        .selectFrom('accounts')
        .select(['id', 'uuid', 'domain_id'])
        .where('id', '=', caller.accountId)
        .executeTakeFirstOrThrow();
    }
    if (domainUuid === undefined) throw bad('OWNER', message('error.template.accountWithoutDomain', {}));
    const row = await this.db
      .selectFrom('accounts')
      .innerJoin('domains', 'domains.id', 'accounts.domain_id')
      .select(['accounts.id', 'accounts.uuid', 'accounts.domain_id'])
      .where('accounts.name', '=', account)
      .where('domains.uuid', '=', domainUuid)
      .where('accounts.removed', 'is', null)
      .executeTakeFirst();
    if (!row) throw bad('OWNER', message('error.account.notFoundInDomain', { account, domain: domainUuid }));
    await this.services.access.checkAccount(caller, row);
    return row;
  }

  /** The OS type by uuid; "Other (64-bit)" when none is given. */
  private async osTypeOf(uuid: string | undefined): Promise<number> {
    const q = this.db.selectFrom('os_types').select('id');
    const row = await (
      uuid === undefined ? q.where('description', '=', 'Other (64-bit)') : q.where('uuid', '=', uuid)
    ).executeTakeFirst();
    if (!row) throw bad('OS_TYPE', message('error.template.osTypeNotFound', { id: uuid ?? 'Other (64-bit)' }));
    return row.id;
  }

  /**
   * The zones an image is registered in, each with the image store it goes to: zoneid (or
   * zoneids), or every zone with an image store for -1. A zone without an image store refuses.
   */
  private async zonesOf(zoneid: string | undefined, zoneids: string[] | undefined) {
    const wanted = [...(zoneid !== undefined ? [zoneid] : []), ...(zoneids ?? [])];
    if (wanted.length === 0) throw bad('ZONE', message('error.template.zoneRequired', {}));
    const all = wanted.includes(ALL_ZONES_ID);
    const stores = await this.db
      .selectFrom('image_stores')
      .innerJoin('zones', 'zones.id', 'image_stores.zone_id')
      .select(['zones.id', 'zones.uuid', 'image_stores.id as store_id'])
      .where('image_stores.removed', 'is', null)
      .where('image_stores.read_only', '=', 0)
      .where('zones.removed', 'is', null)
      .orderBy('image_stores.id')
      .execute();
    const storeOfZone = new Map<string, { id: number; storeId: number }>();
    for (const s of stores) if (!storeOfZone.has(s.uuid)) storeOfZone.set(s.uuid, { id: s.id, storeId: s.store_id });
    if (all) {
      const list = [...storeOfZone.values()];
      if (list.length === 0) throw bad('NO_IMAGE_STORE', message('error.template.noImageStoreAnywhere', {}));
      return { all, list };
    }
    const list: { id: number; storeId: number }[] = [];
    for (const uuid of new Set(wanted)) {
      const zone = await this.db
        .selectFrom('zones')
        .select('id')
        .where('uuid', '=', uuid)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (!zone) throw bad('ZONE', message('error.template.zoneNotFound', { id: uuid }));
      const store = storeOfZone.get(uuid);
      if (!store) throw bad('NO_IMAGE_STORE', message('error.template.noImageStore', { zone: uuid }));
      list.push(store);
    }
    return { all, list };
  }

  // ---- list --------------------------------------------------------------------------------

  listTemplates(caller: Caller, input: ListTemplatesInput) {
    return this.list(caller, 'template', input, input.templatefilter);
  }

  listIsos(caller: Caller, input: ListIsosInput) {
    return this.list(caller, 'iso', input, input.isofilter ?? 'selfexecutable', input);
  }

  private async list(
    caller: Caller,
    kind: ImageKind,
    input: ListTemplatesInput | ListIsosInput,
    filter: TemplateFilter,
    iso?: Pick<ListIsosInput, 'bootable' | 'ispublic' | 'isready'>,
  ): Promise<{ items: Template[]; count: number }> {
    if (filter === 'all' && !isRootAdmin(caller)) {
      throw bad('FILTER', message('error.template.allFilterNotAdmin', { filter }));
    }
    if (input.id !== undefined && input.ids !== undefined) throw bad('IDS', message('error.template.idAndIds', {}));
    const scope = await this.services.access.listScope(caller, input);
    const zone = input.zoneid
      ? await this.db.selectFrom('zones').select('id').where('uuid', '=', input.zoneid).executeTakeFirst()
      : undefined;
    if (input.zoneid && !zone) throw bad('ZONE', message('error.template.zoneNotFound', { id: input.zoneid }));
    const where = templateListFilter({ caller, kind, input, filter, scope, zoneId: zone?.id, iso });
    const base = () => templateRows(this.db).where((eb) => where(eb as unknown as Eb));
    const window = pageWindow(input, this.services.config);
    let q = base()
      .select([...TEMPLATE_COLUMNS])
      .orderBy('t.sort_key')
      .orderBy('t.id')
      .orderBy('tz.zone_id');
    if (window) q = q.limit(window.limit).offset(window.offset);
    const rows = (await q.execute()) as unknown as TemplateZoneView[];
    const count =
      window && (rows.length === window.limit || window.offset > 0)
        ? Number(
            (
              await base()
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          )
        : (window?.offset ?? 0) + rows.length;
    return { items: rows.map((r) => templateResponse(r, this.showsUrl(caller, r))), count };
  }

  /** CloudStack shows the URL to admins and the owner. */
  private showsUrl(caller: Caller, v: TemplateZoneView): boolean {
    return caller.roleType !== 'User' || v.account_uuid === caller.accountUuid;
  }

  private async responses(caller: Caller, templateId: number, zoneId?: number): Promise<Template[]> {
    let q = templateRows(this.db)
      .select([...TEMPLATE_COLUMNS])
      .where('t.id', '=', templateId);
    if (zoneId !== undefined) q = q.where('tz.zone_id', '=', zoneId);
    const rows = (await q.orderBy('tz.zone_id').execute()) as unknown as TemplateZoneView[];
    return rows.map((r) => templateResponse(r, this.showsUrl(caller, r)));
  }

  // ---- lookups and access ------------------------------------------------------------------

  /** A live template (or ISO) of the kind by uuid; CloudStack's 431 when there is none. */
  async requireImage(kind: ImageKind, uuid: string): Promise<TemplateRow> {
    const row = await this.db
      .selectFrom('templates as t')
      .selectAll()
      .where('t.uuid', '=', uuid)
      .where('t.removed', 'is', null)
      .where((eb) => kindCondition(eb as unknown as Eb, kind))
      .executeTakeFirst();
    if (!row) throw bad('NOT_FOUND', message('error.template.notFound', { resource: KIND[kind].resource, id: uuid }));
    return row;
  }

  // ---- update ------------------------------------------------------------------------------

  async update(caller: Caller, kind: ImageKind, input: UpdateTemplateInput | UpdateIsoInput): Promise<Template> {
    const row = await this.requireImage(kind, input.id);
    await checkImageOwner(this.services, caller, row);
    const fields: Partial<TemplateRow> = {};
    if (input.name !== undefined) fields.name = input.name;
    if (input.displaytext !== undefined) {
      if (input.displaytext.trim() === '')
        throw bad('DISPLAY_TEXT', message('error.template.emptyDisplayText', { name: row.name }));
      fields.display_text = input.displaytext;
    }
    if (input.ostypeid !== undefined) fields.os_type_id = await this.osTypeOf(input.ostypeid);
    if (input.bootable !== undefined) fields.bootable = input.bootable ? 1 : 0;
    if (input.passwordenabled !== undefined) fields.password_enabled = input.passwordenabled ? 1 : 0;
    if (input.requireshvm !== undefined) fields.requires_hvm = input.requireshvm ? 1 : 0;
    if (input.sortkey !== undefined) fields.sort_key = input.sortkey;
    if (input.isdynamicallyscalable !== undefined) fields.dynamically_scalable = input.isdynamicallyscalable ? 1 : 0;
    if ('format' in input && input.format !== undefined) {
      const format = oneOfIgnoringCase(TEMPLATE_FORMATS, input.format);
      if (!format) throw bad('FORMAT', message('error.template.badFormat', { value: input.format }));
      fields.format = format;
    }
    if ('templatetag' in input && input.templatetag !== undefined) fields.template_tag = input.templatetag || null;
    if ('sshkeyenabled' in input && input.sshkeyenabled !== undefined)
      fields.ssh_key_enabled = input.sshkeyenabled ? 1 : 0;
    if (Object.keys(fields).length > 0) {
      await this.db.updateTable('templates').set(fields).where('id', '=', row.id).execute();
      await recordImageEvent(this.services, caller, kind, 'update', { uuid: row.uuid, name: fields.name ?? row.name });
    }
    const [first] = await this.responses(caller, row.id);
    if (!first)
      throw notFound(
        'TEMPLATE.NOT_FOUND',
        message('error.template.notFound', { resource: KIND[kind].resource, id: row.uuid }),
      );
    return first;
  }

  // ---- delete ------------------------------------------------------------------------------

  /** The job target of deleteTemplate / deleteIso / copyTemplate / copyIso (checked before queueing). */
  async jobTarget(caller: Caller, kind: ImageKind, uuid: string) {
    const row = await this.requireImage(kind, uuid);
    await checkImageOwner(this.services, caller, row);
    return { instanceType: KIND[kind].resourceType, instanceId: row.uuid };
  }

  async delete(caller: Caller, kind: ImageKind, uuid: string, zoneUuid?: string): Promise<void> {
    const row = await this.requireImage(kind, uuid);
    await checkImageOwner(this.services, caller, row);
    let zoneId: number | undefined;
    if (zoneUuid !== undefined) {
      const zone = await this.db
        .selectFrom('template_zones')
        .innerJoin('zones', 'zones.id', 'template_zones.zone_id')
        .select('zones.id')
        .where('template_zones.template_id', '=', row.id)
        .where('zones.uuid', '=', zoneUuid)
        .executeTakeFirst();
      if (!zone)
        throw bad(
          'NOT_IN_ZONE',
          message('error.template.notInZone', { resource: KIND[kind].resource, name: row.name, zone: zoneUuid }),
        );
      zoneId = zone.id;
    }
    await this.db.transaction().execute(async (trx) => {
      let del = trx.deleteFrom('template_zones').where('template_id', '=', row.id);
      if (zoneId !== undefined) del = del.where('zone_id', '=', zoneId);
      await del.execute();
      const left = await trx
        .selectFrom('template_zones')
        .select('id')
        .where('template_id', '=', row.id)
        .executeTakeFirst();
      if (!left) {
        await trx.deleteFrom('template_permissions').where('template_id', '=', row.id).execute();
        await trx.updateTable('templates').set({ removed: nowIso() }).where('id', '=', row.id).execute();
      }
    });
    await recordImageEvent(this.services, caller, kind, 'delete', row);
  }

  // ---- copy --------------------------------------------------------------------------------

  async copy(caller: Caller, kind: ImageKind, input: CopyTemplateInput): Promise<Template> {
    const row = await this.requireImage(kind, input.id);
    await checkImageOwner(this.services, caller, row);
    const destinations = [...(input.destzoneid ? [input.destzoneid] : []), ...(input.destzoneids ?? [])];
    if (destinations.length === 0) throw bad('DEST_ZONE', message('error.template.destZoneRequired', {}));
    const here = await this.db
      .selectFrom('template_zones')
      .innerJoin('zones', 'zones.id', 'template_zones.zone_id')
      .select(['zones.id', 'zones.uuid', 'template_zones.download_state'])
      .where('template_zones.template_id', '=', row.id)
      .execute();
    const source = input.sourcezoneid
      ? here.find((z) => z.uuid === input.sourcezoneid)
      : here.find((z) => z.download_state === 'DOWNLOADED');
    if (!source || source.download_state !== 'DOWNLOADED') {
      throw bad(
        'NOT_READY',
        message('error.template.notReadyInSource', {
          resource: KIND[kind].resource,
          name: row.name,
          zone: input.sourcezoneid ?? '-',
        }),
      );
    }
    const targets = await this.zonesOf(undefined, destinations);
    for (const t of targets.list) {
      if (t.id === source.id) throw bad('SAME_ZONE', message('error.template.copySameZone', {}));
      if (here.some((z) => z.id === t.id)) {
        throw bad(
          'ALREADY_IN_ZONE',
          message('error.template.alreadyInZone', { resource: KIND[kind].resource, name: row.name }),
        );
      }
    }
    const now = nowIso();
    await this.db
      .insertInto('template_zones')
      .values(targets.list.map((t) => downloadRow(row.id, t.id, t.storeId, now)))
      .execute();
    await recordImageEvent(this.services, caller, kind, 'copy', row);
    const [first] = await this.responses(caller, row.id, targets.list[0]!.id);
    return first!;
  }

  // ---- permissions -------------------------------------------------------------------------

  updatePermissions(caller: Caller, input: UpdateTemplatePermissionsInput): Promise<void> {
    return updateTemplatePermissions(this.services, caller, input);
  }

  listPermissions(caller: Caller, uuid: string): Promise<TemplatePermissions> {
    return listTemplatePermissions(this.services, caller, uuid);
  }
}

/** A zone row of an image whose download starts now. */
function downloadRow(templateId: number, zoneId: number, storeId: number, now: string) {
  return {
    template_id: templateId,
    zone_id: zoneId,
    image_store_id: storeId,
    download_state: 'DOWNLOAD_IN_PROGRESS',
    download_pct: 0,
    downloaded_bytes: 0,
    size: 0,
    physical_size: 0,
    error_text: null,
    last_progress: now,
    created: now,
  };
}
