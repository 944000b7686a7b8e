/**
 * What a Marvin datacenter description (setup/dev/*.cfg: JSON after '#' comment lines) would
 * build, counted in the browser before anything is sent. The core validates it fully; this only
 * shows the operator what the file holds.
 */
export interface MarvinSummary {
  zones: string[];
  physicalNetworks: number;
  pods: number;
  clusters: number;
  hosts: number;
  primaryStorages: number;
  secondaryStorages: number;
  globalSettings: number;
}

export type MarvinParse = { ok: true; summary: MarvinSummary } | { ok: false; error: MarvinParseError };

export type MarvinParseError = { kind: 'empty' } | { kind: 'json'; message: string } | { kind: 'noZones' };

/** Marvin's comment lines become empty lines so JSON errors keep their line numbers. */
export function stripComments(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => (line.trimStart().startsWith('#') ? '' : line))
    .join('\n');
}

const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];

export function summarizeMarvin(text: string): MarvinParse {
  const body = stripComments(text);
  if (body.trim() === '') return { ok: false, error: { kind: 'empty' } };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: { kind: 'json', message: error instanceof Error ? error.message : String(error) } };
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    Array.isArray(json) ||
    !Array.isArray((json as { zones?: unknown }).zones)
  ) {
    return { ok: false, error: { kind: 'noZones' } };
  }
  const root = json as Record<string, unknown>;
  const summary: MarvinSummary = {
    zones: [],
    physicalNetworks: 0,
    pods: 0,
    clusters: 0,
    hosts: 0,
    primaryStorages: 0,
    secondaryStorages: 0,
    globalSettings: list(root['globalConfig']).length,
  };
  for (const zone of list(root['zones'])) {
    summary.zones.push(typeof zone['name'] === 'string' ? zone['name'] : '?');
    summary.physicalNetworks += list(zone['physical_networks']).length;
    summary.primaryStorages += list(zone['primaryStorages']).length;
    summary.secondaryStorages += list(zone['secondaryStorages']).length;
    for (const pod of list(zone['pods'])) {
      summary.pods += 1;
      for (const cluster of list(pod['clusters'])) {
        summary.clusters += 1;
        summary.hosts += list(cluster['hosts']).length;
        summary.primaryStorages += list(cluster['primaryStorages']).length;
      }
    }
  }
  return { ok: true, summary };
}
