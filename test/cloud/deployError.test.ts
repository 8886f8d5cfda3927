// Deploy failures read as sentences that say what to do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeployError } from '../../src/cloud';

test('known AWS errors carry what to do next; unknown ones keep their own message', () => {
  const recent = Object.assign(
    new Error('You must wait 60 seconds after deleting a queue before you can create another with the same name.'),
    { name: 'QueueDeletedRecently' },
  );
  assert.equal(
    new DeployError('Jobs', 'AWS::SQS::Queue', recent).message,
    'Deploying Jobs (AWS::SQS::Queue) failed: QueueDeletedRecently: You must wait 60 seconds after deleting a queue before you can create another with the same name. — AWS needs 60 seconds after a queue is deleted before one with the same name is created; wait a minute and deploy again.',
  );
  const taken = Object.assign(new Error('The requested bucket name is not available.'), {
    name: 'BucketAlreadyExists',
  });
  assert.match(new DeployError('Photos', 'AWS::S3::Bucket', taken).message, /set a name suffix \(your initials\)/);
  assert.equal(
    new DeployError('F', 'AWS::Lambda::Function', new Error('boom')).message,
    'Deploying F (AWS::Lambda::Function) failed: boom',
  );
});
