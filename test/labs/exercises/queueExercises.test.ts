// The queue exercises of lesson 05 through `hoc lab run --step` on the local cloud: the
// student's producer.py and consumer.py as first met (fail), with plausible mistakes (fail)
// and with the lesson's solutions (pass). The checks read the queues without consuming them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLine, LessonWorkspace } from './lessonWorkspace';

let ws: LessonWorkspace;
before(async () => {
  ws = await LessonWorkspace.open();
});
after(async () => {
  await ws?.close();
});

/** The starter with its TODO block (from `# TODO` to the line ending the block) replaced. */
function withTodoReplaced(file: string, end: string, code: string): string {
  const starter = ws.starter(file);
  const start = starter.indexOf('        # TODO');
  const stop = starter.indexOf(end, start);
  assert.ok(start > 0 && stop > start, `${file} has its TODO block`);
  return starter.slice(0, start) + code + starter.slice(stop + (end.endsWith('\n') ? end.length : 0));
}

test(
  'producer.py: fails as first met, with a group per message or one deduplication id for all; passes solved',
  { timeout: 240_000 },
  async () => {
    const file = 'scripts/producer.py';
    let r = await ws.runStep('queues');
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /MessageGroupId/, 'the FIFO send fails, naming the missing group id');
    assert.ok(checkLine(r.out, '✗', "Your producer's orders"), r.out);

    ws.write(
      file,
      withTodoReplaced(
        file,
        '        pass\n',
        '        import uuid\n        extra = {"MessageGroupId": str(uuid.uuid4()), "MessageDeduplicationId": order["orderId"]}\n',
      ),
    );
    r = await ws.runStep('queues');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', "Your producer's orders") ?? r.out, /spread over \d+ message groups/);

    ws.write(
      file,
      withTodoReplaced(
        file,
        '        pass\n',
        '        extra = {"MessageGroupId": args.group, "MessageDeduplicationId": "order"}\n',
      ),
    );
    r = await ws.runStep('queues');
    assert.equal(r.code, 1, r.out);
    assert.ok(checkLine(r.out, '✗', "Your producer's orders"), r.out);

    ws.write(file, ws.solution(file));
    r = await ws.runStep('queues');
    assert.equal(r.code, 0, r.out);
    assert.match(
      checkLine(r.out, '✓', "Your producer's orders") ?? r.out,
      /in order, each with a deduplication id \(read with the local cloud's peek; nothing was received\)/,
    );
  },
);

test('the producer check leaves the queue as it found it', { timeout: 120_000 }, async () => {
  // Runs after the solved producer: its orders must still be there for the consumer to take.
  const first = await ws.runStep('queues');
  const held = (out: string) => Number(/holds (\d+) orders from producer\.py/.exec(out)?.[1]);
  assert.equal(first.code, 0, first.out);
  const second = await ws.runStep('queues');
  assert.equal(second.code, 0, second.out);
  // Each run sends 5 more; none of the earlier ones went missing.
  assert.equal(held(second.out), held(first.out) + 5, second.out);
});

test('consumer.py: fails as first met and when it never deletes; passes solved', { timeout: 240_000 }, async () => {
  const file = 'scripts/consumer.py';
  ws.restore(file);
  let r = await ws.runStep('consumer');
  assert.equal(r.code, 1, r.out);
  assert.match(checkLine(r.out, '✗', 'Every order your consumer processed') ?? r.out, /does not exist/);

  ws.write(file, ws.solution(file));
  r = await ws.runStep('consumer');
  assert.equal(r.code, 0, r.out);
  assert.ok(checkLine(r.out, '✓', 'Every order your consumer processed'), r.out);

  ws.write(file, withTodoReplaced(file, 'print(f"done', '        process(m)\n'));
  r = await ws.runStep('consumer');
  assert.equal(r.code, 1, r.out);
  assert.match(
    checkLine(r.out, '✗', 'Every order your consumer processed') ?? r.out,
    /still in the queue .*Delete each message after processing it/,
  );
});
