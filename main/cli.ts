/** Entry point of the `st-visma` command line. */
import { main } from './cli/program';

await main(process.argv);
