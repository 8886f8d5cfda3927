// Check for the producer exercise: the FIFO queue holds the orders your producer.py sent, all
// in one message group, each with its own deduplication id, in the order they were sent.
// It reads the queue without taking anything away (see lib/queueView.ts).
//   check-fifo-producer.ts --queue <FIFO queue name or URL>
import { option, run } from './lib/args';
import { isFifo, queueUrl } from './lib/queues';
import { readQueue } from './lib/queueView';

interface Order {
  order?: number;
  source?: string;
}

function parse(body: string): Order {
  try {
    return JSON.parse(body) as Order;
  } catch {
    return {};
  }
}

run(async () => {
  const url = await queueUrl(option('queue', 'QUEUE'));
  if (!isFifo(url)) throw new Error(`${url} is not a FIFO queue (its name must end in .fifo).`);
  const view = await readQueue(url);
  const mine = view.messages.filter((m) => parse(m.body).source === 'producer.py');
  if (mine.length < 3) {
    console.error(
      `The FIFO queue holds ${mine.length} order(s) from producer.py (${view.how}); send at least 3 with "Send 5 orders to the FIFO queue" once your producer sets the group and deduplication ids.`,
    );
    process.exit(1);
  }
  const groups = new Map<string, typeof mine>();
  for (const m of mine) groups.set(m.groupId ?? '', [...(groups.get(m.groupId ?? '') ?? []), m]);
  const [group, inGroup] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  if (inGroup.length < 3) {
    console.error(
      `Your ${mine.length} orders are spread over ${groups.size} message groups; orders that must stay in order belong to one group (the --group option).`,
    );
    process.exit(1);
  }
  const bySequence = [...inGroup].sort((a, b) =>
    BigInt(a.sequenceNumber ?? '0') < BigInt(b.sequenceNumber ?? '0') ? -1 : 1,
  );
  const numbers = bySequence.map((m) => parse(m.body).order ?? 0);
  // Orders count 1, 2, 3 … within one run of the producer; a new run starts again at 1.
  const inOrder = numbers.every((n, i) => i === 0 || n > numbers[i - 1]! || n === 1);
  if (!inOrder) {
    console.error(
      `In group ${group} the queue holds orders ${numbers.join(', ')} in sequence order; they should come out in the order they were sent.`,
    );
    process.exit(1);
  }
  const missing = inGroup.filter((m) => !m.deduplicationId).length;
  if (missing) {
    console.error(`${missing} order(s) have no MessageDeduplicationId.`);
    process.exit(1);
  }
  console.log(
    `The FIFO queue holds ${inGroup.length} orders from producer.py in group ${group}, in order, each with a deduplication id (${view.how}).`,
  );
});
