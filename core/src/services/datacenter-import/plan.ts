import { displayParams as shownParams, planZone, type CallOf, type ZoneCall } from '../../contract/zone-plan';
import { englishText } from '../../domain/messages';
import { parseSettingValue, settingDefinition } from '../../domain/settings-registry';
import { MarvinConfigError, type MarvinConfig } from './marvin-config';
import { zoneSpecOf } from './zone-spec';

/** What a step adds to the import's `created` counts when it succeeds. */
export const CREATED_KINDS = [
  'configurations',
  'zones',
  'physicalnetworks',
  'traffictypes',
  'networkserviceproviders',
  'pods',
  'vlanipranges',
  'clusters',
  'hosts',
  'storagepools',
  'imagestores',
] as const;
export type CreatedKind = (typeof CREATED_KINDS)[number];
export type CreatedCounts = Record<CreatedKind, number>;

/**
 * One API call of the import: a global setting, or a call of a zone's plan (the same planner as
 * the zone wizard's). Labels name the part of the description a step comes from.
 */
export type PlanStep = ZoneCall | CallOf<'updateConfiguration'>;

export interface ImportPlan {
  steps: PlanStep[];
  /** Parts of the description that are skipped (unknown settings, unsupported providers ...). */
  warnings: string[];
  /** Each zone and the reference its id is kept under. */
  zones: { name: string; ref: string }[];
  /** What the plan creates when every step succeeds. */
  totals: CreatedCounts;
}

export function emptyCounts(): CreatedCounts {
  return Object.fromEntries(CREATED_KINDS.map((k) => [k, 0])) as CreatedCounts;
}

/** The kind a successful step counts (enabling a provider counts it; look-ups count nothing). */
const COUNTS: Partial<Record<PlanStep['command'], CreatedKind>> = {
  updateConfiguration: 'configurations',
  createZone: 'zones',
  createPhysicalNetwork: 'physicalnetworks',
  addTrafficType: 'traffictypes',
  updateNetworkServiceProvider: 'networkserviceproviders',
  createPod: 'pods',
  createVlanIpRange: 'vlanipranges',
  addCluster: 'clusters',
  addHost: 'hosts',
  createStoragePool: 'storagepools',
  addImageStore: 'imagestores',
};

export function countOf(step: PlanStep): CreatedKind | undefined {
  return COUNTS[step.command];
}

/** Known settings become updateConfiguration steps; unknown ones warnings; invalid values problems. */
function settingSteps(config: MarvinConfig, warnings: string[]): PlanStep[] {
  const steps: PlanStep[] = [];
  const problems: string[] = [];
  config.globalConfig.forEach((setting, i) => {
    const at = `globalConfig[${i}]`;
    const def = settingDefinition(setting.name);
    if (!def) {
      warnings.push(`${at}: setting ${setting.name} is not known to this build; skipped`);
      return;
    }
    const parsed = parseSettingValue(def, setting.value);
    if (!parsed.ok) {
      problems.push(`${at}.value: ${englishText(parsed.message)}`);
      return;
    }
    steps.push({
      key: `updateConfiguration:${at}`,
      command: 'updateConfiguration',
      params: { name: def.name, value: setting.value },
      label: `Set global setting ${def.name} (${at})`,
    });
  });
  if (problems.length > 0) throw new MarvinConfigError(problems);
  return steps;
}

/**
 * Turns a parsed description into the ordered API calls that build it: known global settings
 * first (as Marvin applies them), then each zone's plan from the zone planner (contract/zone-plan),
 * the same order the zone wizard uses. Pure: nothing is looked up. Throws MarvinConfigError for a
 * known setting with an invalid value.
 */
export function planImport(config: MarvinConfig): ImportPlan {
  const warnings: string[] = [];
  const steps = settingSteps(config, warnings);
  const zones: ImportPlan['zones'] = [];
  config.zones.forEach((zone, zi) => {
    const ref = `zones[${zi}]`;
    zones.push({ name: zone.name, ref });
    // One by one: a 100k-host zone has too many calls to spread into push's arguments.
    for (const call of planZone(zoneSpecOf(zone, ref, warnings))) steps.push(call);
  });
  const totals = emptyCounts();
  for (const step of steps) {
    const kind = countOf(step);
    if (kind) totals[kind] += 1;
  }
  return { steps, warnings, zones, totals };
}

export const MASK = '******';

/**
 * A step's parameters as a dry run and messages show them: secrets masked (host passwords,
 * secret details, credentials in URLs) and references as {{reference}}.
 */
export function displayParams(step: PlanStep): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of shownParams(step, MASK)) {
    out[name] = typeof value === 'string' ? value : `{{${value.ref}}}`;
  }
  return out;
}
