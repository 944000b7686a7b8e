import type { Params } from '../../../lib/contract';
import {
  MAX_INTEGER,
  MIN_MEMORY_MIB,
  nameProblems,
  scopeParams,
  scopeProblems,
  tagProblem,
  tagsOf,
  wholeNumber,
  type Creator,
  type Problems,
  type OfferingDraft,
  type OfferingStep,
} from './checks';

/** How a compute offering is sized: fixed, or chosen by the user within bounds, or freely. */
export type SizeKind = 'fixed' | 'constrained' | 'unconstrained';

/** The compute offering wizard's draft: numbers as typed, so a half-typed value stays on screen. */
export interface ComputeDraft extends OfferingDraft {
  sizeKind: SizeKind;
  cpunumber: string;
  cpuspeed: string;
  memory: string;
  mincpunumber: string;
  maxcpunumber: string;
  minmemory: string;
  maxmemory: string;
  offerha: boolean;
  limitcpuuse: boolean;
  isvolatile: boolean;
  hosttags: string;
  storagetags: string;
  networkrate: string;
}

export function emptyComputeDraft(domainAdmin: boolean, ownDomainId: string): ComputeDraft {
  return {
    name: '',
    displaytext: '',
    sizeKind: 'fixed',
    cpunumber: '1',
    cpuspeed: '1000',
    memory: '1024',
    mincpunumber: '1',
    maxcpunumber: '4',
    minmemory: '512',
    maxmemory: '8192',
    storagetype: 'shared',
    provisioningtype: 'thin',
    offerha: false,
    limitcpuuse: false,
    isvolatile: false,
    hosttags: '',
    storagetags: '',
    networkrate: '',
    public: !domainAdmin,
    domainids: domainAdmin ? [ownDomainId] : [],
    allZones: true,
    zoneids: [],
  };
}

const SUBJECT_RESOURCE = 'service offering';

/** The size step: a fixed size, or all the bounds of a constrained custom offering, in range. */
function sizeProblems(draft: ComputeDraft, name: string): Problems {
  const size: Problems = {};
  const number = (field: keyof ComputeDraft & string, required = true) => {
    const value = wholeNumber(String(draft[field]));
    if (value === undefined) {
      if (required) size[field] = { ui: 'offerings.error.required' };
      return undefined;
    }
    if (Number.isNaN(value)) {
      size[field] = { ui: 'offerings.error.wholeNumber' };
      return undefined;
    }
    return value;
  };
  const max = String(MAX_INTEGER);
  if (draft.sizeKind === 'fixed') {
    const cpu = number('cpunumber');
    const speed = number('cpuspeed');
    const memory = number('memory');
    if (cpu !== undefined && (cpu < 1 || cpu > MAX_INTEGER))
      size['cpunumber'] = { server: 'error.serviceOffering.badCpuNumber', params: { name, max } };
    if (speed !== undefined && (speed < 0 || speed > MAX_INTEGER))
      size['cpuspeed'] = { server: 'error.serviceOffering.badCpuSpeed', params: { name, max } };
    if (memory !== undefined && (memory < MIN_MEMORY_MIB || memory > MAX_INTEGER))
      size['memory'] = {
        server: 'error.serviceOffering.badMemory',
        params: { name, min: String(MIN_MEMORY_MIB), max },
      };
  } else if (draft.sizeKind === 'constrained') {
    const speed = number('cpuspeed');
    const minCpu = number('mincpunumber');
    const maxCpu = number('maxcpunumber');
    const minMem = number('minmemory');
    const maxMem = number('maxmemory');
    if (speed !== undefined && (speed < 0 || speed > MAX_INTEGER))
      size['cpuspeed'] = { server: 'error.serviceOffering.badCpuSpeed', params: { name, max } };
    for (const [field, value] of [
      ['mincpunumber', minCpu],
      ['maxcpunumber', maxCpu],
    ] as const) {
      if (value !== undefined && (value < 1 || value > MAX_INTEGER))
        size[field] = { server: 'error.serviceOffering.badCpuBounds', params: { name, max } };
    }
    for (const [field, value] of [
      ['minmemory', minMem],
      ['maxmemory', maxMem],
    ] as const) {
      if (value !== undefined && (value < MIN_MEMORY_MIB || value > MAX_INTEGER))
        size[field] = { server: 'error.serviceOffering.badMemory', params: { name, min: String(MIN_MEMORY_MIB), max } };
    }
    if (
      minCpu !== undefined &&
      maxCpu !== undefined &&
      !size['maxcpunumber'] &&
      !size['mincpunumber'] &&
      minCpu > maxCpu
    )
      size['maxcpunumber'] = {
        server: 'error.serviceOffering.cpuBoundsReversed',
        params: { name, min: String(minCpu), max: String(maxCpu) },
      };
    if (minMem !== undefined && maxMem !== undefined && !size['maxmemory'] && !size['minmemory'] && minMem > maxMem)
      size['maxmemory'] = {
        server: 'error.serviceOffering.memoryBoundsReversed',
        params: { name, min: String(minMem), max: String(maxMem) },
      };
  }
  return size;
}

/**
 * The problems of each step, as createServiceOffering would find them (same checks, same
 * message keys), so the wizard refuses what the API refuses before sending it.
 */
export function computeProblems(draft: ComputeDraft, creator: Creator): Record<OfferingStep, Problems> {
  const name = draft.name.trim();
  const subject = { resource: SUBJECT_RESOURCE, name };
  const size = sizeProblems(draft, name);

  const storage: Problems = {};
  if (draft.offerha && draft.storagetype === 'local')
    storage['offerha'] = { server: 'error.serviceOffering.localHa', params: {} };
  const rate = wholeNumber(draft.networkrate);
  if (rate !== undefined && Number.isNaN(rate)) storage['networkrate'] = { ui: 'offerings.error.wholeNumber' };
  else if (rate !== undefined && rate < 0)
    storage['networkrate'] = { server: 'error.serviceOffering.negativeNetworkRate', params: { name } };
  const hostTags = tagProblem(draft.hosttags, creator, subject);
  if (hostTags) storage['hosttags'] = hostTags;
  const storageTags = tagProblem(draft.storagetags, creator, subject);
  if (storageTags) storage['storagetags'] = storageTags;

  return {
    basics: nameProblems(draft.name),
    size,
    storage,
    scope: scopeProblems(draft, creator, subject),
    review: {},
  };
}

const numberOf = (text: string) => wholeNumber(text);

/** The createServiceOffering parameters of a (valid) draft: nothing the operator left empty is sent. */
export function computeParams(draft: ComputeDraft): Params<'createServiceOffering'> {
  const size =
    draft.sizeKind === 'fixed'
      ? {
          customized: false,
          cpunumber: numberOf(draft.cpunumber),
          cpuspeed: numberOf(draft.cpuspeed),
          memory: numberOf(draft.memory),
        }
      : draft.sizeKind === 'constrained'
        ? {
            customized: true,
            cpuspeed: numberOf(draft.cpuspeed),
            mincpunumber: numberOf(draft.mincpunumber),
            maxcpunumber: numberOf(draft.maxcpunumber),
            minmemory: numberOf(draft.minmemory),
            maxmemory: numberOf(draft.maxmemory),
          }
        : { customized: true };
  return {
    name: draft.name.trim(),
    displaytext: draft.displaytext.trim() || undefined,
    ...size,
    storagetype: draft.storagetype,
    provisioningtype: draft.provisioningtype,
    offerha: draft.offerha || undefined,
    limitcpuuse: draft.limitcpuuse || undefined,
    isvolatile: draft.isvolatile || undefined,
    hosttags: tagsOf(draft.hosttags),
    tags: tagsOf(draft.storagetags),
    networkrate: numberOf(draft.networkrate),
    ...scopeParams(draft),
  };
}
