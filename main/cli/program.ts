import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json';
import { registerDemoCommand } from './demo-command';
import { registerSimCommand } from './sim-command';
import { registerEngineCommands } from './engine-commands';
import { registerLedgerCommand } from './ledger-command';

/** Builds the `st-visma` command line. */
export function buildProgram(): Command {
  const program = new Command('st-visma')
    .description(
      'ServiceTitan → Visma.net ERP connector: post invoices and AP bills, keep master data aligned.',
    )
    .version(packageJson.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError();
  registerDemoCommand(program);
  registerSimCommand(program);
  registerEngineCommands(program);
  registerLedgerCommand(program);
  return program;
}

/** Runs the CLI; failures print one plain sentence and exit non-zero. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode);
    process.stderr.write(`st-visma: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
