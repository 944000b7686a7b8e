// Prints one closing line for the whole suite: "tests: N passed, N failed, N skipped".
import fs from 'node:fs';

const [vitestFile, playwrightFile, ...failedSteps] = process.argv.slice(2);
const read = (f) => (f && fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : undefined);

let passed = 0;
let failed = 0;
let skipped = 0;
const v = read(vitestFile);
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
const p = read(playwrightFile);
if (p?.stats) {
  passed += p.stats.expected ?? 0;
  failed += (p.stats.unexpected ?? 0) + (p.stats.flaky ?? 0);
  skipped += p.stats.skipped ?? 0;
}
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
if (!v) console.log('no unit test results were written');
if (!p) console.log('no end-to-end results were written');
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length || failed || !v || !p ? 1 : 0);
