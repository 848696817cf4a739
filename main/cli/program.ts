import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json';
import { registerDemoCommand } from './demo-command';
import { registerSimCommand } from './sim-command';
import { registerEngineCommands } from './engine-commands';
import { registerLedgerCommand } from './ledger-command';

/** What the process running the CLI provides (the Electron app runs it too, from inside its asar). */
export interface CliHost {
  /** The built user interface for `demo` (default: `dist/renderer` of the checkout or install). */
  rendererDir?: string;
  /** `node`: argv is `[node, script, ...args]` (default); `user`: argv holds only the arguments. */
  from?: 'node' | 'user';
}

/** Builds the `st-visma` command line. */
export function buildProgram(host: CliHost = {}): Command {
  const program = new Command('st-visma')
    .description(
      'ServiceTitan → Visma.net ERP connector: post invoices and AP bills, keep master data aligned.',
    )
    .version(packageJson.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError();
  registerDemoCommand(program, host.rendererDir);
  registerSimCommand(program);
  registerEngineCommands(program);
  registerLedgerCommand(program);
  return program;
}

/** The names of the top-level commands (`sync`, `reconcile`, `review`, `demo`, …). */
export function commandNames(): string[] {
  return buildProgram().commands.map((c) => c.name());
}

/** Runs the CLI; failures print one plain sentence and exit non-zero. */
export async function main(argv: string[], host: CliHost = {}): Promise<void> {
  const program = buildProgram(host).exitOverride();
  try {
    await program.parseAsync(argv, { from: host.from ?? 'node' });
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode);
    process.stderr.write(`st-visma: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
