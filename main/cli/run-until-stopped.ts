/** Waits for Ctrl+C or a termination signal, then runs `cleanup` once and exits. */
export function runUntilStopped(cleanup: () => Promise<void>): Promise<never> {
  return new Promise<never>(() => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      void cleanup().finally(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
