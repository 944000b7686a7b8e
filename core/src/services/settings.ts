import { invalidParameter } from '../domain/errors';
import { englishText, message } from '../domain/messages';
import {
  allSettingDefinitions,
  formatSettingValue,
  parseSettingValue,
  settingDefinition,
  type AnySettingDefinition,
  type ScopeChain,
  type ScopeTarget,
  type SettingName,
  type SettingScalar,
  type SettingScope,
  type SettingSource,
  type SettingValue,
} from '../domain/settings-registry';
import { nowIso } from '../domain/time';
import type { Store } from '../db/connect';
import type { Configuration, ListConfigurationsInput } from '../api/schemas/configurations';
import type { EventSink, ScopedSettingsReader, SettingsReader } from './core-services';
import { configurationResponse } from './configuration-response';
import type { AccessService } from './access';
import type { Caller } from './caller';
import { configurationTarget, type ResolvedTarget, type ScopeParams } from './configuration-scope';
import { pageWindow } from './paging';
import { deleteOrphans, resolveInChain, scopeAllowed, type DomainFallbacks } from './settings-scopes';

export { configurationResponse, shownValue } from './configuration-response';
export type { ScopeTarget } from '../domain/settings-registry';

export interface SettingEntry {
  definition: AnySettingDefinition;
  /** The value in effect where the entry was read (globally, or on a scope's resource). */
  value: SettingScalar;
  /** Where that value comes from. */
  source: SettingSource;
  /** The scope the entry was read for. */
  scope: 'global' | SettingScope;
  /** True when a value is stored at that scope (globally: in `configurations`). */
  overridden: boolean;
  /** For static settings: the value in effect until the next restart. */
  effective: SettingScalar;
}

export interface SettingsOptions {
  /** Cached values older than this are reloaded in the background (other servers' updates). */
  maxAgeMs?: number;
}

/** Resource deletions whose scoped values are swept away at once (the periodic load sweeps the rest). */
const DELETION_EVENTS = new Set([
  'ZONE.DELETE',
  'CLUSTER.DELETE',
  'STORAGE.POOL.DELETE',
  'IMAGE.STORE.DELETE',
  'DOMAIN.DELETE',
  'ACCOUNT.DELETE',
]);

const scopedKey = (scope: SettingScope, id: number, name: string) => `${scope}:${id}:${name}`;

function parseStored(
  name: string,
  value: string | null,
): { def: AnySettingDefinition; value: SettingScalar } | undefined {
  const def = settingDefinition(name);
  if (!def || value === null) return undefined;
  const parsed = parseSettingValue(def, value);
  if (parsed.ok) return { def, value: parsed.value };
  console.warn(`[settings] ignoring stored value of ${def.name}: ${englishText(parsed.message)}`);
  return undefined;
}

/**
 * Settings: defaults from the registry, global values in `configurations`, values set on a zone,
 * cluster, pool, image store, domain or account in `scoped_configurations`. Reads are synchronous
 * and served from memory. Dynamic settings follow updates at once on this server and within
 * `maxAgeMs` on the others; static settings keep the value read at start-up.
 */
export class SettingsService implements ScopedSettingsReader {
  /** Stored global values, parsed. */
  private stored = new Map<string, SettingScalar>();
  /** Global values returned by get(); static settings are frozen at the first load. */
  private effective = new Map<string, SettingScalar>();
  /** Scoped values by scopedKey. */
  private scoped = new Map<string, SettingScalar>();
  private loaded = false;
  private loadedAt = 0;
  private version = 0;
  private refreshing: Promise<void> | null = null;
  private sweeping: Promise<unknown> = Promise.resolve();
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

  /** Reads every stored value. Called once at start-up; later calls refresh dynamic values. */
  async load(): Promise<void> {
    const version = this.version;
    const { db } = this.store;
    const [rows, scopedRows] = await Promise.all([
      db.selectFrom('configurations').select(['name', 'value']).execute(),
      db.selectFrom('scoped_configurations').select(['scope', 'resource_id', 'name', 'value']).execute(),
    ]);
    if (version !== this.version) return; // an update landed meanwhile; its values are newer
    const stored = new Map<string, SettingScalar>();
    for (const row of rows) {
      const hit = parseStored(row.name, row.value);
      if (hit) stored.set(hit.def.name, hit.value);
    }
    const scoped = new Map<string, SettingScalar>();
    for (const row of scopedRows) {
      const hit = parseStored(row.name, row.value);
      if (hit) scoped.set(scopedKey(row.scope as SettingScope, row.resource_id, hit.def.name), hit.value);
    }
    this.stored = stored;
    this.scoped = scoped;
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

  private definitionOf(name: string): AnySettingDefinition {
    const def = settingDefinition(name);
    if (!def) throw new Error(`unknown setting ${name}`);
    if (this.loaded && Date.now() - this.loadedAt > this.maxAgeMs) void this.refresh();
    return def;
  }

  /** The typed global value of a setting; unknown names are a programming error and throw. */
  get<T extends string | number | boolean>(name: string): T {
    const def = this.definitionOf(name);
    return (this.effective.get(name) ?? def.default) as T;
  }

  /** get() with the value type taken from the registry. */
  value<N extends SettingName>(name: N): SettingValue<N> {
    return this.get<SettingValue<N>>(name);
  }

  /** The account and domain fallbacks in force (CloudStack's two global switches). */
  private fallbacks(): DomainFallbacks {
    return {
      accountFromDomain: this.get<boolean>('enable.account.settings.for.domain'),
      domainFromParent: this.get<boolean>('enable.domain.settings.for.child.domain'),
    };
  }

  /** The value in effect along a chain and where it comes from. */
  resolve(name: string, chain: ScopeChain): { value: SettingScalar; source: SettingSource } {
    const def = this.definitionOf(name);
    const hit =
      def.scopes.length === 0
        ? undefined
        : resolveInChain(def, chain, (s, id, n) => this.scoped.get(scopedKey(s, id, n)), this.fallbacks());
    if (hit) return hit;
    const global = this.effective.get(name);
    return global === undefined ? { value: def.default, source: 'default' } : { value: global, source: 'global' };
  }

  /** A reader of the values in effect for one resource (e.g. a cluster with its zone). */
  in(chain: ScopeChain): SettingsReader {
    return { get: <T extends string | number | boolean>(name: string) => this.resolve(name, chain).value as T };
  }

  /** The values in effect on a cluster (cluster, then zone, then global). */
  forCluster(clusterId: number, zoneId: number): SettingsReader {
    return this.in({ clusterId, zoneId });
  }

  entry(name: string, target?: ScopeTarget): SettingEntry | undefined {
    const def = settingDefinition(name);
    if (!def) return undefined;
    if (target) {
      const { value, source } = this.resolve(name, target.chain);
      const overridden = this.scoped.has(scopedKey(target.scope, target.resourceId, def.name));
      return { definition: def, value, source, scope: target.scope, overridden, effective: value };
    }
    const stored = this.stored.get(name);
    return {
      definition: def,
      value: stored ?? def.default,
      source: stored === undefined ? 'default' : 'global',
      scope: 'global',
      overridden: stored !== undefined,
      effective: this.effective.get(name) ?? def.default,
    };
  }

  /** Every setting, or with a target those that can be set at its scope. */
  entries(target?: ScopeTarget): SettingEntry[] {
    const flags = this.fallbacks();
    return allSettingDefinitions()
      .filter((def) => !target || scopeAllowed(def, target.scope, flags))
      .map((def) => this.entry(def.name, target) as SettingEntry);
  }

  /**
   * listConfigurations: the settings whose name contains `name`, of `category`, and with
   * `keyword` in the name, category or description (all ignoring case), in registry order.
   */
  list(input: ListConfigurationsInput, target?: ScopeTarget): { items: Configuration[]; count: number } {
    const name = input.name?.toLowerCase();
    const category = input.category?.toLowerCase();
    const keyword = input.keyword?.toLowerCase();
    const matching = this.entries(target).filter((e) => {
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

  /** Validates and stores a value, globally or on a target (431 on an unknown name, a bad value or scope). */
  async update(name: string, raw: string, target?: ScopeTarget): Promise<SettingEntry> {
    const def = this.requireDefinition(name, target);
    const parsed = parseSettingValue(def, raw);
    if (!parsed.ok) throw invalidParameter('CONFIG.INVALID_VALUE', parsed.message);
    const value = formatSettingValue(parsed.value);
    const updated = nowIso();
    this.version += 1;
    if (target) {
      const row = { scope: target.scope, resource_id: target.resourceId, name: def.name, value, updated };
      await this.store.db
        .insertInto('scoped_configurations')
        .values(row)
        .onConflict((oc) => oc.columns(['scope', 'resource_id', 'name']).doUpdateSet({ value, updated }))
        .execute();
    } else {
      await this.store.db
        .insertInto('configurations')
        .values({ name: def.name, value, updated })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value, updated }))
        .execute();
    }
    this.version += 1; // a load that overlapped the write must not overwrite what follows
    if (target) this.scoped.set(scopedKey(target.scope, target.resourceId, def.name), parsed.value);
    else {
      this.stored.set(def.name, parsed.value);
      if (def.isDynamic) this.effective.set(def.name, parsed.value);
    }
    return this.entry(def.name, target) as SettingEntry;
  }

  /** Drops the stored value so the default (or, on a target, the inherited value) applies again. */
  async reset(name: string, target?: ScopeTarget): Promise<SettingEntry> {
    const def = this.requireDefinition(name, target);
    this.version += 1;
    if (target) {
      await this.store.db
        .deleteFrom('scoped_configurations')
        .where('scope', '=', target.scope)
        .where('resource_id', '=', target.resourceId)
        .where('name', '=', def.name)
        .execute();
    } else {
      await this.store.db.deleteFrom('configurations').where('name', '=', def.name).execute();
    }
    this.version += 1;
    if (target) this.scoped.delete(scopedKey(target.scope, target.resourceId, def.name));
    else {
      this.stored.delete(def.name);
      if (def.isDynamic) this.effective.delete(def.name);
    }
    return this.entry(def.name, target) as SettingEntry;
  }

  /** The resource a configuration command names by its scope ids (see configurationTarget). */
  target(caller: Caller, params: ScopeParams, access: AccessService): Promise<ResolvedTarget | undefined> {
    return configurationTarget({ store: this.store, access }, caller, params);
  }

  /** Removes the values of removed resources from the table and the cache. */
  async sweepOrphans(): Promise<number> {
    this.version += 1;
    const deleted = await deleteOrphans(this.store.db);
    this.version += 1;
    if (deleted > 0) await this.load();
    return deleted;
  }

  /** Sweeps the scoped values of a zone, cluster, pool, image store, domain or account as soon as it is deleted. */
  followDeletions(events: Pick<EventSink, 'subscribe'>): () => void {
    return events.subscribe((message) => {
      if (message.kind !== 'event' || !DELETION_EVENTS.has(String(message.event.type))) return;
      this.sweeping = this.sweeping.then(() =>
        this.sweepOrphans().catch((error: unknown) =>
          console.error('[settings] sweeping scoped values failed:', error instanceof Error ? error.message : error),
        ),
      );
    });
  }

  /** Resolves once the sweeps started so far are done. */
  idle(): Promise<void> {
    return this.sweeping.then(() => undefined);
  }

  private requireDefinition(name: string, target?: ScopeTarget): AnySettingDefinition {
    const def = settingDefinition(name);
    if (!def) throw invalidParameter('CONFIG.INVALID_NAME', message('error.setting.invalidName', { name }));
    if (target && !scopeAllowed(def, target.scope, this.fallbacks())) {
      throw invalidParameter('CONFIG.INVALID_SCOPE', message('error.setting.invalidScope', { name: def.name }));
    }
    return def;
  }
}
