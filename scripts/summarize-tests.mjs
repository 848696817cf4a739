// Adds up vitest JSON reports and prints one plain line: "Tests: N passed, N failed[, N skipped]".
// Exits non-zero when a test failed, a report is missing, or nothing ran.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } catch {
    missing += 1;
    console.error(`summary: no readable report ${file}`);
  }
}
if (process.argv.length <= 2) missing += 1;
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || missing > 0 || passed === 0 ? 1 : 0);
