// Adds up vitest JSON reports and prints one plain line: "Tests: N passed, N failed[, N skipped]".
// A file that failed without a failing test (an import error) and a run that vitest marked unsuccessful for
// another reason (an unhandled error) each count as one failure. Exits non-zero when anything failed, a report is
// missing, or nothing ran.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    let reportFailures = report.numFailedTests ?? 0;
    for (const suite of report.testResults ?? []) {
      const failedTests = (suite.assertionResults ?? []).filter((a) => a.status === 'failed').length;
      if (suite.status === 'failed' && failedTests === 0) reportFailures += 1;
    }
    if (report.success === false && reportFailures === 0) reportFailures = 1;
    failed += reportFailures;
  } catch {
    missing += 1;
    console.error(`summary: no readable report ${file}`);
  }
}
if (process.argv.length <= 2) missing += 1;
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || missing > 0 || passed === 0 ? 1 : 0);
