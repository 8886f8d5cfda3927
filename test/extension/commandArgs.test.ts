// The command argument parsers: what the Resources tree, the Labs tree, command links and the
// Command Palette hand a command, and what each command then sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  handlerFileArg,
  lessonLinkArg,
  resourceRefArg,
  stepRefArg,
  treeEntryArg,
} from '../../src/extension/commandArgs';

const queueUrl = 'http://127.0.0.1:4566/000000000000/01-hello-NotesQueue';
const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:01-hello-HelloFlow';
const execution = 'arn:aws:states:us-east-1:000000000000:execution:01-hello-HelloFlow:run-1';
/** Tree nodes exactly as the Resources tree passes them to context-menu commands. */
const node = (kind: string, ref: Record<string, string>) => ({
  type: 'entry',
  entry: { kind, key: `${kind}:x`, label: 'x', ref, icon: 'x' },
});

test('a Resources tree entry opens its own resource', () => {
  assert.deepEqual(resourceRefArg(node('queue', { queueUrl, name: '01-hello-NotesQueue' }), 'queue'), {
    kind: 'queue',
    ref: queueUrl,
  });
  assert.deepEqual(resourceRefArg(node('function', { name: '01-hello-HelloFunction' }), 'function'), {
    kind: 'function',
    ref: '01-hello-HelloFunction',
  });
  assert.deepEqual(resourceRefArg(node('stateMachine', { arn: machine }), 'stateMachine'), {
    kind: 'stateMachine',
    ref: machine,
  });
  assert.deepEqual(resourceRefArg(node('execution', { arn: execution, stateMachineArn: machine }), 'stateMachine'), {
    kind: 'stateMachine',
    ref: machine,
    executionArn: execution,
  });
});

test('an entry of another kind names nothing (the command then asks)', () => {
  assert.equal(resourceRefArg(node('function', { name: 'f' }), 'queue'), undefined);
  assert.equal(resourceRefArg(node('bucket', { bucket: 'b' }), 'stateMachine'), undefined);
  assert.equal(resourceRefArg(undefined, 'queue'), undefined);
  assert.equal(resourceRefArg({}, 'function'), undefined);
  assert.equal(resourceRefArg('  ', 'queue'), undefined);
});

test('command links name resources by field; an execution ARN opens its state machine on it', () => {
  assert.deepEqual(resourceRefArg({ queueName: '01-hello-NotesQueue' }, 'queue'), {
    kind: 'queue',
    ref: '01-hello-NotesQueue',
  });
  assert.deepEqual(resourceRefArg({ functionName: 'f', focus: 'cost' }, 'function'), {
    kind: 'function',
    ref: 'f',
    focus: 'cost',
  });
  assert.deepEqual(resourceRefArg({ executionArn: execution }, 'stateMachine'), {
    kind: 'stateMachine',
    ref: machine,
    executionArn: execution,
  });
  assert.deepEqual(resourceRefArg(execution, 'stateMachine'), {
    kind: 'stateMachine',
    ref: machine,
    executionArn: execution,
  });
  assert.deepEqual(resourceRefArg(queueUrl, 'queue'), { kind: 'queue', ref: queueUrl });
});

test('tree entries for item actions are checked for their kind', () => {
  assert.equal(treeEntryArg(node('queue', { queueUrl }), ['queue'])?.ref.queueUrl, queueUrl);
  assert.equal(treeEntryArg(node('queue', { queueUrl }), ['bucket']), undefined);
  assert.equal(treeEntryArg({ type: 'message', text: 'none yet' }, ['queue']), undefined);
});

test('lesson commands take a Labs tree node or { lesson, step }', () => {
  const lesson = { dir: '/w/labs/01-hello', lesson: { id: '01-hello' } };
  assert.deepEqual(stepRefArg({ kind: 'step', entry: lesson, step: { id: 'queue' }, index: 0 }), {
    lesson: '/w/labs/01-hello',
    step: 'queue',
  });
  assert.deepEqual(stepRefArg({ kind: 'lesson', entry: lesson }), { lesson: '/w/labs/01-hello', step: undefined });
  assert.deepEqual(stepRefArg({ lesson: '01-hello', step: 'function' }), { lesson: '01-hello', step: 'function' });
  assert.deepEqual(stepRefArg({ lesson: 3 }), { lesson: undefined, step: undefined });
  assert.deepEqual(stepRefArg(undefined), {});
  assert.deepEqual(lessonLinkArg({ href: 'hoc:deploy', lesson: '01-hello' }), {
    lesson: '01-hello',
    step: undefined,
    href: 'hoc:deploy',
  });
  assert.equal(lessonLinkArg({ lesson: '01-hello' }), undefined);
  assert.equal(handlerFileArg({ file: '/w/functions/hello/index.js' }), '/w/functions/hello/index.js');
  assert.equal(handlerFileArg('x'), undefined);
});
