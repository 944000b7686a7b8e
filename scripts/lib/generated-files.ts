/**
 * Files generated from code (the API contract, the state machine docs): written when they
 * differ, or, with --check, reported stale so that typecheck fails until they are regenerated.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Render = () => string | Promise<string>;

/** Writes each output that differs, or with `check` reports it; exits 1 when any is stale. */
export async function syncGeneratedFiles(
  outputs: readonly [file: string, render: Render][],
  options: { check: boolean; command: string },
): Promise<void> {
  let stale = false;
  for (const [file, render] of outputs) {
    const text = await render();
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current === text) continue;
    const shown = path.relative(process.cwd(), file);
    if (options.check) {
      console.error(`${shown} is stale: run ${options.command}`);
      stale = true;
    } else {
      fs.writeFileSync(file, text);
      console.log(`wrote ${shown}`);
    }
  }
  if (stale) process.exit(1);
}

/** Whether a script was run directly (not imported, as the tests import the generators). */
export function isMain(moduleFile: string): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(moduleFile);
}
