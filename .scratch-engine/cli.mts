import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { startServiceTitanSimulator } from '../test/simulators/servicetitan';
import { startVismaSimulator } from '../test/simulators/visma';
import { configFor } from '../test/integration/engine/harness';
let t = Date.now();
const [st, visma] = await Promise.all([startServiceTitanSimulator({ seed: 1, invoices: 30, bills: 10 }), startVismaSimulator({ seed: 1 })]);
console.log('sims', Date.now() - t);
const dir = mkdtempSync(join(tmpdir(), 'cli-'));
writeFileSync(join(dir, 'config.json'), JSON.stringify(configFor(st, visma)));
t = Date.now();
try {
  const out = execFileSync('node', ['bin/st-visma.mjs', 'sync', '--config', join(dir, 'config.json'), '--data-dir', dir], { encoding: 'utf8' });
  console.log(out, Date.now() - t);
  console.log(execFileSync('node', ['bin/st-visma.mjs', 'review', '--config', join(dir, 'config.json'), '--data-dir', dir], { encoding: 'utf8' }).slice(0, 800));
  console.log(execFileSync('node', ['bin/st-visma.mjs', 'mappings', 'export', '-', '--config', join(dir, 'config.json'), '--data-dir', dir], { encoding: 'utf8' }).slice(0, 300));
} catch (e) { console.log('ERR', (e as {stderr?: string}).stderr, (e as {stdout?: string}).stdout); }
await st.stop(); await visma.stop();
