import type { Generated, Selectable } from 'kysely';

/**
 * The guest OS catalogue, templates and ISOs (migration 0020; CloudStack's guest_os_category,
 * guest_os, vm_template, template_store_ref and launch_permission). Booleans are 0/1 integers and
 * timestamps ISO-8601 text, as in schema.ts.
 */

export interface OsCategoryTable {
  id: Generated<number>;
  uuid: string;
  name: string;
}

export interface OsTypeTable {
  id: Generated<number>;
  uuid: string;
  category_id: number;
  /** CloudStack's display name ("Other Linux (64-bit)"); unique. */
  description: string;
  is_user_defined: number;
}

export interface TemplateTable {
  id: Generated<number>;
  uuid: string;
  /** Set on the templates the first start creates (the Simulator templates), null on the others. */
  unique_name: string | null;
  name: string;
  display_text: string;
  /** domain/templates.ts TEMPLATE_FORMATS; 'ISO' for an ISO. */
  format: string;
  /** 'USER' | 'BUILTIN' */
  template_type: string;
  hypervisor: string;
  url: string | null;
  /** As given: "{SHA-256}hex" or a bare MD5 hex. */
  checksum: string | null;
  os_type_id: number;
  account_id: number;
  domain_id: number;
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
  /** A JSON object of strings, or null. */
  details: string | null;
  sort_key: number;
  source_template_id: number | null;
  created: string;
  removed: string | null;
}

export interface TemplateZoneTable {
  id: Generated<number>;
  template_id: number;
  zone_id: number;
  image_store_id: number | null;
  /** domain/templates.ts DOWNLOAD_STATES */
  download_state: string;
  download_pct: number;
  downloaded_bytes: number;
  /** The virtual size in bytes (0 until known). */
  size: number;
  physical_size: number;
  error_text: string | null;
  /** When the download last advanced (or started): the downloader's clock. */
  last_progress: string;
  created: string;
}

export interface TemplatePermissionTable {
  template_id: number;
  account_id: number;
}

export interface TemplateTables {
  os_categories: OsCategoryTable;
  os_types: OsTypeTable;
  templates: TemplateTable;
  template_zones: TemplateZoneTable;
  template_permissions: TemplatePermissionTable;
}

export type OsTypeRow = Selectable<OsTypeTable>;
export type TemplateRow = Selectable<TemplateTable>;
export type TemplateZoneRow = Selectable<TemplateZoneTable>;
