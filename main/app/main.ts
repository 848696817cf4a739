// Electron entry point (bundled to dist/main/app/main.cjs): everything happens in lifecycle.ts.
import { runApp } from './lifecycle';

runApp();
