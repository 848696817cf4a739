/** A run the person stopped (Cancel): it ended at a safe point, between documents; nothing is half posted. */
export class RunCancelledError extends Error {
  constructor() {
    super(
      'The sync was cancelled. Documents already posted stay posted; the next run carries on from there.',
    );
    this.name = 'RunCancelledError';
  }
}
