// The state machine exercise of lesson 05 through `hoc lab run --step step-functions` on the
// local cloud: the image pipeline as first met (no Fail state, one Parallel branch) fails; with
// the Grayscale branch but a Choice that never fails, the rejected sample (images/tiny-icon.png)
// is processed and the check fails; the solution passes. The check reads the executions the
// step's actions started and starts none itself.
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

const FILE = 'statemachines/image-pipeline.asl.json';
const TITLE = 'sunset.png went through';

test(
  'the image pipeline: fails as first met and with a Choice that has no Fail; passes solved',
  { timeout: 600_000 },
  async () => {
    let r = await ws.runStep('step-functions');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', TITLE) ?? r.out, /wrote no grayscale\/sunset\.png/);

    const solved = JSON.parse(ws.solution(FILE)) as { States: Record<string, { Choices?: Array<{ Next: string }> }> };
    const noFail = structuredClone(solved);
    delete noFail.States.ImageRejected;
    noFail.States.IsImageSafe!.Choices = noFail.States.IsImageSafe!.Choices!.filter((c) => c.Next !== 'ImageRejected');
    if (noFail.States.IsImageSafe!.Choices!.length === 0)
      noFail.States.IsImageSafe!.Choices = [
        { Variable: '$.check.flagged', BooleanEquals: false, Next: 'WaitBeforeProcessing' } as never,
      ];
    ws.write(FILE, JSON.stringify(noFail, null, 2));
    r = await ws.runStep('step-functions');
    assert.equal(r.code, 1, r.out);
    assert.match(checkLine(r.out, '✗', TITLE) ?? r.out, /tiny-icon\.png, which CheckImage flags, is SUCCEEDED/);

    ws.write(FILE, ws.solution(FILE));
    r = await ws.runStep('step-functions');
    assert.equal(r.code, 0, r.out);
    assert.match(checkLine(r.out, '✓', TITLE) ?? r.out, /FAILED in ImageRejected, nothing processed/);
  },
);
