/**
 * Answers the simulator sent that the official spec does not allow. Each one is a simulator bug unless a test provoked
 * it on purpose (`expect`), and `stop()` fails with the rest, so every test that uses the simulator checks it.
 */
export class Violations {
  /** Every violation so far, in order. */
  readonly all: string[] = [];
  private readonly expected: RegExp[] = [];

  /** Records one violation. */
  add(text: string): void {
    this.all.push(text);
  }

  /** Marks violations matching `pattern` as provoked on purpose: they are still listed but do not fail `stop()`. */
  expect(pattern: RegExp): void {
    this.expected.push(pattern);
  }

  /** Violations nobody expected. */
  unexpected(): string[] {
    return this.all.filter((v) => !this.expected.some((p) => p.test(v)));
  }
}

/** A known gap between the spec and the real API: an answer the API gives that the spec does not describe. */
export interface KnownGap {
  status: number;
  why: string;
  source: string;
}

/**
 * Statuses the real API answers on any operation although the spec declares none of them there (its operations list
 * only 200, 400 and sometimes 404/409). Their bodies are not checked against the spec; every other answer is.
 * Listed with sources in README.md ("Known gaps between the spec and the API").
 */
export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    status: 401,
    why: 'a missing or wrong app key or access token',
    source:
      'ServiceTitan docs "Make your first API call" (ST-App-Key and token on every call); shared reference §3.9',
  },
  {
    status: 403,
    why: 'the app lacks the operation’s scope',
    source:
      'the spec’s own per-operation oauth scopes; shared reference §3.9 ("401, 403 and 429 are not modelled")',
  },
  {
    status: 404,
    why: 'the tenant in the path is unknown or belongs to other credentials, on operations that declare no 404',
    source: 'assumption (the simulator’s choice, see README "How it checks")',
  },
  {
    status: 429,
    why: 'the gateway’s rate limit, in its own body shape',
    source: 'ServiceTitan FAQ "60 calls per second per application"; shared reference §5',
  },
];

/** True when `status` is a known gap for an operation that does not declare it. */
export function isKnownGap(status: number): boolean {
  return KNOWN_GAPS.some((g) => g.status === status);
}

/** The error `stop()` rejects with when answers broke the spec. */
export class SimulatorViolationError extends Error {
  constructor(readonly violations: string[]) {
    super(
      `The ServiceTitan simulator sent ${violations.length} answer(s) the official spec does not allow (a simulator bug, ` +
        `or call sim.expectViolations(/…/) if the test provokes them on purpose):\n  ${violations.slice(0, 20).join('\n  ')}`,
    );
    this.name = 'SimulatorViolationError';
  }
}
