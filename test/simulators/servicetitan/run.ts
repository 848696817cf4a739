/**
 * Runs the ServiceTitan simulator alone in its own process:
 * `node --import tsx test/simulators/servicetitan/run.ts [--seed N] [--invoices N] [--bills N] [--fixture FILE] [--port N] [--token-lifetime S]`.
 * Prints one JSON line with the connection details, then serves until stopped.
 */
import { parseArgs } from 'node:util';
import { startServiceTitanSimulator } from './index';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    invoices: { type: 'string' },
    bills: { type: 'string' },
    fixture: { type: 'string' },
    port: { type: 'string' },
    'token-lifetime': { type: 'string' },
  },
});
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const sim = await startServiceTitanSimulator({
  seed: num(values.seed),
  invoices: num(values.invoices),
  bills: num(values.bills),
  fixture: values.fixture,
  port: num(values.port),
  tokenLifetimeSeconds: num(values['token-lifetime']),
});
process.stdout.write(
  `${JSON.stringify({ ...sim.connection(), baseUrl: sim.baseUrl, tenants: sim.tenants })}\n`,
);
const stop = () => void sim.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
