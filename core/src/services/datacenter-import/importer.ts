import { MarvinConfigError, parseMarvinConfig, toInvalidConfig, type ParsedMarvinConfig } from './marvin-config';
import { displayParams, planImport, type ImportPlan, type PlanStep } from './plan';
import { runPlan, type RunHooks, type RunOutcome } from './run';

export interface PreparedImport {
  parsed: ParsedMarvinConfig;
  plan: ImportPlan;
}

/**
 * The datacenter import (importDataCenter) as its command handler uses it. The plan's steps are
 * API calls: the handler runs them through its own invoke, with every command's checks.
 */
export class DatacenterImportService {
  /** Parses, validates and plans; a bad description is a 431 naming the JSON paths. */
  prepare(config: string): PreparedImport {
    try {
      const parsed = parseMarvinConfig(config);
      return { parsed, plan: planImport(parsed.config) };
    } catch (error) {
      if (error instanceof MarvinConfigError) throw toInvalidConfig(error);
      throw error;
    }
  }

  /** A step's parameters as a dry run shows them (credentials masked). */
  displayParams(step: PlanStep): Record<string, string> {
    return displayParams(step);
  }

  /** Runs the plan's steps in order; stops at the first failure with a StepFailure. */
  run(plan: ImportPlan, hooks: RunHooks): Promise<RunOutcome> {
    return runPlan(plan, hooks);
  }
}
