import { z } from 'zod';
import { invalidParameter } from '../../domain/errors';
import { englishText, message, type ServerMessage } from '../../domain/messages';
import { ipv4Problem } from '../../contract/zone-plan';
import { canonicalHypervisor, HYPERVISORS, TRAFFIC_TYPES, type Hypervisor } from '../../domain/infrastructure';

/**
 * The datacenter description of CloudStack's Marvin tooling (setup/dev/*.cfg): JSON after '#'
 * comment lines, with zones > physical networks, pods > clusters > hosts and storage, and global
 * settings. This module parses and validates it into a typed model; plan.ts turns the model into
 * API calls. Marvin's own files carry strings for booleans ("true"), numbers in places (ports) and,
 * when written by its config generator, null for unset attributes: all of these are accepted.
 */

export interface MarvinTrafficType {
  /** Guest | Management | Public | Storage, as CloudStack spells it. */
  typ: (typeof TRAFFIC_TYPES)[number];
  kvm?: string;
  xen?: string;
  vmware?: string;
  hyperv?: string;
  ovm3?: string;
  /** Marvin's simulator label: CloudStack's addTrafficType has no such parameter; kept for the record. */
  simulator?: string;
}

export interface MarvinProvider {
  name: string;
  broadcastdomainrange?: string;
  /** External devices (NetScaler, SRX ...): not supported; their presence is a warning. */
  hasDevices: boolean;
}

export interface MarvinPhysicalNetwork {
  name: string;
  broadcastdomainrange?: string;
  vlan?: string;
  isolationmethods: string[];
  tags: string[];
  traffictypes: MarvinTrafficType[];
  providers: MarvinProvider[];
}

export interface MarvinIpRange {
  gateway: string;
  netmask: string;
  startip: string;
  endip?: string;
  vlan?: string;
}

export interface MarvinHost {
  url: string;
  username?: string;
  password?: string;
  hosttags?: string;
}

export interface MarvinPrimaryStorage {
  name: string;
  url: string;
  tags?: string;
  /** 'cluster' (default inside a cluster) or 'zone'. */
  scope?: 'cluster' | 'zone';
  hypervisor?: string;
  provider?: string;
  details: { key: string; value: string }[];
}

export interface MarvinCluster {
  clustername: string;
  hypervisor: Hypervisor;
  clustertype: string;
  hosts: MarvinHost[];
  primaryStorages: MarvinPrimaryStorage[];
}

export interface MarvinPod {
  name: string;
  gateway: string;
  netmask: string;
  startip: string;
  endip?: string;
  guestIpRanges: MarvinIpRange[];
  clusters: MarvinCluster[];
}

export interface MarvinSecondaryStorage {
  url: string;
  provider: string;
  name?: string;
  details: { key: string; value: string }[];
}

export interface MarvinZone {
  name: string;
  networktype: 'Basic' | 'Advanced';
  dns1?: string;
  dns2?: string;
  internaldns1?: string;
  internaldns2?: string;
  guestcidraddress?: string;
  domain?: string;
  securitygroupenabled: boolean;
  localstorageenabled?: boolean;
  /** Marvin enables the zone unless `enabled` says otherwise. */
  enabled: boolean;
  physical_networks: MarvinPhysicalNetwork[];
  ipranges: MarvinIpRange[];
  pods: MarvinPod[];
  primaryStorages: MarvinPrimaryStorage[];
  secondaryStorages: MarvinSecondaryStorage[];
}

export interface MarvinGlobalSetting {
  name: string;
  value: string;
}

export interface MarvinConfig {
  zones: MarvinZone[];
  globalConfig: MarvinGlobalSetting[];
}

export interface ParsedMarvinConfig {
  config: MarvinConfig;
  /** Parts of the description this build ignores (vmwaredc, cache storages, s3 ...). */
  warnings: string[];
}

/**
 * A description that cannot be imported; the message names the JSON path of each problem (the
 * first ten). The problems are free text (paths and what is wrong there): the catalogue message
 * carries them as a parameter.
 */
export class MarvinConfigError extends Error {
  readonly problems: string[];
  readonly translatable: ServerMessage;

  constructor(problems: string[]) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length - 10;
    const translatable =
      more > 0
        ? message('error.datacenterImport.invalidConfigMore', { problems: shown, more })
        : message('error.datacenterImport.invalidConfig', { problems: shown });
    super(englishText(translatable));
    this.name = 'MarvinConfigError';
    this.problems = problems;
    this.translatable = translatable;
  }
}

/** Top-level keys of Marvin's files that describe its own test run, not the cloud. */
const IGNORED_TOP_LEVEL = new Set(['dbSvr', 'logger', 'mgtSvr', 'TestData', 'ApiLoadCfg']);

// ---- field builders: null and "" mean "not given"; numbers are accepted where text is expected ----

const unset = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function asText(v: unknown): unknown {
  if (unset(v)) return undefined;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return v.trim();
  return v;
}

const text = () => z.preprocess(asText, z.string());
const optText = () => z.preprocess(asText, z.string().optional());

/** "true"/"false" in any case, or a JSON boolean. */
const optBool = () =>
  z.preprocess((v) => {
    if (unset(v)) return undefined;
    if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
    return v;
  }, z.boolean().optional());

/** A JSON array of strings, or one comma-separated string. */
const textList = () =>
  z.preprocess(
    (v) => {
      if (unset(v)) return [];
      if (typeof v === 'string') return v.split(',');
      return v;
    },
    z.array(z.preprocess(asText, z.string().optional())).transform((a) => a.filter((s): s is string => !!s)),
  );

/** An array that may be absent or null (empty). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === null || v === undefined ? [] : v), z.array(item));

/** Marvin's `details`: an object of key/values, or a list of {key, value} or of one-key objects. */
const details = () =>
  z.preprocess(
    (v) => {
      if (v === null || v === undefined) return [];
      if (Array.isArray(v)) {
        return v.flatMap((e) => {
          if (e && typeof e === 'object' && 'key' in e && 'value' in e) return [e];
          if (e && typeof e === 'object') return Object.entries(e).map(([key, value]) => ({ key, value }));
          return [e];
        });
      }
      if (typeof v === 'object') return Object.entries(v).map(([key, value]) => ({ key, value }));
      return v;
    },
    z.array(z.object({ key: text(), value: z.preprocess((v) => (v === null ? '' : (asText(v) ?? '')), z.string()) })),
  );

function matchOne<const T extends readonly string[]>(values: T) {
  return (v: string, ctx: z.RefinementCtx): T[number] => {
    const hit = values.find((x) => x.toLowerCase() === v.toLowerCase());
    if (hit === undefined) {
      ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')} (found "${v}")` });
      return z.NEVER;
    }
    return hit;
  };
}

/** One of the values, matched case-insensitively, returned as spelt in `values`. */
const oneOf = <const T extends readonly string[]>(values: T) =>
  z.preprocess(asText, z.string().transform(matchOne(values)));

const optOneOf = <const T extends readonly string[]>(values: T) =>
  z.preprocess(asText, z.string().transform(matchOne(values)).optional());

/** The zone planner's address check (contract/zone-plan), worded as this parser words problems. */
function checkIpv4(v: string, ctx: z.RefinementCtx): void {
  if (ipv4Problem(v)) ctx.addIssue({ code: 'custom', message: `must be an IPv4 address (found "${v}")` });
}

const ipv4 = () => z.preprocess(asText, z.string().superRefine(checkIpv4));

const optIpv4 = () => z.preprocess(asText, z.string().superRefine(checkIpv4).optional());

const hypervisor = () =>
  z.preprocess(
    asText,
    z.string().transform((v, ctx) => {
      const hit = canonicalHypervisor(v);
      if (hit === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `"${v}" is not a hypervisor this build supports (${HYPERVISORS.join(', ')})`,
        });
        return z.NEVER;
      }
      return hit;
    }),
  );

// ---- the schema ----

const ipRangeSchema = z.object({
  gateway: ipv4(),
  netmask: ipv4(),
  startip: ipv4(),
  endip: optIpv4(),
  vlan: optText(),
});

const primaryStorageSchema = z.object({
  name: text(),
  url: text(),
  tags: textList().transform((t) => (t.length > 0 ? t.join(',') : undefined)),
  scope: optOneOf(['cluster', 'zone'] as const),
  hypervisor: optText(),
  provider: optText(),
  details: details(),
});

const clusterSchema = z.object({
  clustername: text(),
  hypervisor: hypervisor(),
  clustertype: z.preprocess(
    (v) => (unset(v) ? 'CloudManaged' : v),
    oneOf(['CloudManaged', 'ExternalManaged'] as const),
  ),
  hosts: list(
    z.object({
      url: text(),
      username: optText(),
      password: optText(),
      hosttags: textList().transform((t) => (t.length > 0 ? t.join(',') : undefined)),
    }),
  ),
  primaryStorages: list(primaryStorageSchema),
});

const podSchema = z.object({
  name: text(),
  gateway: ipv4(),
  netmask: ipv4(),
  startip: ipv4(),
  endip: optIpv4(),
  guestIpRanges: list(ipRangeSchema),
  clusters: list(clusterSchema),
});

const physicalNetworkSchema = z.object({
  name: text(),
  broadcastdomainrange: optText(),
  vlan: optText(),
  isolationmethods: textList(),
  tags: textList(),
  traffictypes: list(
    z.object({
      typ: oneOf(TRAFFIC_TYPES),
      kvm: optText(),
      xen: optText(),
      vmware: optText(),
      hyperv: optText(),
      ovm3: optText(),
      simulator: optText(),
    }),
  ),
  providers: list(
    z
      .object({ name: text(), broadcastdomainrange: optText(), devices: z.unknown().optional() })
      .transform(({ devices, ...rest }) => ({
        ...rest,
        hasDevices: Array.isArray(devices) ? devices.length > 0 : devices !== null && devices !== undefined,
      })),
  ),
});

const zoneSchema = z.object({
  name: text(),
  networktype: oneOf(['Basic', 'Advanced'] as const),
  dns1: optText(),
  dns2: optText(),
  internaldns1: optText(),
  internaldns2: optText(),
  guestcidraddress: optText(),
  domain: optText(),
  securitygroupenabled: optBool().transform((b) => b ?? false),
  localstorageenabled: optBool(),
  enabled: optBool().transform((b) => b ?? true),
  physical_networks: list(physicalNetworkSchema),
  ipranges: list(ipRangeSchema),
  pods: list(podSchema),
  primaryStorages: list(primaryStorageSchema),
  secondaryStorages: list(
    z.object({
      url: text(),
      provider: z.preprocess((v) => (unset(v) ? 'NFS' : v), text()),
      name: optText(),
      details: details(),
    }),
  ),
});

const configSchema = z.object({
  zones: list(zoneSchema),
  globalConfig: list(
    z.object({
      name: text(),
      value: z.preprocess(
        (v) => (typeof v === 'boolean' ? String(v) : v === null ? undefined : asTextKeepEmpty(v)),
        z.string(),
      ),
    }),
  ),
});

/** A setting may be set to the empty string on purpose (e.g. to clear it). */
function asTextKeepEmpty(v: unknown): unknown {
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return v;
}

// ---- parsing ----

/** "zones[0].pods[1].clusters[2].hosts[3].url" */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list (JSON array)',
  object: 'an object',
};

function issueText(issue: z.core.$ZodIssue): string {
  const where = jsonPath(issue.path);
  const message = issue.message;
  if (!where) return `the description ${message}`;
  return `${where} ${message}`;
}

/**
 * Removes Marvin's comment lines (first non-blank character '#'). They become empty lines, so a
 * JSON error's line number still points at the file's line.
 */
export function stripComments(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trimStart().startsWith('#') ? '' : line))
    .join('\n');
}

/** Parses and validates a Marvin datacenter description; throws MarvinConfigError. */
export function parseMarvinConfig(source: string): ParsedMarvinConfig {
  const body = stripComments(source.replace(/^\uFEFF/, ''));
  if (body.trim() === '') throw new MarvinConfigError(['the description is empty']);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new MarvinConfigError([`the description is not valid JSON: ${(error as Error).message}`]);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new MarvinConfigError(['the description must be a JSON object with a "zones" list']);
  }
  const parsed = configSchema.safeParse(json, {
    error: (iss) => {
      if (iss.code === 'invalid_type') {
        if (iss.input === undefined) return 'is required';
        return `must be ${ARTICLE[iss.expected] ?? iss.expected}`;
      }
      return undefined;
    },
  });
  if (!parsed.success) throw new MarvinConfigError(parsed.error.issues.map(issueText));
  const config: MarvinConfig = parsed.data;
  return { config, warnings: collectWarnings(json as Record<string, unknown>, config) };
}

function collectWarnings(raw: Record<string, unknown>, config: MarvinConfig): string[] {
  const warnings: string[] = [];
  for (const key of Object.keys(raw)) {
    if (key === 'zones' || key === 'globalConfig' || IGNORED_TOP_LEVEL.has(key)) continue;
    if (raw[key] === null || raw[key] === undefined) continue;
    warnings.push(`${key}: not supported by this build; ignored`);
  }
  const rawZones = Array.isArray(raw.zones) ? (raw.zones as Record<string, unknown>[]) : [];
  rawZones.forEach((zone, zi) => {
    const at = `zones[${zi}]`;
    if (zone.vmwaredc !== undefined && zone.vmwaredc !== null) {
      warnings.push(`${at}.vmwaredc: VMware datacenters are not supported by this build; ignored`);
    }
    if (Array.isArray(zone.cacheStorages) && zone.cacheStorages.length > 0) {
      warnings.push(`${at}.cacheStorages: secondary staging stores are not supported by this build; ignored`);
    }
    if (zone.details !== undefined && zone.details !== null) {
      warnings.push(`${at}.details: zone details are not supported by this build; ignored`);
    }
    const pods = Array.isArray(zone.pods) ? (zone.pods as Record<string, unknown>[]) : [];
    pods.forEach((pod, pi) => {
      if (pod.vmwaredc !== undefined && pod.vmwaredc !== null) {
        warnings.push(`${at}.pods[${pi}].vmwaredc: VMware datacenters are not supported by this build; ignored`);
      }
    });
  });
  if (config.zones.length === 0) warnings.push('zones: the description has no zones; only global settings are applied');
  return warnings;
}

/** For the API layer: the same failure as a CloudStack invalid-parameter error on `config`. */
export function toInvalidConfig(error: MarvinConfigError) {
  return invalidParameter('DATACENTER.IMPORT.INVALID_CONFIG', error.translatable);
}
