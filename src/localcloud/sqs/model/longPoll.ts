// Long polling: a receive that found nothing waits here until a send (or a visibility
// change) wakes its queue, a message's delay or visibility timeout runs out, or time is up.
export class LongPoll {
  private readonly waiting = new Map<string, Set<() => void>>();
  /** Set at shutdown: nothing waits any more, so no timer holds the process open. */
  closed = false;

  /**
   * Wakes up to `count` receives waiting on the queue, longest-waiting first (one per new
   * message, so a send does not wake every poller only for all but one to sleep again).
   */
  notify(queueName: string, count = Infinity): void {
    const set = this.waiting.get(queueName);
    if (!set) return;
    for (const wake of set) {
      if (count-- <= 0) break;
      wake();
    }
    if (set.size === 0) this.waiting.delete(queueName);
  }

  /** Resolves on notify, at `until` (epoch ms), or when the signal aborts. */
  wait(queueName: string, until: number, signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      let set = this.waiting.get(queueName);
      if (!set) this.waiting.set(queueName, (set = new Set()));
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiting.get(queueName)?.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, until - Date.now()));
      signal?.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  /** Releases every waiter and refuses new waits (shutdown). */
  releaseAll(): void {
    this.closed = true;
    for (const name of [...this.waiting.keys()]) this.notify(name);
  }
}
