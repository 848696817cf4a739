import type { ChannelOutput, ChannelParsedInput } from '../../../../shared/contract/channels';
import type {
  ImportPlanView,
  LinkRowView,
  MappingRuleView,
  RecordKind,
  RecordView,
} from '../../../../shared/contract';

/** What the fake holds for the mapping tabs: link rows per kind, picker records, and an import answer. */
export interface MappingSeed {
  links?: Partial<Record<'customer' | 'supplier', LinkRowView[]>>;
  records?: Partial<Record<RecordKind, RecordView[]>>;
  /** What `mappings.import` answers (before `applied` is set from the input and the refusals). */
  importPlan?: Omit<ImportPlanView, 'applied'>;
}

type NewChannels =
  | 'mappings.links'
  | 'mappings.link'
  | 'mappings.acceptAbove'
  | 'mappings.records'
  | 'mappings.export'
  | 'mappings.import';

type Fake = {
  [N in NewChannels]: (input: ChannelParsedInput<N>) => ChannelOutput<N>;
};

const refusal = (message: string) => Object.assign(new Error(message), { code: 'invalid_input' });

/** The mapping channels over in-memory rows, refusing links the way main does (by name). */
export function mappingHandlers(seed: MappingSeed, rules: () => MappingRuleView[]): Fake {
  const links = {
    customer: [...(seed.links?.customer ?? [])],
    supplier: [...(seed.links?.supplier ?? [])],
  };
  const records = seed.records ?? {};
  return {
    'mappings.links': (q) => {
      const text = q.search?.trim().toLowerCase() ?? '';
      const found = links[q.kind].filter(
        (r) =>
          !text ||
          [r.stId, r.stName ?? '', r.vismaKey ?? '', r.vismaName ?? ''].some((v) =>
            v.toLowerCase().includes(text),
          ),
      );
      const counts = { matched: 0, suggested: 0, left: 0 };
      for (const r of found) counts[r.status]++;
      const rows = found.filter((r) => !q.status || r.status === q.status);
      const key = (r: LinkRowView): string | number =>
        q.sort === 'confidence'
          ? (r.suggestion?.confidence ?? -1)
          : q.sort === 'st'
            ? Number(r.stId)
            : (r.stName ?? '');
      rows.sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = x < y ? -1 : x > y ? 1 : 0;
        return q.direction === 'desc' ? -order : order;
      });
      const blocked = links[q.kind].filter((r) => r.status !== 'matched' && r.waiting > 0);
      return {
        rows: rows.slice(q.offset, q.offset + q.limit),
        offset: q.offset,
        total: rows.length,
        counts,
        blocking: { parties: blocked.length, documents: blocked.reduce((n, r) => n + r.waiting, 0) },
      };
    },
    'mappings.link': (input) => {
      const row = links[input.kind].find((r) => r.stId === input.stId);
      if (!row) throw Object.assign(new Error(`No party ${input.stId}.`), { code: 'not_found' });
      if (input.vismaKey !== null) {
        const record = records[input.kind]?.find((r) => r.key === input.vismaKey);
        if (!record) throw refusal(`Visma has no ${input.kind} ${input.vismaKey}.`);
        if (!record.active)
          throw refusal(`Visma ${input.kind} ${input.vismaKey} "${record.name}" is inactive.`);
        Object.assign(row, {
          status: 'matched',
          vismaKey: record.key,
          vismaName: record.name,
          suggestion: null,
        });
      } else Object.assign(row, { status: 'left', vismaKey: null, vismaName: null });
      return { stId: input.stId, vismaKey: input.vismaKey };
    },
    'mappings.acceptAbove': (input) => {
      let accepted = 0;
      for (const row of links[input.kind]) {
        if (row.status === 'suggested' && (row.suggestion?.confidence ?? 0) >= input.threshold) {
          Object.assign(row, { status: 'matched', suggestion: null, origin: 'user' });
          accepted++;
        }
      }
      return { accepted, skipped: 0 };
    },
    'mappings.records': (input) => {
      const text = input.search?.trim().toLowerCase() ?? '';
      const found = (records[input.kind] ?? []).filter(
        (r) => !text || r.key.toLowerCase().includes(text) || r.name.toLowerCase().includes(text),
      );
      return { records: found.slice(0, input.limit), total: found.length };
    },
    'mappings.export': (input) => ({
      filename: `mappings-${input.profileId}.${input.format}`,
      content: JSON.stringify(rules()),
    }),
    'mappings.import': (input) => {
      const plan = seed.importPlan ?? { adds: [], changes: [], removals: [], refusals: [], unchanged: 0 };
      return { ...plan, applied: input.apply && plan.refusals.length === 0 };
    },
  };
}
