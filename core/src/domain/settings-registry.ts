/**
 * The typed registry of global settings (CloudStack's `configuration` table). Each area declares
 * its own list below with the `setting` builders and adds it to SETTINGS; names follow
 * CloudStack where CloudStack has the setting.
 */

import { message, type ServerMessage } from './messages';

export type SettingType = 'string' | 'integer' | 'boolean' | 'float' | 'password';

export type SettingValueOfType<T extends SettingType> = T extends 'integer' | 'float'
  ? number
  : T extends 'boolean'
    ? boolean
    : string;

export type SettingScalar = string | number | boolean;

/**
 * Where besides globally a setting can be set (CloudStack's ConfigKey scopes, lower-cased as
 * listConfigurations reports them). A value set on a resource falls back to the nearest parent
 * scope the setting also has, then to the global value: storagepool -> cluster -> zone,
 * imagestore -> zone, cluster -> zone, account -> domain (see scopeParents).
 */
export const SETTING_SCOPES = ['zone', 'cluster', 'storagepool', 'imagestore', 'domain', 'account'] as const;
export type SettingScope = (typeof SETTING_SCOPES)[number];

/** Each scope's parent scope, as CloudStack's ConfigKey.Scope declares them (null: the global value). */
export const SCOPE_PARENT: Readonly<Record<SettingScope, SettingScope | null>> = {
  zone: null,
  cluster: 'zone',
  storagepool: 'cluster',
  imagestore: 'zone',
  domain: null,
  account: 'domain',
};

/**
 * The resources a scoped value is read for, most specific first: a cluster's chain holds the
 * cluster and its zone, an account's its domain and that domain's ancestors. Ids are internal.
 */
export interface ScopeChain {
  storagePoolId?: number;
  clusterId?: number;
  imageStoreId?: number;
  zoneId?: number;
  accountId?: number;
  domainId?: number;
  /** The domain's ancestors, nearest first, up to ROOT. */
  parentDomainIds?: readonly number[];
}

/** A resource settings are read or written for: its scope, internal id and chain of parents. */
export interface ScopeTarget {
  scope: SettingScope;
  resourceId: number;
  chain: ScopeChain;
}

/** Where the value in effect comes from: the registry's default, the global value, or a scope. */
export type SettingSource = 'default' | 'global' | SettingScope;

/**
 * The unit of a numeric setting, for display and input (Stackyard). `fraction` is a share from 0
 * to 1 shown as a percentage; `multiplier` a factor applied to a capacity or an interval.
 */
export const SETTING_UNITS = [
  'milliseconds',
  'seconds',
  'minutes',
  'hours',
  'days',
  'bytes',
  'MiB',
  'GiB',
  'MHz',
  'fraction',
  'multiplier',
  'count',
] as const;
export type SettingUnit = (typeof SETTING_UNITS)[number];

export interface SettingDefinition<T extends SettingType = SettingType, N extends string = string> {
  name: N;
  type: T;
  default: SettingValueOfType<T>;
  /** CloudStack's categories: Advanced, Alert, Storage, Network, Usage, Management Server ... */
  category: string;
  description: string;
  /** The scopes besides global where the setting can be set; empty for global-only settings. */
  scopes: readonly SettingScope[];
  unit?: SettingUnit;
  /** Inclusive bounds for integer and float settings. */
  min?: number;
  max?: number;
  /** Allowed values of a string setting (matched case-insensitively, stored as declared). */
  enum?: readonly string[];
  /** Dynamic settings apply at once; the others when the management server restarts. */
  isDynamic: boolean;
  /** Never returned by the API (shown as ******) and never echoed in errors or events. */
  isSecret: boolean;
}

export type AnySettingDefinition = { [K in SettingType]: SettingDefinition<K> }[SettingType];

interface Options {
  min?: number;
  max?: number;
  /** Defaults to true. */
  isDynamic?: boolean;
  scopes?: readonly SettingScope[];
  unit?: SettingUnit;
}

type TextOptions = Pick<Options, 'isDynamic' | 'scopes'>;

function make<T extends SettingType, const N extends string>(
  type: T,
  name: N,
  value: SettingValueOfType<T>,
  category: string,
  description: string,
  options: Options & { enum?: readonly string[] } = {},
): SettingDefinition<T, N> {
  return {
    name,
    type,
    default: value,
    category,
    description,
    scopes: options.scopes ?? [],
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    ...(options.min !== undefined ? { min: options.min } : {}),
    ...(options.max !== undefined ? { max: options.max } : {}),
    ...(options.enum !== undefined ? { enum: options.enum } : {}),
    isDynamic: options.isDynamic ?? true,
    isSecret: type === 'password',
  };
}

/** Builders for definitions; the literal name is kept so `SettingName` lists every setting. */
export const setting = {
  integer: <const N extends string>(name: N, value: number, category: string, description: string, options?: Options) =>
    make('integer', name, value, category, description, options),
  float: <const N extends string>(name: N, value: number, category: string, description: string, options?: Options) =>
    make('float', name, value, category, description, options),
  boolean: <const N extends string>(
    name: N,
    value: boolean,
    category: string,
    description: string,
    options?: TextOptions,
  ) => make('boolean', name, value, category, description, options),
  string: <const N extends string>(
    name: N,
    value: string,
    category: string,
    description: string,
    options?: TextOptions & { enum?: readonly string[] },
  ) => make('string', name, value, category, description, options),
  password: <const N extends string>(name: N, category: string, description: string, options?: TextOptions) =>
    make('password', name, '', category, description, options),
};

const DAY = 86_400;

/** Sessions, logins, API defaults, jobs, events and the management server itself. */
export const FOUNDATION_SETTINGS = [
  setting.integer('session.timeout', 1800, 'Advanced', 'Seconds of inactivity after which a login session expires.', {
    unit: 'seconds',
    min: 60,
    max: 30 * DAY,
  }),
  setting.integer(
    'incorrect.login.attempts.allowed',
    5,
    'Advanced',
    'Incorrect login attempts allowed before the user is locked.',
    { unit: 'count', min: 1, max: 1000 },
  ),
  setting.integer(
    'default.page.size',
    500,
    'Advanced',
    'Default page size for list commands when page is given without pagesize.',
    { unit: 'count', min: 1, max: 10_000 },
  ),
  setting.integer('job.expire.minutes', 1440, 'Advanced', 'Minutes after which a completed async job is removed.', {
    unit: 'minutes',
    min: 1,
  }),
  setting.integer(
    'job.cancel.threshold.minutes',
    60,
    'Advanced',
    'Minutes a running async job may take before it is cancelled (0 disables).',
    { unit: 'minutes', min: 0 },
  ),
  setting.integer(
    'event.purge.delay',
    15,
    'Advanced',
    'Events older than this many days are purged; 0 keeps events forever.',
    { unit: 'days', min: 0 },
  ),
  setting.integer('event.purge.interval', DAY, 'Advanced', 'Seconds between two runs of the event purge.', {
    unit: 'seconds',
    min: 60,
  }),
  setting.integer(
    'management.server.heartbeat.seconds',
    2,
    'Management Server',
    'Seconds between heartbeats of a management server and its running jobs; other servers check for dead servers at the same interval.',
    { unit: 'seconds', min: 1, max: 600, isDynamic: false },
  ),
  setting.integer(
    'management.server.heartbeat.misses',
    5,
    'Management Server',
    'Heartbeats a management server may miss before the others consider it down and take over its hosts and jobs.',
    { unit: 'count', min: 2, max: 100, isDynamic: false },
  ),
  setting.integer(
    'management.server.shutdown.grace.seconds',
    30,
    'Management Server',
    'On SIGTERM or Ctrl+C, seconds a management server waits for its running jobs before handing them over (resumable jobs are queued again, the others fail).',
    { unit: 'seconds', min: 0, max: 3600 },
  ),
  setting.boolean(
    'agent.lb.enabled',
    false,
    'Advanced',
    'Enable agent load balancing between management server nodes: a server that joins takes its fair share of hosts from the others.',
  ),
  setting.integer(
    'api.signature.expiry.seconds',
    600,
    'Advanced',
    'Longest validity accepted for a signed request with signatureVersion=3 and expires (60 s more are allowed for clock skew); such a signature is accepted once.',
    { unit: 'seconds', min: 1, max: DAY },
  ),
  setting.integer(
    'login.throttle.user.failures',
    5,
    'Advanced',
    'Failed logins of one username after which its further attempts wait (HTTP 429), with a delay that doubles at each new failure. Admins are throttled too, never locked.',
    { unit: 'count', min: 1, max: 1000 },
  ),
  setting.integer(
    'login.throttle.address.failures',
    20,
    'Advanced',
    'Failed logins from one source address after which its further attempts wait (HTTP 429), with a delay that doubles at each new failure.',
    { unit: 'count', min: 1, max: 100_000 },
  ),
  setting.integer(
    'login.throttle.delay.seconds',
    1,
    'Advanced',
    'The first wait once a throttling threshold is reached; it doubles at each further failure.',
    { unit: 'seconds', min: 1, max: DAY },
  ),
  setting.integer(
    'login.throttle.max.delay.seconds',
    120,
    'Advanced',
    'The longest wait between two login attempts of a throttled username or source address.',
    { unit: 'seconds', min: 1, max: DAY },
  ),
  setting.integer(
    'login.throttle.window.seconds',
    900,
    'Advanced',
    'Failed logins older than this are forgotten by the login throttling.',
    { unit: 'seconds', min: 60, max: 30 * DAY },
  ),
  setting.boolean(
    'enable.account.settings.for.domain',
    false,
    'Advanced',
    "Whether account settings can also be set on a domain: an account without its own value then takes its domain's.",
  ),
  setting.boolean(
    'enable.domain.settings.for.child.domain',
    false,
    'Advanced',
    "Whether a domain without its own value of a setting takes its parent domain's (up to ROOT) before the global value.",
  ),
  setting.string(
    'api.trusted.proxies',
    '',
    'Advanced',
    "Comma-separated addresses of reverse proxies whose X-Forwarded-For header names a request's source address (login throttling, events); empty: the connection's own address.",
  ),
] as const;

/** Host, storage and VM capacity: overprovisioning and allocator thresholds. */
export const CAPACITY_SETTINGS = [
  setting.float(
    'cpu.overprovisioning.factor',
    1.0,
    'Advanced',
    'Used for CPU overprovisioning calculation; available CPU is (actual CPU capacity * factor).',
    { unit: 'multiplier', scopes: ['cluster'], min: 1, max: 100 },
  ),
  setting.float('mem.overprovisioning.factor', 1.0, 'Advanced', 'Used for memory overprovisioning calculation.', {
    unit: 'multiplier',
    scopes: ['cluster'],
    min: 1,
    max: 100,
  }),
  setting.float(
    'storage.overprovisioning.factor',
    2.0,
    'Storage',
    'Used for storage overprovisioning calculation; available storage is (actual storage size * factor).',
    { unit: 'multiplier', scopes: ['storagepool'], min: 1, max: 100 },
  ),
  setting.float(
    'cluster.cpu.allocated.capacity.notificationthreshold',
    0.75,
    'Alert',
    'Percentage (0 to 1) of allocated CPU in a cluster above which alerts are sent.',
    { unit: 'fraction', scopes: ['cluster'], min: 0, max: 1 },
  ),
  setting.float(
    'cluster.memory.allocated.capacity.notificationthreshold',
    0.75,
    'Alert',
    'Percentage (0 to 1) of allocated memory in a cluster above which alerts are sent.',
    { unit: 'fraction', scopes: ['cluster'], min: 0, max: 1 },
  ),
  setting.float(
    'cluster.cpu.allocated.capacity.disablethreshold',
    0.85,
    'Alert',
    'Percentage (0 to 1) of allocated CPU above which the allocators disable the cluster for new VMs.',
    { unit: 'fraction', scopes: ['cluster'], min: 0, max: 1 },
  ),
  setting.float(
    'cluster.memory.allocated.capacity.disablethreshold',
    0.85,
    'Alert',
    'Percentage (0 to 1) of allocated memory above which the allocators disable the cluster for new VMs.',
    { unit: 'fraction', scopes: ['cluster'], min: 0, max: 1 },
  ),
  setting.float(
    'pool.storage.capacity.disablethreshold',
    0.85,
    'Alert',
    'Percentage (0 to 1) of used storage above which the allocators disable a primary storage pool.',
    { unit: 'fraction', scopes: ['zone'], min: 0, max: 1 },
  ),
  setting.float(
    'pool.storage.allocated.capacity.disablethreshold',
    0.85,
    'Alert',
    'Percentage (0 to 1) of allocated storage above which the allocators disable a primary storage pool.',
    { unit: 'fraction', scopes: ['zone'], min: 0, max: 1 },
  ),
  setting.string('vm.allocation.algorithm', 'random', 'Advanced', 'Order in which hosts are tried for a new VM.', {
    enum: [
      'random',
      'firstfit',
      'userdispersing',
      'userconcentratedpod_random',
      'userconcentratedpod_firstfit',
      'firstfitleastconsumed',
    ],
  }),
] as const;

/** VM lifecycle. */
export const VM_SETTINGS = [
  setting.integer('expunge.delay', DAY, 'Advanced', 'Seconds to wait before expunging a destroyed VM.', {
    unit: 'seconds',
    min: 0,
  }),
  setting.integer('expunge.interval', DAY, 'Advanced', 'Seconds between runs of the expunge task.', {
    unit: 'seconds',
    min: 10,
  }),
  setting.integer('expunge.workers', 1, 'Advanced', 'Number of workers performing expunge.', {
    unit: 'count',
    min: 1,
    max: 64,
    isDynamic: false,
  }),
  setting.boolean(
    'allow.user.expunge.recover.vm',
    false,
    'Advanced',
    'Whether users may expunge or recover their destroyed VMs.',
    { scopes: ['account'] },
  ),
] as const;

/** Alert mail. */
export const ALERT_SETTINGS = [
  setting.string('alert.smtp.host', '', 'Alert', 'SMTP host for alert e-mails; empty disables alert mail.'),
  setting.integer('alert.smtp.port', 465, 'Alert', 'Port of the SMTP server.', { min: 1, max: 65535 }),
  setting.string('alert.smtp.username', '', 'Alert', 'Username for SMTP authentication.'),
  setting.password('alert.smtp.password', 'Alert', 'Password for SMTP authentication.'),
] as const;

/** Host agents, capacity sampling and alert thresholds of the physical model. */
export const INFRASTRUCTURE_SETTINGS = [
  setting.integer('ping.interval', 60, 'Advanced', 'Interval in seconds at which hosts are pinged (heartbeats).', {
    unit: 'seconds',
    min: 1,
    max: 3600,
  }),
  setting.float(
    'ping.timeout',
    2.5,
    'Advanced',
    'Multiplier of ping.interval after which a host that has not answered is marked Disconnected.',
    { unit: 'multiplier', min: 1, max: 100 },
  ),
  setting.integer(
    'capacity.check.period',
    300000,
    'Advanced',
    'Milliseconds between capacity checks: capacity is recomputed, sampled for history and checked against thresholds.',
    { unit: 'milliseconds', min: 1000 },
  ),
  setting.integer(
    'capacity.history.retention.days',
    30,
    'Advanced',
    'Days of capacity history kept for charts (Stackyard).',
    { unit: 'days', min: 1, max: 3650 },
  ),
  // Per-host stats history (listHostsUsageHistory): sampled from the heartbeats' host stats.
  setting.integer(
    'host.stats.interval',
    60000,
    'Advanced',
    'The interval (in milliseconds) when host stats are kept for the usage history; the stats come with the heartbeats (ping.interval), so a shorter interval keeps every heartbeat.',
    { unit: 'milliseconds', min: 1000 },
  ),
  setting.integer(
    'host.stats.history.detail.retention.hours',
    24,
    'Advanced',
    'Hours of per-host CPU and memory samples kept at host.stats.interval (Stackyard); older samples are kept only as hourly averages.',
    { unit: 'hours', min: 2, max: 8760 },
  ),
  setting.integer(
    'host.stats.history.retention.days',
    7,
    'Advanced',
    'Days of per-host CPU and memory history kept for charts, as hourly averages (Stackyard); older hours are deleted.',
    { unit: 'days', min: 1, max: 365 },
  ),
  ...(
    [
      ['cluster.storage.capacity.notificationthreshold', 'used primary storage in a cluster', ['cluster']],
      [
        'cluster.storage.allocated.capacity.notificationthreshold',
        'allocated primary storage in a cluster',
        ['cluster'],
      ],
      ['cluster.localStorage.capacity.notificationthreshold', 'used local storage in a cluster', []],
      ['pod.privateip.capacity.notificationthreshold', 'used private IPs in a pod', []],
      ['zone.virtualnetwork.publicip.capacity.notificationthreshold', 'used public IPs in a zone', []],
      ['zone.directnetwork.publicip.capacity.notificationthreshold', 'used direct-attached IPs in a zone', []],
      ['zone.secstorage.capacity.notificationthreshold', 'used secondary storage in a zone', []],
      ['zone.vlan.capacity.notificationthreshold', 'used guest VLANs in a zone', []],
    ] as const
  ).map(([name, what, scopes]) =>
    setting.float(name, 0.75, 'Alert', `Percentage (0 to 1) of ${what} above which alerts are sent.`, {
      unit: 'fraction',
      scopes,
      min: 0,
      max: 1,
    }),
  ),
  setting.integer('simulator.host.cpu.number', 16, 'Advanced', 'CPU cores of a new Simulator host (Stackyard).', {
    unit: 'count',
    min: 1,
    max: 1024,
  }),
  setting.integer(
    'simulator.host.cpu.speed',
    2400,
    'Advanced',
    'CPU speed in MHz of a new Simulator host (Stackyard).',
    { unit: 'MHz', min: 100, max: 10000 },
  ),
  setting.integer('simulator.host.memory.gb', 64, 'Advanced', 'Memory in GiB of a new Simulator host (Stackyard).', {
    unit: 'GiB',
    min: 1,
    max: 65536,
  }),
  setting.integer(
    'simulator.storage.capacity.gb',
    2048,
    'Advanced',
    'Size in GiB of a new Simulator primary storage pool or image store (Stackyard).',
    { unit: 'GiB', min: 1, max: 1048576 },
  ),
] as const;

/** The bounds of compute and disk offerings (CloudStack's names and defaults). */
export const OFFERING_SETTINGS = [
  setting.integer(
    'vm.serviceoffering.cpu.cores.max',
    0,
    'Advanced',
    'Maximum CPU cores of a compute offering; 0 for no limit.',
    { unit: 'count', min: 0 },
  ),
  setting.integer(
    'vm.serviceoffering.ram.size.max',
    0,
    'Advanced',
    'Maximum memory in MiB of a compute offering; 0 for no limit.',
    { unit: 'MiB', min: 0 },
  ),
  setting.integer(
    'storage.max.volume.size',
    2000,
    'Storage',
    'The maximum size for a volume (in GiB); a disk offering may not be larger.',
    { unit: 'GiB', min: 1 },
  ),
  setting.integer(
    'custom.diskoffering.size.min',
    1,
    'Advanced',
    'Minimum size in GiB of a volume of a customized disk offering (the offering itself has no size).',
    { unit: 'GiB', min: 1 },
  ),
  setting.integer(
    'custom.diskoffering.size.max',
    1024,
    'Advanced',
    'Maximum size in GiB of a volume of a customized disk offering (the offering itself has no size).',
    { unit: 'GiB', min: 1 },
  ),
  setting.integer(
    'network.throttling.rate',
    200,
    'Network',
    'Default data transfer rate in megabits per second allowed in a network whose offering sets none.',
    { min: 0 },
  ),
] as const;

/** Templates and ISOs: where they may be downloaded from, and the Simulator's simulated downloads. */
export const TEMPLATE_SETTINGS = [
  setting.string(
    'secstorage.allowed.internal.sites',
    '',
    'Advanced',
    'Comma-separated CIDRs of internal addresses templates and ISOs may be downloaded from; other loopback, link-local and private addresses are refused.',
  ),
  setting.integer(
    'simulator.template.download.speed',
    512,
    'Advanced',
    'Speed in MiB/s of the simulated download of a template or ISO to an image store (Stackyard).',
    { unit: 'MiB', min: 1, max: 1048576 },
  ),
  setting.integer(
    'simulator.template.download.interval',
    1000,
    'Advanced',
    'Milliseconds between two advances of the template and ISO downloads (Stackyard).',
    { unit: 'milliseconds', min: 50, max: 60000 },
  ),
] as const;

/** Every setting. Later areas append their own list here. */
export const SETTINGS = [
  ...FOUNDATION_SETTINGS,
  ...CAPACITY_SETTINGS,
  ...VM_SETTINGS,
  ...ALERT_SETTINGS,
  ...INFRASTRUCTURE_SETTINGS,
  ...OFFERING_SETTINGS,
  ...TEMPLATE_SETTINGS,
] as const;

type Registered = (typeof SETTINGS)[number];
export type SettingName = Registered['name'];
/** The value type of a registered setting, e.g. SettingValue<'session.timeout'> is number. */
export type SettingValue<N extends SettingName> = SettingValueOfType<Extract<Registered, { name: N }>['type']>;

const BY_NAME: ReadonlyMap<string, AnySettingDefinition> = (() => {
  const map = new Map<string, AnySettingDefinition>();
  for (const def of SETTINGS as readonly AnySettingDefinition[]) {
    if (map.has(def.name)) throw new Error(`setting ${def.name} declared twice`);
    map.set(def.name, def);
  }
  return map;
})();

export function settingDefinition(name: string): AnySettingDefinition | undefined {
  return BY_NAME.get(name);
}

export function allSettingDefinitions(): AnySettingDefinition[] {
  return [...BY_NAME.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A failed parse carries its catalogue message (englishText gives its English). */
export type ParsedSetting = { ok: true; value: SettingScalar } | { ok: false; message: ServerMessage };

const INTEGER_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const MAX_TEXT = 4096;

/** Validates text against a definition; error texts are safe to show (secrets are never echoed). */
export function parseSettingValue(def: AnySettingDefinition, raw: string): ParsedSetting {
  const text = raw.trim();
  const { name } = def;
  const secret = Boolean(def.isSecret);
  const shown = { name, value: raw };
  const fail = (m: ServerMessage): ParsedSetting => ({ ok: false, message: m });
  switch (def.type) {
    case 'integer':
    case 'float': {
      const ok = def.type === 'integer' ? INTEGER_RE.test(text) : FLOAT_RE.test(text);
      const value = Number(text);
      if (!ok || !Number.isFinite(value) || (def.type === 'integer' && !Number.isSafeInteger(value))) {
        if (def.type === 'integer')
          return fail(
            secret ? message('error.setting.secretNotInteger', { name }) : message('error.setting.notInteger', shown),
          );
        return fail(
          secret ? message('error.setting.secretNotNumber', { name }) : message('error.setting.notNumber', shown),
        );
      }
      const { min, max } = def;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        if (min !== undefined && max !== undefined)
          return fail(
            secret
              ? message('error.setting.secretNotBetween', { name, min, max })
              : message('error.setting.notBetween', { ...shown, min, max }),
          );
        if (min !== undefined)
          return fail(
            secret
              ? message('error.setting.secretBelowMin', { name, min })
              : message('error.setting.belowMin', { ...shown, min }),
          );
        return fail(
          secret
            ? message('error.setting.secretAboveMax', { name, max: String(max) })
            : message('error.setting.aboveMax', { ...shown, max: String(max) }),
        );
      }
      return { ok: true, value };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower !== 'true' && lower !== 'false')
        return fail(
          secret ? message('error.setting.secretNotBoolean', { name }) : message('error.setting.notBoolean', shown),
        );
      return { ok: true, value: lower === 'true' };
    }
    case 'string':
    case 'password': {
      if (raw.length > MAX_TEXT) return fail(message('error.setting.tooLong', { name, max: MAX_TEXT }));
      if (def.type === 'string' && def.enum) {
        const hit = def.enum.find((v) => v.toLowerCase() === text.toLowerCase());
        if (hit === undefined) {
          const values = def.enum.join(', ');
          return fail(
            secret
              ? message('error.setting.secretNotOneOf', { name, values })
              : message('error.setting.notOneOf', { ...shown, values }),
          );
        }
        return { ok: true, value: hit };
      }
      return { ok: true, value: raw };
    }
  }
}

/** The stored (and wire) text of a value. */
export function formatSettingValue(value: SettingScalar): string {
  return typeof value === 'string' ? value : String(value);
}

/** CloudStack's configuration value types as listConfigurations reports them. */
export const CONFIGURATION_TYPES = ['String', 'Number', 'Decimal', 'Boolean'] as const;
