// Tree rows in a narrow side bar: step titles keep their head in the label, resources lose the
// lesson prefix that every one of them shares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortResourceName, stepRow } from '../../src/extension/treeLabels';

test('a long step title keeps its head in the label and the rest as description', () => {
  assert.deepEqual(stepRow(0, 'Queues — standard and FIFO'), { label: '1. Queues', description: 'standard and FIFO' });
  assert.deepEqual(stepRow(4, 'Photo gallery — the worker'), { label: '5. Photo gallery', description: 'the worker' });
  assert.deepEqual(stepRow(1, 'Say hello from Lambda'), { label: '2. Say hello from Lambda' });
  assert.deepEqual(stepRow(2, 'A-B'), { label: '3. A-B' }, 'a hyphen inside a word does not split');
});

test('a resource loses its lesson prefix; names of no known lesson stay whole', () => {
  const ids = ['05-serverless', '05-serverless-extra', '01-hello'];
  assert.deepEqual(shortResourceName('05-serverless-PhotosQueue', ids), {
    label: 'PhotosQueue',
    lessonId: '05-serverless',
  });
  assert.deepEqual(
    shortResourceName('05-serverless-extra-Q', ids),
    { label: 'Q', lessonId: '05-serverless-extra' },
    'the longest lesson id wins',
  );
  assert.deepEqual(shortResourceName('my-own-queue', ids), { label: 'my-own-queue' });
  assert.deepEqual(shortResourceName('01-hello-', ids), { label: '01-hello-' });
});
