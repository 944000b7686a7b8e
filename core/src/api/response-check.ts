import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { AnyCommand, CommandResult } from './command';
import { withoutEmpty } from './projection';

/**
 * Checks real responses against their declared schemas. The test suite turns it on (the
 * environment variable STACKYARD_RESPONSE_CHECK names a directory): every response a command
 * gives is validated before it is serialized, a mismatch becomes an internal error (so the test
 * that caused it fails), and each checked command is recorded per database dialect, so that
 * scripts/check-response-coverage.mjs can tell which declarations no test has exercised.
 */
export class ResponseCheck {
  private static readonly shared = new Map<string, ResponseCheck>();
  /** `command` -> responses checked since the last flush. */
  private readonly seen = new Map<string, number>();
  private readonly failures: string[] = [];

  constructor(
    private readonly directory: string,
    private readonly dialect: string,
  ) {}

  /** The process's checker for a dialect when the environment asks for checks (one per process: cores come and go in tests). */
  static fromEnvironment(dialect: string): ResponseCheck | undefined {
    const directory = process.env.STACKYARD_RESPONSE_CHECK;
    if (!directory) return undefined;
    const key = `${directory}|${dialect}`;
    let check = ResponseCheck.shared.get(key);
    if (!check) {
      if (ResponseCheck.shared.size === 0) {
        process.once('exit', () => {
          for (const c of ResponseCheck.shared.values()) c.flush();
        });
      }
      check = new ResponseCheck(directory, dialect);
      ResponseCheck.shared.set(key, check);
    }
    return check;
  }

  /** Throws when the result does not match what the command declares. */
  check(def: AnyCommand, result: CommandResult): void {
    const problem = mismatch(result);
    this.seen.set(def.name, (this.seen.get(def.name) ?? 0) + 1);
    if (problem) {
      const text = `${def.name}: the response does not match its declaration: ${problem}`;
      this.failures.push(`${this.dialect}\t${text}`);
      throw new Error(text);
    }
  }

  /** Appends what was seen to this process's record (called on exit and when the core closes). */
  flush(): void {
    if (this.seen.size === 0 && this.failures.length === 0) return;
    fs.mkdirSync(this.directory, { recursive: true });
    const lines = [
      ...[...this.seen].map(([command, n]) => `seen\t${this.dialect}\t${command}\t${n}`),
      ...this.failures.map((f) => `failure\t${f}`),
    ];
    fs.appendFileSync(path.join(this.directory, `${process.pid}.tsv`), `${lines.join('\n')}\n`);
    this.seen.clear();
    this.failures.length = 0;
  }
}

function mismatch(result: CommandResult): string | undefined {
  switch (result.kind) {
    case 'list':
      for (const [i, item] of result.items.entries()) {
        // Every item of a page up to 100, then a sample: long pages (500 rows) stay cheap to check.
        if (i >= 100 && i % 20 !== 0) continue;
        const problem = result.schema && issues(result.schema, item);
        if (problem) return `${result.name}[${i}]: ${problem}`;
      }
      return undefined;
    case 'object':
      return result.schema ? prefixed(result.name, issues(result.schema, result.value)) : undefined;
    case 'raw':
      return result.schema ? issues(result.schema, result.value) : undefined;
    case 'success':
      return undefined;
  }
}

function prefixed(name: string, problem: string | undefined): string | undefined {
  return problem === undefined ? undefined : `${name}: ${problem}`;
}

function issues(schema: z.ZodType, value: unknown): string | undefined {
  const parsed = schema.safeParse(withoutEmpty(value));
  if (parsed.success) return undefined;
  return parsed.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
