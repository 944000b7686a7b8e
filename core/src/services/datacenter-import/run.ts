import type { DataCenterImportCounts } from '../../api/schemas/datacenter-import';
import { responseNameOf } from '../../contract/api';
import { idFromAnswer, resolveParams as resolveRefs, wireParams } from '../../contract/zone-plan';
import { countOf, emptyCounts, type ImportPlan, type PlanStep } from './plan';
import { yieldToEventLoop } from '../event-loop';

/** The parts of a command result the runner reads (the API layer's CommandResult). */
export type StepResult =
  | { kind: 'list'; items: Record<string, unknown>[] }
  | { kind: 'object'; value: Record<string, unknown> }
  | { kind: 'success' }
  | { kind: 'raw'; value: Record<string, unknown> };

export interface RunHooks {
  /** Runs one command inline as the importing caller; throws the command's error. */
  invoke(command: string, params: Record<string, string>): Promise<StepResult>;
  /** Progress, already throttled by the runner. */
  report?(percent: number, text: string): Promise<void>;
  /** Milliseconds clock, for the throttle (tests pass a fake). */
  now?(): number;
  /** Called when a step has completed, before the next one starts: the import's journal. */
  afterStep?(done: StepDone): Promise<void>;
  /**
   * Asked for the first step of a continued run, which may have taken effect without being
   * recorded: whether its effect exists, with the id it produced. A found step is not run again.
   */
  recognize?(step: PlanStep, params: Record<string, string>): Promise<{ id?: string } | undefined>;
}

/** A completed step as the journal records it. */
export interface StepDone {
  /** 0-based. */
  index: number;
  step: PlanStep;
  /** The id the step produced, when it produces one. */
  id?: string;
  /** Counts after this step. */
  created: DataCenterImportCounts;
}

/** Where a continued run starts: the steps already done and what they produced. */
export interface RunStart {
  done: number;
  ids: Map<string, string>;
  created: DataCenterImportCounts;
}

export interface RunOutcome {
  /** Reference name -> uuid, for every step that produced one. */
  ids: Map<string, string>;
  /** By kind, as importDataCenter's result reports them. */
  created: DataCenterImportCounts;
  /** API calls made. */
  calls: number;
}

/** A step failed: the import stops there; what earlier steps created stays. */
export class StepFailure extends Error {
  constructor(
    readonly step: PlanStep,
    /** 1-based. */
    readonly index: number,
    readonly total: number,
    override readonly cause: unknown,
    readonly done: RunOutcome,
  ) {
    super(`Step ${index} of ${total} failed: ${step.label}`);
    this.name = 'StepFailure';
  }
}

/**
 * Reports progress at most once per `intervalMs`, except that a whole percent point of progress
 * is always reported; so a long import reports about a hundred lines plus one per interval.
 */
export class ProgressThrottle {
  private lastAt = Number.NEGATIVE_INFINITY;
  private lastPercent = -1;

  constructor(
    private readonly now: () => number,
    private readonly intervalMs = 200,
  ) {}

  due(percent: number): boolean {
    const at = this.now();
    const whole = Math.floor(percent);
    if (at - this.lastAt < this.intervalMs && whole <= this.lastPercent) return false;
    this.lastAt = at;
    this.lastPercent = whole;
    return true;
  }
}

/** A command result in the shape of its wire answer below `<command>response`. */
function answerOf(step: PlanStep, result: StepResult): unknown {
  const name = responseNameOf(step.command);
  if (result.kind === 'list') return { count: result.items.length, [name]: result.items };
  if (result.kind === 'object') return { [name]: result.value };
  if (result.kind === 'success') return { success: true };
  return result.value;
}

/** The id a step's result carries: the object's id, or the first listed item's id. */
export function resultId(step: PlanStep, result: StepResult): string | undefined {
  return idFromAnswer(step.command, answerOf(step, result));
}

/** The parameters of a step in wire form, with the ids of earlier steps filled in. */
export function resolveParams(step: PlanStep, ids: ReadonlyMap<string, string>): Record<string, string> {
  return wireParams(resolveRefs(step, (ref) => ids.get(ref)));
}

/** Runs one step (or recognizes it as done): the id it produced, if it produces one. */
async function runStep(
  step: PlanStep,
  ids: ReadonlyMap<string, string>,
  hooks: RunHooks,
  maybeDone: boolean,
  outcome: RunOutcome,
): Promise<{ id?: string } | Error> {
  const params = resolveParams(step, ids);
  const recognized = maybeDone && hooks.recognize ? await hooks.recognize(step, params) : undefined;
  if (recognized) return recognized;
  outcome.calls += 1;
  const result = await hooks.invoke(step.command, params);
  if (!step.produces) return {};
  const id = resultId(step, result);
  if (id !== undefined) return { id };
  return new Error(`${step.command} ${result.kind === 'list' ? 'returned an empty list' : 'returned no id'}`);
}

/**
 * Runs the plan's steps in order, each through the API (with its own checks), filling in the ids
 * earlier steps produced. Stops at the first failure with a StepFailure naming the step. With
 * `start`, continues after the steps already done, reusing the ids they produced.
 */
export async function runPlan(plan: ImportPlan, hooks: RunHooks, start?: RunStart): Promise<RunOutcome> {
  const outcome: RunOutcome = {
    ids: new Map(start?.ids ?? []),
    created: { ...(start?.created ?? emptyCounts()) },
    calls: 0,
  };
  const total = plan.steps.length;
  const first = start?.done ?? 0;
  const throttle = new ProgressThrottle(hooks.now ?? Date.now);
  for (let i = first; i < total; i++) {
    const step = plan.steps[i] as PlanStep;
    const percent = (i / Math.max(total, 1)) * 100;
    if (hooks.report && throttle.due(percent)) await hooks.report(percent, `Step ${i + 1} of ${total}: ${step.label}`);
    let ran: { id?: string } | Error;
    try {
      ran = await runStep(step, outcome.ids, hooks, start !== undefined && i === first, outcome);
    } catch (error) {
      throw new StepFailure(step, i + 1, total, error, outcome);
    }
    if (ran instanceof Error) throw new StepFailure(step, i + 1, total, ran, outcome);
    if (step.produces && ran.id !== undefined) outcome.ids.set(step.produces.ref, ran.id);
    const kind = countOf(step);
    if (kind) outcome.created[kind] += 1;
    if (hooks.afterStep) await hooks.afterStep({ index: i, step, id: ran.id, created: outcome.created });
    // better-sqlite3 is synchronous, so a run of steps would only ever queue microtasks and starve
    // timers and I/O (HTTP requests, heartbeats) for the whole import: let them in between steps.
    await yieldToEventLoop();
  }
  if (hooks.report) await hooks.report(100, `Done: ${total} steps`);
  return outcome;
}
