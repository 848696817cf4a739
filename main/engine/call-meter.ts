import type { StPort, VismaPort } from './ports';

/** Calls made to each system (token requests included). */
export interface SystemCalls {
  servicetitan: number;
  visma: number;
}

/** What a run's calls were spent on: per phase, with the token requests among them counted apart too. */
export interface CallBreakdown {
  /**
   * Calls per phase in the order the phases ran (`alignment`, `masterdata`, `intake`, `post`, `export`, …); `other`
   * holds calls made outside every phase, so the phases add up to the run's totals.
   */
  byPhase: Record<string, SystemCalls>;
  /** Token requests (already counted in the phase that needed the token). */
  tokens: SystemCalls;
}

type Counted = Pick<StPort, 'callCount' | 'tokenCount'> | Pick<VismaPort, 'callCount' | 'tokenCount'>;

/**
 * Counts the calls of a run per phase from the ports' own counters. Phases run one after the other, so the
 * difference of the counters across a phase is exactly what that phase sent — retries and tokens included.
 */
export class CallMeter {
  private readonly start: { st: number; visma: number; stTokens: number; vismaTokens: number };
  private readonly phases = new Map<string, SystemCalls>();

  constructor(private readonly ports: { st: Counted; visma: Counted }) {
    this.start = this.read();
  }

  /** Runs `work` and books the calls it made to `phase` (a phase that runs twice adds up). */
  async measure<T>(phase: string, work: () => T | Promise<T>): Promise<T> {
    const before = this.read();
    try {
      return await work();
    } finally {
      const after = this.read();
      const booked = this.phases.get(phase) ?? { servicetitan: 0, visma: 0 };
      booked.servicetitan += after.st - before.st;
      booked.visma += after.visma - before.visma;
      this.phases.set(phase, booked);
    }
  }

  /** Every call since the meter was made. */
  totals(): SystemCalls {
    const now = this.read();
    return { servicetitan: now.st - this.start.st, visma: now.visma - this.start.visma };
  }

  /** The calls per phase and the token requests since the meter was made. */
  breakdown(): CallBreakdown {
    const now = this.read();
    const byPhase = Object.fromEntries([...this.phases].map(([phase, calls]) => [phase, { ...calls }]));
    // Calls made between phases (none today) still show, so the phases always add up to the totals.
    const total = this.totals();
    const booked = Object.values(byPhase).reduce(
      (sum, c) => ({ servicetitan: sum.servicetitan + c.servicetitan, visma: sum.visma + c.visma }),
      { servicetitan: 0, visma: 0 },
    );
    if (booked.servicetitan !== total.servicetitan || booked.visma !== total.visma)
      byPhase.other = {
        servicetitan: total.servicetitan - booked.servicetitan,
        visma: total.visma - booked.visma,
      };
    return {
      byPhase,
      tokens: {
        servicetitan: now.stTokens - this.start.stTokens,
        visma: now.vismaTokens - this.start.vismaTokens,
      },
    };
  }

  private read() {
    return {
      st: this.ports.st.callCount(),
      visma: this.ports.visma.callCount(),
      stTokens: this.ports.st.tokenCount(),
      vismaTokens: this.ports.visma.tokenCount(),
    };
  }
}
