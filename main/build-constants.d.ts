/** Build-time constants: scripts/build-main.mjs defines them in the bundles; from source (tsx, vitest) they are undefined. */

/** False in the production bundles: the test hooks (crash points) are compiled out. Undefined from source: hooks on. */
declare const __TEST_HOOKS__: boolean | undefined;

/** The demo simulators bundle, relative to the bundle that loads it. Undefined from source: load test/simulators/. */
declare const __DEMO_SIMULATORS__: string | undefined;

/** The sync worker's bundle, relative to the engine bundle. Undefined from source: the TypeScript entry via tsx. */
declare const __SYNC_WORKER__: string | undefined;
