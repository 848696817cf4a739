// Electron entry point (bundled to dist/main/app/main.cjs). Started with a CLI command (`<app> sync --config … --json`)
// it is the `st-visma` command line, with no window (cli-mode.ts); otherwise the app (lifecycle.ts).
import { cliArguments, runCliMode } from './cli-mode';
import { runApp } from './lifecycle';

const cliArgs = cliArguments(process.argv, process.defaultApp === true);
if (cliArgs) void runCliMode(cliArgs);
else runApp();
