import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { STEP_IDS, stepOfField, type StepId, type ZoneDraft } from '../model/draft';
import { buildPlan, isFieldLocked, type PlanCall, type ProducedMap } from '../model/plan';
import { validateDraft, type FieldError, type FieldErrors } from '../model/validators';
import { useServerErrors } from '../store/server-errors';
import { useWizardStore, type CallProgress, type Phase } from '../store/wizard-store';

export type StepStatus = 'idle' | 'valid' | 'error' | 'running' | 'failed' | 'created';

export interface WizardModel {
  draft: ZoneDraft;
  update(change: (draft: ZoneDraft) => void): void;
  step: StepId;
  steps: readonly StepId[];
  plan: PlanCall[];
  progress: Record<string, CallProgress>;
  produced: ProducedMap;
  phase: Phase;
  /** Client and server errors, shown or not. */
  errors: FieldErrors;
  /** The error to show under a field (after the operator typed in it or left its step). */
  error(path: string): FieldError | undefined;
  locked(path: string): boolean;
  touch(path: string): void;
  errorCount(step: StepId): number;
  /** Errors of the step the operator can see now (typed-in fields, or all once the step was left). */
  shownCount(step: StepId): number;
  status(step: StepId): StepStatus;
  goTo(step: StepId): void;
  next(): void;
  back(): void;
  /** Apply or discard is running. */
  busy: boolean;
  /** A discard began: only finishing it is offered. */
  discarding: boolean;
}

const WizardContext = createContext<WizardModel | null>(null);

export function useWizard(): WizardModel {
  const model = useContext(WizardContext);
  if (!model) throw new Error('useWizard outside the zone wizard');
  return model;
}

/** Computes validation, plan and per-step state once for the whole page. */
export function WizardProvider({ children }: { children: ReactNode }) {
  const s = useWizardStore();
  const serverErrors = useServerErrors((x) => x.errors);
  const { draft, progress, produced, phase, visited, touched, step } = s;

  const plan = useMemo(() => buildPlan(draft), [draft]);
  const clientErrors = useMemo(() => validateDraft(draft), [draft]);
  const errors = useMemo(() => ({ ...serverErrors, ...clientErrors }), [serverErrors, clientErrors]);
  const discarding = phase === 'discarding' || s.discardPlan.length > 0;
  const busy = phase === 'applying' || phase === 'discarding';
  const done = useCallback((key: string) => progress[key]?.state === 'done', [progress]);
  const locked = useCallback(
    (path: string) => busy || discarding || isFieldLocked(path, plan, done),
    [busy, discarding, plan, done],
  );

  const model = useMemo<WizardModel>(() => {
    const inStep = (st: StepId) => Object.keys(errors).filter((p) => stepOfField(p) === st);
    // Errors of created (locked) fields cannot be acted on; they do not count.
    const errorCount = (st: StepId) =>
      st === 'review'
        ? Object.keys(errors).filter((p) => !isFieldLocked(p, plan, done)).length
        : inStep(st).filter((p) => !isFieldLocked(p, plan, done)).length;
    const isShown = (path: string) =>
      touched[path] === true || visited.includes(stepOfField(path)) || step === 'review';
    const shownCount = (st: StepId) => inStep(st).filter((p) => isShown(p) && !isFieldLocked(p, plan, done)).length;
    const callsOf = (st: StepId) => plan.filter((c) => c.step === st);
    const status = (st: StepId): StepStatus => {
      const calls = callsOf(st);
      if (calls.some((c) => progress[c.key]?.state === 'failed')) return 'failed';
      if (calls.some((c) => progress[c.key]?.state === 'running')) return 'running';
      if (st === 'review') return phase === 'done' ? 'created' : 'idle';
      // The zone type is sent by createZone.
      if (st === 'type' && plan.some((c) => c.command === 'createZone' && progress[c.key]?.state === 'done')) {
        return 'created';
      }
      if (calls.length > 0 && calls.every((c) => progress[c.key]?.state === 'done')) return 'created';
      if (errorCount(st) > 0) return shownCount(st) > 0 ? 'error' : 'idle';
      return visited.includes(st) ? 'valid' : 'idle';
    };
    const leave = () => s.markVisited(step);
    const index = STEP_IDS.indexOf(step);
    return {
      draft,
      update: s.update,
      step,
      steps: STEP_IDS,
      plan,
      progress,
      produced,
      phase,
      errors,
      error: (path) => {
        const e = errors[path];
        if (!e) return undefined;
        return isShown(path) ? e : undefined;
      },
      locked,
      touch: s.touch,
      errorCount,
      shownCount,
      status,
      goTo: (target) => {
        leave();
        s.goTo(target);
      },
      next: () => {
        leave();
        if (errorCount(step) > 0) return;
        const following = STEP_IDS[index + 1];
        if (following) s.goTo(following);
      },
      back: () => {
        leave();
        const previous = STEP_IDS[index - 1];
        if (previous) s.goTo(previous);
      },
      busy,
      discarding,
    };
  }, [draft, s, step, plan, progress, produced, phase, errors, touched, visited, locked, busy, discarding, done]);

  return <WizardContext.Provider value={model}>{children}</WizardContext.Provider>;
}
