import { invalidParameter } from '../domain/errors';
import {
  allSettingDefinitions,
  formatSettingValue,
  parseSettingValue,
  settingDefinition,
  type AnySettingDefinition,
  type SettingName,
  type SettingScalar,
  type SettingValue,
} from '../domain/settings-registry';
import { nowIso } from '../domain/time';
import type { Store } from '../db/connect';
import { compact } from '../api/schemas/fields';
import type { Configuration, ListConfigurationsInput } from '../api/schemas/configurations';
import type { SettingsReader } from './core-services';
import { pageWindow } from './paging';

export interface SettingEntry {
  definition: AnySettingDefinition;
  /** The stored value, or the default when nothing is stored. */
  value: SettingScalar;
  /** True when a value is stored in `configurations`. */
  overridden: boolean;
  /** For static settings: the value in effect until the next restart. */
  effective: SettingScalar;
}

/** How secret values are shown. */
const MASK = '******';

/** CloudStack's configuration types as listConfigurations reports them. */
const WIRE_TYPE = {
  string: 'String',
  password: 'String',
  integer: 'Number',
  float: 'Decimal',
  boolean: 'Boolean',
} as const satisfies Record<AnySettingDefinition['type'], Configuration['type']>;

/** CloudStack's ConfigurationResponse for a setting; secrets are masked. */
export function configurationResponse(entry: SettingEntry): Configuration {
  const def = entry.definition;
  return compact({
    name: def.name,
    value: def.isSecret ? MASK : String(entry.value),
    defaultvalue: def.isSecret ? MASK : String(def.default),
    category: def.category,
    description: def.description,
    type: WIRE_TYPE[def.type],
    options: def.type === 'string' && def.enum ? def.enum.join(',') : undefined,
    isdynamic: def.isDynamic,
    scope: def.scope,
  });
}

/** A secret's value as events and responses show it. */
export function shownValue(entry: SettingEntry): string {
  return entry.definition.isSecret ? MASK : String(entry.value);
}

export interface SettingsOptions {
  /** Cached values older than this are reloaded in the background (other servers' updates). */
  maxAgeMs?: number;
}

/**
 * Global settings: defaults from the registry, overrides in the `configurations` table.
 * get() is synchronous and served from memory. Dynamic settings follow updates at once on this
 * server and within `maxAgeMs` on the others; static settings keep the value read at start-up.
 */
export class SettingsService implements SettingsReader {
  /** Stored overrides, parsed. */
  private stored = new Map<string, SettingScalar>();
  /** Values returned by get(); static settings are frozen at the first load. */
  private effective = new Map<string, SettingScalar>();
  private loaded = false;
  private loadedAt = 0;
  private version = 0;
  private refreshing: Promise<void> | null = null;
  private readonly maxAgeMs: number;

  constructor(
    private readonly store: Store,
    options: SettingsOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
  }

  /** Grows with every write through this service: copies elsewhere (the read worker's) tell from it when they are stale. */
  get writes(): number {
    return this.version;
  }

  /** Reads every stored override. Called once at start-up; later calls refresh dynamic values. */
  async load(): Promise<void> {
    const version = this.version;
    const rows = await this.store.db.selectFrom('configurations').select(['name', 'value']).execute();
    if (version !== this.version) return; // an update landed meanwhile; its values are newer
    const stored = new Map<string, SettingScalar>();
    for (const row of rows) {
      const def = settingDefinition(row.name);
      if (!def || row.value === null) continue;
      const parsed = parseSettingValue(def, row.value);
      if (parsed.ok) stored.set(def.name, parsed.value);
      else console.warn(`[settings] ignoring stored value of ${def.name}: ${parsed.error}`);
    }
    this.stored = stored;
    for (const def of allSettingDefinitions()) {
      if (!def.isDynamic && this.loaded) continue;
      const value = stored.get(def.name);
      if (value === undefined) this.effective.delete(def.name);
      else this.effective.set(def.name, value);
    }
    this.loaded = true;
    this.loadedAt = Date.now();
  }

  /** Reloads now (e.g. when another server announced a change). */
  refresh(): Promise<void> {
    if (!this.refreshing) {
      this.refreshing = this.load()
        .catch(() => undefined)
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  /** The typed value of a setting; unknown names are a programming error and throw. */
  get<T extends string | number | boolean>(name: string): T {
    const def = settingDefinition(name);
    if (!def) throw new Error(`unknown setting ${name}`);
    if (this.loaded && Date.now() - this.loadedAt > this.maxAgeMs) void this.refresh();
    return (this.effective.get(name) ?? def.default) as T;
  }

  /** get() with the value type taken from the registry. */
  value<N extends SettingName>(name: N): SettingValue<N> {
    return this.get<SettingValue<N>>(name);
  }

  entry(name: string): SettingEntry | undefined {
    const def = settingDefinition(name);
    if (!def) return undefined;
    const stored = this.stored.get(name);
    return {
      definition: def,
      value: stored ?? def.default,
      overridden: stored !== undefined,
      effective: this.effective.get(name) ?? def.default,
    };
  }

  entries(): SettingEntry[] {
    return allSettingDefinitions().map((def) => this.entry(def.name) as SettingEntry);
  }

  /**
   * listConfigurations: the settings whose name contains `name`, of `category`, and with
   * `keyword` in the name, category or description (all ignoring case), in registry order.
   */
  list(input: ListConfigurationsInput): { items: Configuration[]; count: number } {
    const name = input.name?.toLowerCase();
    const category = input.category?.toLowerCase();
    const keyword = input.keyword?.toLowerCase();
    const matching = this.entries().filter((e) => {
      const def = e.definition;
      if (name !== undefined && !def.name.toLowerCase().includes(name)) return false;
      if (category !== undefined && def.category.toLowerCase() !== category) return false;
      if (keyword !== undefined) {
        const hay = [def.name, def.category, def.description].map((s) => s.toLowerCase());
        if (!hay.some((s) => s.includes(keyword))) return false;
      }
      return true;
    });
    const window = pageWindow(input, this);
    const page = window ? matching.slice(window.offset, window.offset + window.limit) : matching;
    return { items: page.map(configurationResponse), count: matching.length };
  }

  /** Validates and stores a value (431 on an unknown name or a bad value). */
  async update(name: string, raw: string): Promise<SettingEntry> {
    const def = this.requireDefinition(name);
    const parsed = parseSettingValue(def, raw);
    if (!parsed.ok) throw invalidParameter('CONFIG.INVALID_VALUE', parsed.error);
    const text = formatSettingValue(parsed.value);
    const updated = nowIso();
    this.version += 1;
    await this.store.db
      .insertInto('configurations')
      .values({ name: def.name, value: text, updated })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: text, updated }))
      .execute();
    this.version += 1; // a load that overlapped the write must not overwrite what follows
    this.stored.set(def.name, parsed.value);
    if (def.isDynamic) this.effective.set(def.name, parsed.value);
    return this.entry(def.name) as SettingEntry;
  }

  /** Drops the stored value so the default applies again. */
  async reset(name: string): Promise<SettingEntry> {
    const def = this.requireDefinition(name);
    this.version += 1;
    await this.store.db.deleteFrom('configurations').where('name', '=', def.name).execute();
    this.version += 1;
    this.stored.delete(def.name);
    if (def.isDynamic) this.effective.delete(def.name);
    return this.entry(def.name) as SettingEntry;
  }

  private requireDefinition(name: string): AnySettingDefinition {
    const def = settingDefinition(name);
    if (!def) throw invalidParameter('CONFIG.INVALID_NAME', `Configuration name ${name} is invalid`);
    return def;
  }
}
