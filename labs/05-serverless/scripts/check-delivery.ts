// Check for the delivery step: after "Send order 42 twice to each queue", the standard queue
// holds both copies of that run's order and the FIFO queue only one. It looks at what the demo
// left in the queues, without consuming it, and never sends anything itself.
//   check-delivery.ts --standard <queue> --fifo <FIFO queue>
import { option, run } from './lib/args';
import { queueUrl } from './lib/queues';
import { readQueue } from './lib/queueView';

/** Copies of order 42 per run of the demo. */
function copiesByRun(bodies: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const body of bodies) {
    try {
      const o = JSON.parse(body) as { order?: number; run?: string };
      if (o.order === 42 && o.run) out.set(o.run, (out.get(o.run) ?? 0) + 1);
    } catch {
      // not an order
    }
  }
  return out;
}

run(async () => {
  const standard = await readQueue(await queueUrl(option('standard', 'STANDARD_QUEUE')));
  const fifo = await readQueue(await queueUrl(option('fifo', 'FIFO_QUEUE')));
  const inStandard = copiesByRun(standard.messages.map((m) => m.body));
  const inFifo = copiesByRun(fifo.messages.map((m) => m.body));
  const runs = [...inStandard.keys()].filter((r) => inFifo.has(r)).sort();
  const latest = runs.at(-1);
  if (!latest) {
    console.error(
      'Neither queue holds a copy of order 42 from the demo: run "Send order 42 twice to each queue" (and consume the queues only afterwards).',
    );
    process.exit(1);
  }
  const s = inStandard.get(latest)!;
  const f = inFifo.get(latest)!;
  if (s < 2 || f !== 1) {
    console.error(
      `Run ${latest} left ${s} copies in the standard queue and ${f} in the FIFO queue; expected 2 (or more) and exactly 1.`,
    );
    process.exit(1);
  }
  console.log(
    `Order 42 (run ${latest}): ${s} copies in the standard queue, 1 in the FIFO queue — the duplicate was dropped (${fifo.how}).`,
  );
});
