import type { Kysely } from 'kysely';
import { downloadStatusText, type DownloadState } from '../../domain/templates';
import { toCloudStackDate } from '../../domain/time';
import type { Database } from '../../db/schema';
import { compact } from '../../api/schemas/fields';
import type { Template } from '../../api/schemas/templates';

type Db = Kysely<Database>;

/**
 * A template (or ISO) in a zone with what its response names: the select every list, create and
 * update answer is read with (templates joined to their zone rows, OS type, owner and zone).
 */
export function templateRows(db: Db) {
  return db
    .selectFrom('template_zones as tz')
    .innerJoin('templates as t', 't.id', 'tz.template_id')
    .innerJoin('os_types as os', 'os.id', 't.os_type_id')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .innerJoin('domains as d', 'd.id', 't.domain_id')
    .innerJoin('zones as z', 'z.id', 'tz.zone_id')
    .leftJoin('templates as src', 'src.id', 't.source_template_id');
}

/** The columns templateResponse reads. */
export const TEMPLATE_COLUMNS = [
  'tz.id as tz_id',
  'tz.download_state',
  'tz.download_pct',
  'tz.size',
  'tz.physical_size',
  'tz.error_text',
  't.uuid',
  't.name',
  't.display_text',
  't.format',
  't.template_type',
  't.hypervisor',
  't.url',
  't.checksum',
  't.is_public',
  't.featured',
  't.extractable',
  't.password_enabled',
  't.requires_hvm',
  't.ssh_key_enabled',
  't.bootable',
  't.dynamically_scalable',
  't.cross_zones',
  't.bits',
  't.template_tag',
  't.details',
  't.created',
  'os.uuid as os_uuid',
  'os.description as os_name',
  'a.uuid as account_uuid',
  'a.name as account_name',
  'd.uuid as domain_uuid',
  'd.name as domain_name',
  'z.uuid as zone_uuid',
  'z.name as zone_name',
  'src.uuid as source_uuid',
] as const;

export interface TemplateZoneView {
  tz_id: number;
  download_state: string;
  download_pct: number;
  size: number;
  physical_size: number;
  error_text: string | null;
  uuid: string;
  name: string;
  display_text: string;
  format: string;
  template_type: string;
  hypervisor: string;
  url: string | null;
  checksum: string | null;
  is_public: number;
  featured: number;
  extractable: number;
  password_enabled: number;
  requires_hvm: number;
  ssh_key_enabled: number;
  bootable: number;
  dynamically_scalable: number;
  cross_zones: number;
  bits: number;
  template_tag: string | null;
  details: string | null;
  created: string;
  os_uuid: string;
  os_name: string;
  account_uuid: string;
  account_name: string;
  domain_uuid: string;
  domain_name: string;
  zone_uuid: string;
  zone_name: string;
  source_uuid: string | null;
}

function detailsOf(text: string | null): Record<string, string> | undefined {
  if (text === null) return undefined;
  const parsed = JSON.parse(text) as Record<string, string>;
  return Object.keys(parsed).length === 0 ? undefined : parsed;
}

/** CloudStack's TemplateResponse of a template in a zone; `url` only for those who may see it. */
export function templateResponse(v: TemplateZoneView, showUrl: boolean): Template {
  const iso = v.format === 'ISO';
  const ready = v.download_state === 'DOWNLOADED';
  return compact({
    id: v.uuid,
    name: v.name,
    displaytext: v.display_text,
    ispublic: v.is_public === 1,
    created: toCloudStackDate(v.created),
    isready: ready,
    passwordenabled: v.password_enabled === 1,
    format: v.format,
    isfeatured: v.featured === 1,
    crossZones: v.cross_zones === 1,
    ostypeid: v.os_uuid,
    ostypename: v.os_name,
    account: v.account_name,
    accountid: v.account_uuid,
    domain: v.domain_name,
    domainid: v.domain_uuid,
    zoneid: v.zone_uuid,
    zonename: v.zone_name,
    status: downloadStatusText(v.download_state as DownloadState, v.download_pct, v.error_text),
    size: Number(v.size) > 0 ? Number(v.size) : undefined,
    physicalsize: Number(v.physical_size) > 0 ? Number(v.physical_size) : undefined,
    templatetype: v.template_type as Template['templatetype'],
    hypervisor: iso ? undefined : v.hypervisor,
    isextractable: v.extractable === 1,
    checksum: v.checksum,
    bootable: iso ? v.bootable === 1 : undefined,
    requireshvm: v.requires_hvm === 1,
    isdynamicallyscalable: v.dynamically_scalable === 1,
    bits: v.bits,
    templatetag: v.template_tag,
    sshkeyenabled: v.ssh_key_enabled === 1,
    sourcetemplateid: v.source_uuid,
    url: showUrl ? v.url : undefined,
    details: detailsOf(v.details),
    directdownload: false,
    deployasis: false,
  });
}
