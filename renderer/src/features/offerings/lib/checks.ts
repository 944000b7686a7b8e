import type { ServerMessageKey } from '../../../lib/contract';
import type { MessageKey } from '../../../lib/i18n';

/**
 * A problem the wizard finds before anything is sent: either one of the UI's own texts, or the
 * very message (key and parameters) the core would refuse the request with, so the operator
 * reads the same words before and after submitting.
 */
export type Problem =
  | { ui: MessageKey; vars?: Record<string, string | number> }
  | { server: ServerMessageKey; params: Record<string, string> };

/** Problems by field name; a field without a problem has no entry. */
export type Problems = Partial<Record<string, Problem>>;

/** The largest value of CloudStack's integer offering fields (Java's Integer.MAX_VALUE). */
export const MAX_INTEGER = 2_147_483_647;
/** The smallest memory, in MiB, CloudStack lets a compute offering have. */
export const MIN_MEMORY_MIB = 32;
export const MAX_NAME_LENGTH = 255;

/** A whole number typed into a field: undefined when empty, NaN when not a whole number. */
export function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : NaN;
}

/** Comma-separated tags as the core stores them: trimmed, no empty ones; undefined when none. */
export function tagsOf(text: string): string | undefined {
  const tags = text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  return tags.length > 0 ? tags.join(',') : undefined;
}

/** The caller as the access checks need it. */
export interface Creator {
  /** A domain admin (not a root admin): no public offerings, no tags. */
  domainAdmin: boolean;
  account: string;
}

/** The name step, shared by both wizards. */
export function nameProblems(name: string): Problems {
  const problems: Problems = {};
  if (!name.trim()) problems['name'] = { ui: 'offerings.error.required' };
  else if (name.trim().length > MAX_NAME_LENGTH) problems['name'] = { ui: 'offerings.error.nameTooLong' };
  return problems;
}

/** Where an offering is offered, as a draft holds it. */
export interface ScopeDraft {
  public: boolean;
  domainids: string[];
  allZones: boolean;
  zoneids: string[];
}

/** What every offering wizard's draft has: its name, and where its volumes live and how. */
export interface OfferingDraft extends ScopeDraft {
  name: string;
  displaytext: string;
  storagetype: 'shared' | 'local';
  provisioningtype: 'thin' | 'sparse' | 'fat';
}

/** The steps every offering wizard has, in order, around its own. */
export const OFFERING_STEPS = ['basics', 'size', 'storage', 'scope', 'review'] as const;
export type OfferingStep = (typeof OFFERING_STEPS)[number];

/** The scope step: domains or zones picked when not public / not everywhere; domain admins name domains. */
export function scopeProblems(
  draft: ScopeDraft,
  creator: Creator,
  subject: { resource: string; name: string },
): Problems {
  const problems: Problems = {};
  if (draft.public && creator.domainAdmin) {
    problems['domainids'] = {
      server: 'error.offering.publicByDomainAdmin',
      params: { ...subject, caller: creator.account },
    };
  } else if (!draft.public && draft.domainids.length === 0)
    problems['domainids'] = { ui: 'offerings.error.pickDomain' };
  if (!draft.allZones && draft.zoneids.length === 0) problems['zoneids'] = { ui: 'offerings.error.pickZone' };
  return problems;
}

/** The scope's parameters: none for public / every zone, as CloudStack takes them. */
export function scopeParams(draft: ScopeDraft): { domainid?: string[]; zoneid?: string[] } {
  return {
    domainid: draft.public ? undefined : draft.domainids,
    zoneid: draft.allZones ? undefined : draft.zoneids,
  };
}

/** A tag field a domain admin may not fill. */
export function tagProblem(tags: string, creator: Creator, subject: { resource: string; name: string }) {
  return creator.domainAdmin && tagsOf(tags) !== undefined
    ? ({ server: 'error.offering.taggedByDomainAdmin', params: { ...subject, caller: creator.account } } as const)
    : undefined;
}
