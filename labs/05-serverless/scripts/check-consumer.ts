// Check for the consumer exercise: every order consumer.py recorded in
// out/processed-orders.jsonl is gone from the queue (processed, then deleted), and no message
// is left received-but-not-deleted. Reads the queue without taking anything away.
//   check-consumer.ts --queue <queue name or URL>
import { existsSync, readFileSync } from 'node:fs';
import { option, run } from './lib/args';
import { queueUrl } from './lib/queues';
import { readQueue } from './lib/queueView';

const LOG = 'out/processed-orders.jsonl';

run(async () => {
  const url = await queueUrl(option('queue', 'QUEUE'));
  if (!existsSync(LOG)) {
    console.error(`${LOG} does not exist: run "Send 3 orders with producer.py" and then "Run your consumer.py".`);
    process.exit(1);
  }
  const processed = new Set<string>();
  for (const line of readFileSync(LOG, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      processed.add((JSON.parse(line) as { messageId: string }).messageId);
    } catch {
      // a line the student wrote by hand; not ours to judge
    }
  }
  if (processed.size === 0) {
    console.error(`${LOG} records no order: does your consumer call process() for each message?`);
    process.exit(1);
  }
  const view = await readQueue(url);
  const stillThere = view.messages.filter((m) => processed.has(m.id));
  if (stillThere.length || view.inFlight) {
    const n = Math.max(stillThere.length, view.inFlight);
    console.error(
      `${n} message(s) your consumer received are still in the queue (${view.how}): they will be delivered and processed again. Delete each message after processing it.`,
    );
    process.exit(1);
  }
  console.log(
    `Your consumer processed ${processed.size} order(s), and none of them is left in the queue (${view.how}).`,
  );
});
