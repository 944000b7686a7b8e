import { useState } from 'react';
import { OFFERING_STEPS, type OfferingStep, type Problems } from '../lib/checks';

/**
 * What every offering wizard keeps: its draft, the step shown, and the steps already left (a
 * step's problems show once it has been left, then live as the operator types, not while first typing).
 */
export function useOfferingWizard<D>(initial: () => D) {
  const [draft, setDraft] = useState<D>(initial);
  const [step, setStep] = useState<OfferingStep>('basics');
  const [visited, setVisited] = useState<ReadonlySet<OfferingStep>>(() => new Set());
  return {
    draft,
    step,
    visited,
    patch: (next: Partial<D>) => setDraft((d) => ({ ...d, ...next })),
    goTo: (next: OfferingStep) => {
      setVisited((v) => new Set([...v, step]));
      setStep(next);
    },
    /** Shows every step's problems; true when there are none and the request may go. */
    checkAll: (problems: Record<OfferingStep, Problems>) => {
      setVisited(new Set(OFFERING_STEPS));
      return OFFERING_STEPS.every((s) => Object.keys(problems[s]).length === 0);
    },
  };
}
