import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { emptyDraft, type StepId, type ZoneDraft } from '../model/draft';
import type { PlanCall, Produced, ProducedMap } from '../model/plan';

export type CallState = 'pending' | 'running' | 'done' | 'failed';

export interface CallProgress {
  state: CallState;
  errortext?: string;
  errorcode?: number;
  jobid?: string;
}

/**
 * editing: nothing applied or resumable; applying / discarding: calls running; failed: a call
 * failed (resume or discard); done: every call ran.
 */
export type Phase = 'editing' | 'applying' | 'failed' | 'done' | 'discarding';

export interface WizardState {
  draft: ZoneDraft;
  step: StepId;
  /** Steps the operator has left once: their errors show in full and the rail marks them. */
  visited: StepId[];
  /** Fields the operator typed in: their errors show at once. */
  touched: Record<string, true>;
  /** Per plan call key. */
  progress: Record<string, CallProgress>;
  /** Ids the calls produced, by reference name ("zone", "pod", "host:<uid>" ...). */
  produced: ProducedMap;
  /** Per produced reference while discarding. */
  discardProgress: Record<string, CallProgress>;
  /** The deletions of "Discard what was created", fixed when the discard starts. */
  discardPlan: PlanCall[];
  phase: Phase;

  update(change: (draft: ZoneDraft) => void): void;
  setDraft(draft: ZoneDraft): void;
  goTo(step: StepId): void;
  markVisited(step: StepId): void;
  touch(path: string): void;
  setCall(key: string, progress: CallProgress): void;
  addProduced(ref: string, produced: Produced): void;
  removeProduced(ref: string): void;
  setDiscard(ref: string, progress: CallProgress): void;
  setPhase(phase: Phase): void;
  /** Forgets everything (only when nothing was created or it was all discarded). */
  reset(draft?: ZoneDraft): void;
}

const initial = (draft: ZoneDraft = emptyDraft()) => ({
  draft,
  step: 'type' as StepId,
  visited: [] as StepId[],
  touched: {} as Record<string, true>,
  progress: {} as Record<string, CallProgress>,
  produced: {} as ProducedMap,
  discardProgress: {} as Record<string, CallProgress>,
  discardPlan: [] as PlanCall[],
  phase: 'editing' as Phase,
});

/** A session store that tolerates being unavailable (tests, locked-down browsers). */
function safeSessionStorage(): Storage {
  try {
    if (typeof sessionStorage !== 'undefined') return sessionStorage;
  } catch {
    // fall through
  }
  const memory = new Map<string, string>();
  return {
    get length() {
      return memory.size;
    },
    clear: () => memory.clear(),
    getItem: (k) => memory.get(k) ?? null,
    key: (i) => [...memory.keys()][i] ?? null,
    removeItem: (k) => void memory.delete(k),
    setItem: (k, v) => void memory.set(k, v),
  };
}

/** What survives a reload: everything but host passwords (kept in memory only) and the actions. */
function persisted(s: ReturnType<typeof initial>) {
  return {
    draft: { ...s.draft, hosts: s.draft.hosts.map((h) => ({ ...h, password: '' })) },
    step: s.step,
    visited: s.visited,
    touched: s.touched,
    progress: s.progress,
    produced: s.produced,
    discardProgress: s.discardProgress,
    discardPlan: s.discardPlan,
    phase: s.phase,
  };
}

/**
 * The wizard draft (docs/architecture.md: Zustand for UI state). It survives navigating away and
 * back, and a reload of the tab (sessionStorage), so ids of what a partial apply created are
 * never lost; host passwords are kept in memory only.
 */
export const useWizardStore = create<WizardState>()(
  persist(
    (set) => ({
      ...initial(),
      update: (change) =>
        set((s) => {
          const draft = structuredClone(s.draft);
          change(draft);
          return { draft };
        }),
      setDraft: (draft) => set({ draft }),
      goTo: (step) => set({ step }),
      markVisited: (step) => set((s) => (s.visited.includes(step) ? s : { visited: [...s.visited, step] })),
      touch: (path) => set((s) => (s.touched[path] ? s : { touched: { ...s.touched, [path]: true } })),
      setCall: (key, progress) => set((s) => ({ progress: { ...s.progress, [key]: progress } })),
      addProduced: (ref, produced) => set((s) => ({ produced: { ...s.produced, [ref]: produced } })),
      removeProduced: (ref) =>
        set((s) => {
          const produced = { ...s.produced };
          delete produced[ref];
          return { produced };
        }),
      setDiscard: (ref, progress) => set((s) => ({ discardProgress: { ...s.discardProgress, [ref]: progress } })),
      setPhase: (phase) => set({ phase }),
      reset: (draft) => set(initial(draft)),
    }),
    {
      name: 'stackyard.zone-wizard',
      // 2: call keys and references follow the zone planner (core/src/contract/zone-plan).
      version: 2,
      storage: createJSONStorage(safeSessionStorage),
      partialize: (s) => persisted(s),
      // A wizard of an earlier version starts over (its calls had other keys).
      migrate: () => persisted(initial()),
      // A reload cuts a running call short: whether it took effect is unknown, so it reads failed.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<WizardState>;
        const interrupted = (m: Record<string, CallProgress> | undefined) =>
          Object.fromEntries(
            Object.entries(m ?? {}).map(([k, v]) => [
              k,
              v.state === 'running' ? { state: 'failed' as const, errortext: 'Interrupted by a reload' } : v,
            ]),
          );
        const phase = p.phase === 'applying' ? 'failed' : p.phase === 'discarding' ? 'failed' : p.phase;
        return {
          ...current,
          ...p,
          progress: interrupted(p.progress),
          discardProgress: interrupted(p.discardProgress),
          phase: phase ?? current.phase,
        };
      },
    },
  ),
);
