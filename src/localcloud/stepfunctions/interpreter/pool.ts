// Runs Map iterations and Parallel branches up to a concurrency limit. Each job runs alone
// until it first waits on time or I/O (or finishes); only then does the next one start. Pure
// Pass/Choice bodies therefore record their events in order, as AWS's histories show, while
// Lambda calls and Waits still overlap. The first job error is rethrown once all have settled.
export async function runPool(
  count: number,
  limit: number,
  job: (index: number, onBlock: () => void) => Promise<void>,
  shouldStop: () => boolean,
): Promise<void> {
  const running = new Set<Promise<void>>();
  let firstError: { error: unknown } | undefined;
  for (let i = 0; i < count; i++) {
    while (running.size >= limit) await Promise.race(running);
    if (shouldStop() || firstError) break;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Errors are collected here, so no job's rejection is ever left unhandled.
    const p: Promise<void> = job(i, release)
      .catch((error: unknown) => {
        firstError ??= { error };
      })
      .finally(() => {
        running.delete(p);
        release();
      });
    running.add(p);
    await gate;
  }
  await Promise.all(running);
  if (firstError) throw firstError.error;
}
