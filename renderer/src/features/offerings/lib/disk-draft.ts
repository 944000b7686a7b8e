import type { Params } from '../../../lib/contract';
import {
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

/** The disk offering wizard's draft. A custom offering has no size: the volume gives it. */
export interface DiskDraft extends OfferingDraft {
  customized: boolean;
  disksize: string;
  tags: string;
  displayoffering: boolean;
}

export function emptyDiskDraft(domainAdmin: boolean, ownDomainId: string): DiskDraft {
  return {
    name: '',
    displaytext: '',
    customized: false,
    disksize: '20',
    storagetype: 'shared',
    provisioningtype: 'thin',
    tags: '',
    displayoffering: true,
    public: !domainAdmin,
    domainids: domainAdmin ? [ownDomainId] : [],
    allZones: true,
    zoneids: [],
  };
}

/**
 * createDiskOffering's checks: a fixed offering has a size of at least 1 GiB (and at most
 * storage.max.volume.size when known), a custom one none.
 */
export function diskProblems(
  draft: DiskDraft,
  creator: Creator,
  maxVolumeGiB?: number,
): Record<OfferingStep, Problems> {
  const name = draft.name.trim();
  const subject = { resource: 'disk offering', name };
  const size: Problems = {};
  if (!draft.customized) {
    const value = wholeNumber(draft.disksize);
    if (value === undefined) size['disksize'] = { server: 'error.diskOffering.sizeRequired', params: {} };
    else if (Number.isNaN(value)) size['disksize'] = { ui: 'offerings.error.wholeNumber' };
    else if (value <= 0) size['disksize'] = { server: 'error.diskOffering.sizeTooSmall', params: {} };
    else if (maxVolumeGiB !== undefined && value > maxVolumeGiB)
      size['disksize'] = { server: 'error.diskOffering.sizeTooLarge', params: { max: String(maxVolumeGiB) } };
  }
  const storage: Problems = {};
  const tags = tagProblem(draft.tags, creator, subject);
  if (tags) storage['tags'] = tags;
  return {
    basics: nameProblems(draft.name),
    size,
    storage,
    scope: scopeProblems(draft, creator, subject),
    review: {},
  };
}

export function diskParams(draft: DiskDraft): Params<'createDiskOffering'> {
  return {
    name: draft.name.trim(),
    displaytext: draft.displaytext.trim() || undefined,
    customized: draft.customized,
    disksize: draft.customized ? undefined : wholeNumber(draft.disksize),
    storagetype: draft.storagetype,
    provisioningtype: draft.provisioningtype,
    tags: tagsOf(draft.tags),
    displayoffering: draft.displayoffering ? undefined : false,
    ...scopeParams(draft),
  };
}
