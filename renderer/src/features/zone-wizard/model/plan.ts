import {
  discardPlan,
  planZone,
  isLookup,
  type DiscardCall,
  type RefKind,
  type ZoneCall,
} from '../../../../../core/src/contract/zone-plan';
import type { StepId, ZoneDraft } from './draft';
import { draftToSpec } from './zone-spec';

/**
 * The zone wizard's plan: the core's zone planner (core/src/contract/zone-plan) applied to the
 * draft, plus what only the wizard needs: the step each call belongs to (where to fix it when it
 * fails) and the draft fields a done call locks (its resource exists). Both come from the call's
 * part, whose key is a draft path.
 */

export interface WizardMeta {
  /** The wizard step whose inputs this call sends. */
  step: StepId;
  /** Draft field paths this call sends: once it is done, they are locked. */
  fields: string[];
}

/** A call of the plan or of the discard plan, with the wizard's step and fields. */
export type PlanCall = (ZoneCall | DiscardCall) & WizardMeta;

/** What an earlier call produced, by reference (the item's draft path: "zone", "host.<uid>" ...). */
export interface Produced {
  id: string;
  kind: RefKind;
  /** What the operator calls it (zone name, host URL ...), for the discard list. */
  label?: string;
}

export type ProducedMap = Record<string, Produced>;

export const MASK = '••••••••';

const STEP_OF_PART: Record<ZoneCall['part']['kind'], StepId> = {
  zone: 'zone',
  physicalNetwork: 'network',
  trafficType: 'network',
  provider: 'network',
  pod: 'pod',
  guestRange: 'ranges',
  publicRange: 'ranges',
  cluster: 'cluster',
  host: 'host',
  primaryStorage: 'primary',
  secondaryStorage: 'secondary',
};

/** The step and the locked fields of one call, from its part (keys are draft paths). */
export function wizardMeta(call: ZoneCall): WizardMeta {
  const { kind, key } = call.part;
  switch (call.command) {
    case 'createZone':
      return { step: 'zone', fields: ['networktype', key] };
    // Enabling the zone (when a plan does) ends it: nothing to fix in a step.
    case 'updateZone':
      return { step: 'review', fields: [] };
    case 'createPhysicalNetwork':
      return { step: 'network', fields: [`${key}.name`, `${key}.tags`] };
    // The guest VLAN range is sent when the network is enabled.
    case 'updatePhysicalNetwork':
      return { step: 'network', fields: call.params.vlan === undefined ? [] : [`${key}.vlan`] };
    default:
      return { step: STEP_OF_PART[kind], fields: kind === 'provider' ? [] : [key] };
  }
}

/** The ordered calls that create the zone the draft describes (invalid drafts give a plan too; Review blocks Apply). */
export function buildPlan(draft: ZoneDraft): PlanCall[] {
  return planZone(draftToSpec(draft)).map((call) => ({ ...call, ...wizardMeta(call) }));
}

/** Draft fields locked because a call that sent them is done (its resource exists). */
export function isFieldLocked(path: string, plan: readonly PlanCall[], done: (key: string) => boolean): boolean {
  return plan.some((call) => done(call.key) && call.fields.some((f) => path === f || path.startsWith(`${f}.`)));
}

/** Resources (not look-ups) a partial apply left, for "Discard what was created". */
export function createdResources(produced: ProducedMap): [string, Produced][] {
  return Object.entries(produced).filter(([, p]) => !isLookup(p.kind));
}

/** The calls that delete what a partial apply created, innermost first; keys are the references. */
export function buildDiscardPlan(produced: ProducedMap): PlanCall[] {
  const created = Object.entries(produced).map(([ref, p]) => ({ ref, kind: p.kind, label: p.label }));
  return discardPlan(created).map((call) => ({ ...call, step: 'review', fields: [] }));
}
