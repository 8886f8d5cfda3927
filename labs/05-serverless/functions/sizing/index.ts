// A CPU-bound handler for the memory-sizing experiment: Lambda gives a function CPU in
// proportion to its memory (1,769 MB = one vCPU), so this work finishes faster with more memory.

interface SizingEvent {
  /** Count the primes below this number (default 300,000). */
  limit?: number;
}

export const handler = async (event: SizingEvent) => {
  const limit = Math.min(Math.max(Number(event?.limit ?? 300_000) || 300_000, 1_000), 5_000_000);
  const started = Date.now();
  let count = 0;
  for (let n = 2; n < limit; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return { limit, primes: count, computeMs: Date.now() - started };
};
