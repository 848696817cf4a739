/**
 * Runs the ServiceTitan simulator alone in its own process:
 * `node --import tsx test/simulators/servicetitan/run.ts [--seed N] [--invoices N] [--bills N] [--fixture FILE] [--port N]
 * [--token-lifetime S] [--export-end exact|until-empty] [--export-page-size N] [--no-retry-after]
 * [--anchor-date ISO] [--span-days N]`.
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
    'export-end': { type: 'string' },
    'export-page-size': { type: 'string' },
    'no-retry-after': { type: 'boolean' },
    'anchor-date': { type: 'string' },
    'span-days': { type: 'string' },
  },
});
const exportEnd = values['export-end'];
if (exportEnd !== undefined && exportEnd !== 'exact' && exportEnd !== 'until-empty')
  throw new Error(`--export-end must be exact or until-empty, not ${exportEnd}.`);
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const sim = await startServiceTitanSimulator({
  seed: num(values.seed),
  invoices: num(values.invoices),
  bills: num(values.bills),
  fixture: values.fixture,
  port: num(values.port),
  tokenLifetimeSeconds: num(values['token-lifetime']),
  exportEnd,
  exportPageSize: num(values['export-page-size']),
  retryAfterHeader: values['no-retry-after'] ? false : undefined,
  anchorDate: values['anchor-date'],
  spanDays: num(values['span-days']),
});
process.stdout.write(
  `${JSON.stringify({ ...sim.connection(), baseUrl: sim.baseUrl, tenants: sim.tenants })}\n`,
);
const stop = () => void sim.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
