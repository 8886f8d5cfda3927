// The course's image-pipeline state machine (labs/05-serverless, as solved) on the local cloud, with
// stand-in functions that answer in the shape the lab's functions do: Task → Choice → Wait →
// Parallel of two lambda:invoke tasks → Succeed, and the rejected path to Fail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { useFreshRuntimes } from '../lambda/lambdaKit';
import { run, sfnFixture, type SfnFixture } from './sfnFixture';

const PIPELINE = join(
  __dirname,
  '..',
  '..',
  '..',
  'labs',
  '05-serverless',
  'solutions',
  'statemachines',
  'image-pipeline.asl.json',
);
const STAND_INS = `
exports.check = async (e) => ({ moderation: { flagged: e.key.includes('unsafe'), labels: ['cat'] }, width: 640, height: 480 });
exports.resize = async (e) => ({ thumbnail: 'thumbnails/' + e.key });
exports.grayscale = async (e) => ({ grayscale: 'grayscale/' + e.key });
`;

let f: SfnFixture;
let definition: object;

before(async () => {
  useFreshRuntimes();
  f = await sfnFixture();
  const lambda = new LambdaClient(f.cloud.clientConfig);
  const zip = zipSync({ 'index.js': Buffer.from(STAND_INS) });
  const arns: Record<string, string> = {};
  for (const [param, handler] of [
    ['CheckImageFunctionArn', 'check'],
    ['ResizeImageFunctionArn', 'resize'],
    ['GrayscaleImageFunctionArn', 'grayscale'],
  ] as const) {
    const out = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: `lab-${handler}-${process.pid}`,
        Runtime: 'nodejs24.x',
        Role: 'arn:aws:iam::000000000000:role/lambda-role',
        Handler: `index.${handler}`,
        Code: { ZipFile: zip },
      }),
    );
    arns[param] = out.FunctionArn!;
  }
  const text = readFileSync(PIPELINE, 'utf8').replace(/\$\{(\w+)\}/g, (_, name: string) => {
    assert.ok(arns[name], `the test knows the substitution \${${name}}`);
    return arns[name]!;
  });
  definition = JSON.parse(text) as object;
});
after(() => f.stop());

const fast = { tags: [{ key: 'hoc:time-scale', value: '0.01' }] };

test('a safe image goes through Wait and the parallel resize/grayscale', async () => {
  const { execution, output, events } = await run(f.sfn, definition, { bucket: 'photos', key: 'cat.jpg' }, fast);
  assert.equal(execution.status, 'SUCCEEDED', execution.cause);
  assert.deepEqual(output, {
    bucket: 'photos',
    key: 'cat.jpg',
    check: { flagged: false, labels: ['cat'], width: 640, height: 480 },
    results: { thumbnail: 'thumbnails/cat.jpg', grayscale: 'grayscale/cat.jpg' },
  });
  const entered = events.filter((e) => e.type!.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails!.name);
  assert.deepEqual(entered.slice(0, 4), ['CheckImage', 'IsImageSafe', 'WaitBeforeProcessing', 'ProcessImage']);
  assert.deepEqual(entered.slice(4).sort(), ['Done', 'Grayscale', 'Resize']);
});

test('a flagged image ends in the ImageRejected Fail state', async () => {
  const { execution } = await run(f.sfn, definition, { bucket: 'photos', key: 'unsafe.jpg' }, fast);
  assert.equal(execution.status, 'FAILED');
  assert.equal(execution.error, 'ImageRejected');
  assert.equal(execution.cause, 'The moderation classifier flagged the image as unsafe.');
});
