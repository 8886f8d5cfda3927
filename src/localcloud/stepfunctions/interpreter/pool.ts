// Runs Map iterations and Parallel branches up to a concurrency limit. Each job runs alone
// until it first waits on time or I/O (or finishes); only then does the next one start. Pure
// Pass/Choice bodies therefore record their events in order, as AWS's histories show, while
// Lambda calls and Waits still overlap.
export async function runPool(
  count: number,
  limit: number,
  job: (index: number, onBlock: () => void) => Promise<void>,
  shouldStop: () => boolean,
): Promise<void> {
  const running = new Set<Promise<void>>();
  for (let i = 0; i < count; i++) {
    while (running.size >= limit) await Promise.race(running);
    if (shouldStop()) break;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const p: Promise<void> = job(i, release).finally(() => {
      running.delete(p);
      release();
    });
    running.add(p);
    await gate;
  }
  await Promise.all(running);
}
