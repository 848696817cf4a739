/** The simulator's clock: real time plus an offset that tests move forward. */
export class SimClock {
  private offsetMs = 0;
  private lastStamp = 0;

  /** Current simulated time, epoch ms. */
  now = (): number => Date.now() + this.offsetMs;

  /** Moves the clock forward (tokens expire, new changes get later timestamps). */
  advance(ms: number): number {
    this.offsetMs += Math.max(0, ms);
    return this.now();
  }

  /** A strictly increasing timestamp for a change made now (ISO string). */
  stamp(): string {
    this.lastStamp = Math.max(this.now(), this.lastStamp + 1);
    return new Date(this.lastStamp).toISOString();
  }
}
