// The deployer reads AWS's runtime calendar too: a template that reaches it with a runtime AWS no
// longer accepts (e.g. one validated before the block date) stops before CreateFunction, with a
// sentence naming the date, the source and the runtime to use instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { LabSession, loadLesson } from '../../src/lab';
import { resolveTarget } from '../../src/cloud';
import { startTestCloud } from '../helpers/cloud';
import { copyFixture } from './lessonFixture';

test('deploying a function on a blocked runtime stops with what to set instead, and creates nothing', async () => {
  const cloud = await startTestCloud();
  const fixture = copyFixture('complete');
  const loaded = loadLesson(fixture.dir);
  loaded.template.resources.Pow!.properties.Runtime = 'nodejs14.x';
  const session = new LabSession(
    loaded,
    resolveTarget({ kind: 'local', endpoint: cloud.endpoint, credentials: cloud.credentials }),
  );
  try {
    await assert.rejects(session.deployer.deploy(['Pow']), (e: Error) => {
      assert.match(
        e.message,
        /Pow: AWS Lambda no longer accepts new functions on nodejs14\.x \(since 2024-01-09, https:\/\/docs\.aws\.amazon\.com\/lambda\/latest\/dg\/lambda-runtimes\.html\); set Runtime to nodejs24\.x in the template\./,
      );
      return true;
    });
    const functions = (await session.clients.lambda.send(new ListFunctionsCommand({}))).Functions ?? [];
    assert.deepEqual(
      functions.map((f) => f.FunctionName),
      [],
    );
  } finally {
    session.dispose();
    fixture.remove();
    await cloud.stop();
  }
});
