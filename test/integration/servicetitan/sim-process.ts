import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { SimConnection } from '../../simulators/servicetitan';

/** Starts the simulator in a child process (so memory measured here is the client's alone). */
export async function startSimulatorProcess(
  args: string[],
): Promise<{ connection: SimConnection & { baseUrl: string }; stop(): Promise<void> }> {
  const script = fileURLToPath(new URL('../../simulators/servicetitan/run.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\n');
      if (end >= 0) resolve(buffer.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return {
    connection: JSON.parse(line) as SimConnection & { baseUrl: string },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
