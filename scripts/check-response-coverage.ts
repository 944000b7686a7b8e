/**
 * After the test suite: every command that declares its response must have had real responses
 * checked against that declaration, on every database the run used, and none may have failed.
 * The records come from the response check the suite turns on (core/src/api/response-check.ts).
 *   npx tsx scripts/check-response-coverage.ts <record directory> <dialect> [<dialect> ...]
 */
import fs from 'node:fs';
import path from 'node:path';
import { ALL_COMMANDS } from '../core/src/api/commands/index';

const [directory, ...dialects] = process.argv.slice(2);
if (!directory || dialects.length === 0) {
  console.error('usage: check-response-coverage.ts <record directory> <dialect> [<dialect> ...]');
  process.exit(2);
}

const counts = new Map<string, number>();
const failures: string[] = [];
const files = fs.existsSync(directory) ? fs.readdirSync(directory).filter((f) => f.endsWith('.tsv')) : [];
for (const file of files) {
  for (const line of fs.readFileSync(path.join(directory, file), 'utf8').split('\n')) {
    const [kind, dialect, command, n] = line.split('\t');
    if (kind === 'seen' && dialect && command) {
      counts.set(`${dialect} ${command}`, (counts.get(`${dialect} ${command}`) ?? 0) + Number(n));
    } else if (kind === 'failure') failures.push(line.slice('failure\t'.length));
  }
}

const declared = ALL_COMMANDS.map((c) => c.name);
const missing = dialects.flatMap((d) => declared.filter((c) => !counts.has(`${d} ${c}`)).map((c) => `${d} ${c}`));
const total = [...counts.values()].reduce((a, b) => a + b, 0);

console.log(
  `response check: ${total} responses of ${declared.length} commands checked against their declarations on ${dialects.join(' and ')}`,
);
for (const f of failures) console.error(`mismatch: ${f}`);
for (const m of missing) console.error(`no response checked: ${m}`);
if (failures.length > 0 || missing.length > 0) process.exit(1);
