import { startHarness } from '../test/integration/engine/harness';
import { listReview } from '../main/engine/review';

const h = await startHarness({ st: { invoices: Number(process.argv[2] ?? 500), bills: Number(process.argv[3] ?? 150) } });
const t0 = Date.now();
try {
  h.visma.resetCounters();
  const s = await h.sync();
  console.log(JSON.stringify(s.documents), s.calls, Date.now() - t0);
  console.log(h.visma.counters().byEndpoint);
  const r = listReview(h.db, 'test');
  const by = new Map<string, number>();
  for (const i of r) by.set(i.reason, (by.get(i.reason) ?? 0) + 1);
  console.log(by);
  const seen = new Set<string>();
  for (const i of r) if (!seen.has(i.reason)) { seen.add(i.reason); console.log(i.sourceType, i.reason, i.text); }
  h.visma.resetCounters();
  const s2 = await h.sync();
  console.log(JSON.stringify(s2.documents), s2.calls);
  console.log(h.visma.counters().byEndpoint);
} finally {
  await h.stop();
}
