import type { DataCenterImportCounts } from '../../api/schemas/datacenter-import';
import { emptyCounts, type ImportPlan, type PlanStep } from './plan';

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

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The id a step's result carries: the object's id, or the first listed item's id. */
export function resultId(result: StepResult): string | undefined {
  let value: Record<string, unknown> | undefined;
  if (result.kind === 'object') value = result.value;
  else if (result.kind === 'list') value = result.items[0];
  else if (result.kind === 'raw') {
    // Async-style raw bodies: { jobid, id } or the object under its name.
    value = typeof result.value.id === 'string' ? result.value : undefined;
  }
  const id = value?.id;
  return typeof id === 'string' ? id : undefined;
}

/** The parameters of a step with the ids of earlier steps filled in. */
export function resolveParams(step: PlanStep, ids: ReadonlyMap<string, string>): Record<string, string> {
  const params = { ...step.params };
  for (const [name, ref] of Object.entries(step.refs)) {
    const id = ids.get(ref);
    if (id === undefined) throw new Error(`plan error: ${step.label} needs ${ref}, which no earlier step produced`);
    params[name] = id;
  }
  return params;
}

/**
 * Runs the plan's steps in order, each through the API (with its own checks), filling in the ids
 * earlier steps produced. Stops at the first failure with a StepFailure naming the step.
 */
export async function runPlan(plan: ImportPlan, hooks: RunHooks): Promise<RunOutcome> {
  const outcome: RunOutcome = { ids: new Map(), created: emptyCounts(), calls: 0 };
  const total = plan.steps.length;
  const throttle = new ProgressThrottle(hooks.now ?? Date.now);
  for (let i = 0; i < total; i++) {
    const step = plan.steps[i] as PlanStep;
    const percent = (i / Math.max(total, 1)) * 100;
    if (hooks.report && throttle.due(percent)) await hooks.report(percent, `Step ${i + 1} of ${total}: ${step.label}`);
    let result: StepResult;
    try {
      const params = resolveParams(step, outcome.ids);
      outcome.calls += 1;
      result = await hooks.invoke(step.command, params);
    } catch (error) {
      throw new StepFailure(step, i + 1, total, error, outcome);
    }
    if (step.produces) {
      const id = resultId(result);
      if (id === undefined) {
        const what = result.kind === 'list' ? 'returned an empty list' : 'returned no id';
        throw new StepFailure(step, i + 1, total, new Error(`${step.command} ${what}`), outcome);
      }
      outcome.ids.set(step.produces, id);
    }
    if (step.counts) outcome.created[step.counts] += 1;
    // better-sqlite3 is synchronous, so a run of steps would only ever queue microtasks and starve
    // timers and I/O (HTTP requests, heartbeats) for the whole import: let them in between steps.
    await yieldToEventLoop();
  }
  if (hooks.report) await hooks.report(100, `Done: ${total} steps`);
  return outcome;
}
