import type { Command } from 'commander';
import { runUntilStopped } from './run-until-stopped';
import { startSimulators } from './simulators';
import { intOption } from './options';
import { readSimBehaviour } from './sim-behaviour';

/** `st-visma sim`: both simulators on free ports; `--json` prints one line, a profile config `sync --config` accepts. */
export function registerSimCommand(program: Command): void {
  program
    .command('sim')
    .description(
      'Start the ServiceTitan and Visma simulators (for the demo, tests and scripts) and run until stopped.',
    )
    .option('--json', 'print one line: a complete profile config for `st-visma sync --config`')
    .option('--seed <n>', 'seed of the generated company', intOption, 1)
    .option('--invoices <n>', 'number of ServiceTitan invoices to generate', intOption)
    .option('--bills <n>', 'number of ServiceTitan AP bills to generate', intOption)
    .option('--fixture <file>', 'load the ServiceTitan company from a JSON fixture instead of generating one')
    .option('--visma-fixture <file>', 'load the Visma company from a JSON fixture')
    .option(
      '--port <n>',
      'ServiceTitan simulator port (Visma uses the next one); free ports by default',
      intOption,
    )
    .option(
      '--behaviour <file>',
      'simulator switches as JSON: {"servicetitan": {…}, "visma": {…}} (release mode, fiscal calendar, paging…)',
    )
    .action(
      async (opts: {
        json?: boolean;
        seed: number;
        invoices?: number;
        bills?: number;
        fixture?: string;
        vismaFixture?: string;
        port?: number;
        behaviour?: string;
      }) => {
        const { behaviour, ...rest } = opts;
        const sims = await startSimulators({
          ...rest,
          ...(behaviour && { behaviour: readSimBehaviour(behaviour) }),
        });
        if (opts.json) {
          process.stdout.write(JSON.stringify(sims.config) + '\n');
        } else {
          process.stdout.write(
            [
              'Simulators are running (Ctrl+C to stop).',
              `  ServiceTitan API: ${sims.config.servicetitan.apiBaseUrl}  (tenant ${sims.config.servicetitan.tenantId})`,
              `  Visma API:        ${sims.config.visma.apiBaseUrl}  (company ${sims.config.visma.companyId})`,
              'Run with --json to get a profile config for `st-visma sync --config`.',
              '',
            ].join('\n'),
          );
        }
        await runUntilStopped(() => sims.stop());
      },
    );
}
