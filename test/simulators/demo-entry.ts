/**
 * What `st-visma demo` and `st-visma sim` load at run time: from source as is, in a build as the separate bundle
 * dist/main/demo/simulators/index.cjs (scripts/build-main.mjs). The engine and the contract never import it.
 */
export { startServiceTitanSimulator } from './servicetitan';
export { startVismaSimulator } from './visma';
export { SEED_MAPPINGS } from './seed-mappings';
