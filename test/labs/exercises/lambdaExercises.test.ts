// The Lambda exercises of lesson 05 through `hoc lab run --step` on the local cloud: the hello
// handler that answers from its event, and invoke_hello_world.py (boto3). Each fails as the
// student first meets it, fails with a plausible mistake, and passes with the solution; the
// checks use a fresh random name each time, so no fixed answer can pass.
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

test(
  'the hello handler: fails as first met and when it answers only events/hello.json; passes solved',
  { timeout: 240_000 },
  async () => {
    const file = 'functions/hello/index.ts';
    let r = await ws.runStep('lambda-hello');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', 'Your handler greets') ?? r.out, /answered "Hello, world!"/);

    ws.write(file, ws.starter(file).replace("message: 'Hello, world!',", "message: 'Hello, student!',"));
    r = await ws.runStep('lambda-hello');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', 'Your handler greets') ?? r.out, /answered "Hello, student!"/);

    ws.write(file, ws.solution(file));
    r = await ws.runStep('lambda-hello');
    assert.equal(r.code, 0, r.out);
    assert.ok(checkLine(r.out, '✓', 'Your handler greets'), r.out);
  },
);

test(
  'invoke_hello_world.py: fails as first met and when it ignores --name; passes solved',
  { timeout: 240_000 },
  async () => {
    const file = 'scripts/invoke_hello_world.py';
    ws.write('functions/hello/index.ts', ws.solution('functions/hello/index.ts'));
    let r = await ws.runStep('invoke-sdk');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', 'Your script invokes') ?? r.out, /printed nothing/);

    ws.write(file, ws.solution(file).replace('Payload=json.dumps({"name": args.name})', 'Payload=json.dumps({})'));
    r = await ws.runStep('invoke-sdk');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', 'Your script invokes') ?? r.out, /printed "Hello, world!"/);

    ws.write(file, ws.solution(file).replace('    LogType="Tail",\n', ''));
    r = await ws.runStep('invoke-sdk');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', 'Your script invokes') ?? r.out, /not the REPORT line/);

    ws.write(file, ws.solution(file));
    r = await ws.runStep('invoke-sdk');
    assert.equal(r.code, 0, r.out);
    assert.ok(checkLine(r.out, '✓', 'Your script invokes'), r.out);
  },
);
