import type { ContractViolation } from './server';

/** Violations a test provokes on purpose: they do not fail `stop()`. Fields left out match anything. */
export interface ViolationMatcher {
  kind?: ContractViolation['kind'];
  operationId?: string;
  /** A RegExp, or text the problem must contain (case-insensitive). */
  problem?: string | RegExp;
}

/**
 * Known gaps between the official description and the real API, accepted everywhere (each with its source). Anything
 * else the simulator notices is a violation.
 */
export const KNOWN_GAPS = [
  {
    id: 'local-date-times',
    gap: "date-time values carry no offset although the description's format is RFC 3339 date-time",
    source:
      'Visma DOCS examples ("2025-11-08T00:00:00"); omniboost/go-visma.net 862c880 "send transactionDate without timezone"',
    handling: 'the validator accepts date-times without offset (spec.ts)',
  },
  {
    id: 'no-content-body',
    gap: '204 answers are declared with a JSON object body but carry none',
    source: 'RFC 9110 §15.3.5 (a 204 has no content); Visma DOCS etag how-to ("success → 204 + new ETag")',
    handling: 'answers without a body are not validated against the declared schema (server.ts)',
  },
] as const;

/** Splits violations into single problems and keeps those no matcher allows. */
export function unexpectedProblems(
  violations: ContractViolation[],
  allowed: ViolationMatcher[],
): ContractViolation[] {
  const out: ContractViolation[] = [];
  for (const v of violations) {
    const problems = v.problems.filter((problem) => !allowed.some((m) => matches(m, v, problem)));
    if (problems.length) out.push({ ...v, problems });
  }
  return out;
}

function matches(m: ViolationMatcher, v: ContractViolation, problem: string): boolean {
  if (m.kind !== undefined && m.kind !== v.kind) return false;
  if (m.operationId !== undefined && m.operationId !== v.operationId) return false;
  if (m.problem === undefined) return true;
  return typeof m.problem === 'string'
    ? problem.toLowerCase().includes(m.problem.toLowerCase())
    : m.problem.test(problem);
}

/** The error `stop()` rejects with: every unexpected problem on its own line. */
export function violationError(unexpected: ContractViolation[]): Error {
  const lines = unexpected.flatMap((v) => v.problems.map((p) => `- ${v.kind} ${v.operationId}: ${p}`));
  return new Error(
    `The Visma simulator saw ${lines.length} contract problem(s) the test did not expect ` +
      `(allow deliberate ones with expectViolations):\n${lines.join('\n')}`,
  );
}
