// `hoc lab validate` / validateLesson: each kind of mistake is reported at the right file and line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { formatDiagnostic, validateLesson } from '../../src/lab';
import { copyFixture, FIXTURES } from './lessonFixture';

const ROOT = join(import.meta.dirname, '..', '..');

function problems(dir: string): string[] {
  return validateLesson(dir, { author: true }).diagnostics.map(formatDiagnostic);
}

/** Applies one edit to a fresh copy and returns the problems plus the edited line. */
function withEdit(file: string, from: string, to: string): { lines: string[]; line: number } {
  const f = copyFixture('complete');
  try {
    const line = f.replace(file, from, to);
    return { lines: problems(f.dir), line };
  } finally {
    f.remove();
  }
}

test('the complete fixture and the storage fixture validate without problems', () => {
  assert.deepEqual(problems(join(FIXTURES, 'complete')), []);
  assert.deepEqual(problems(join(FIXTURES, 'storage')), []);
});

test('lesson.yaml: an unknown action type names the valid ones, at its line', () => {
  const { lines, line } = withEdit('lesson.yaml', 'type: sendMessage, id: send,', 'type: sendMesage, id: send,');
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(
    lines[0],
    new RegExp(
      `^lesson\\.yaml:${line}: steps\\[1\\]\\.actions\\[2\\] has unknown type 'sendMesage'; use one of deploy, invoke, sendMessage`,
    ),
  );
});

test('lesson.yaml: an unknown step property and a missing required one', () => {
  const { lines, line } = withEdit('lesson.yaml', '    hint: Send the two jobs.', '    hints: Send the two jobs.');
  // One pass: the schema problem, and what it leads to further on (the step now has no hint).
  assert.deepEqual(lines, [
    `lesson.yaml:${line}: steps[1] has unknown property 'hints'; allowed: id, title, instructions, objectives, minutes, deploys, actions, checks, hint, solution`,
    `steps/01-queue.md:4: link 'hoc:hint': step 'queue' has no hint`,
  ]);
  const missing = withEdit('lesson.yaml', '    instructions: steps/03-apis.md\n', '');
  assert.deepEqual(missing.lines, [`lesson.yaml:${missing.line - 2}: steps[3] is missing 'instructions'`]);
});

test('lesson.yaml: every action and check needs a human title, not its id; objectives and minutes are typed', () => {
  const a = withEdit(
    'lesson.yaml',
    '{ type: deploy, id: deploy, title: Deploy the jobs queue }',
    '{ type: deploy, id: deploy }',
  );
  assert.deepEqual(a.lines, [
    `lesson.yaml:${a.line}: steps[1].actions[1] is missing 'title'; every action and check needs a title a student reads (e.g. "Deploy the queue", "The queue holds your orders")`,
  ]);
  const b = withEdit('lesson.yaml', 'id: exists, title: The jobs queue exists,', 'id: exists, title: exists,');
  assert.deepEqual(b.lines, [
    `lesson.yaml:${b.line}: the title of 'exists' in step 'queue' is its id; write what it does in words a student reads`,
  ]);
  const c = withEdit('lesson.yaml', '    minutes: 5', '    minutes: soon');
  assert.deepEqual(c.lines, [`lesson.yaml:${c.line}: steps[1].minutes must be a number`]);
  const d = withEdit('lesson.yaml', '      - Deploy a queue from a template', '      - 42');
  assert.deepEqual(d.lines, [`lesson.yaml:${d.line}: steps[1].objectives[1] must be a string`]);
});

test('lesson.yaml: YAML syntax errors carry their line', () => {
  const { lines, line } = withEdit('lesson.yaml', 'title: Every resource, action and check', 'title: [unclosed');
  assert.ok(lines.length >= 1);
  assert.match(lines[0], /^lesson\.yaml:\d+: invalid YAML/);
  assert.ok(Number(/:(\d+):/.exec(lines[0])![1]) >= line);
});

test('lesson.yaml: unknown logical IDs, wrong resource kinds, missing files and paths leaving the lesson', () => {
  const a = withEdit('lesson.yaml', 'deploys: [Jobs]', 'deploys: [Jobz]');
  assert.match(
    a.lines[0],
    new RegExp(`^lesson\\.yaml:${a.line}: 'Jobz' is not a resource of template\\.yaml; its resources are Jobs, Audit`),
  );
  const b = withEdit('lesson.yaml', 'queue: Jobs, atLeast: 2', 'queue: Uploads, atLeast: 2');
  assert.deepEqual(b.lines, [
    `lesson.yaml:${b.line}: 'Uploads' is a AWS::S3::Bucket, not a queue; queues here: Jobs, Audit`,
  ]);
  const c = withEdit('lesson.yaml', 'event: events/pow.json }', 'event: ../../../etc/passwd }');
  assert.deepEqual(c.lines, [
    `lesson.yaml:${c.line}: event '../../../etc/passwd' leaves the lesson folder; lessons may only use files inside their own folder`,
  ]);
  const d = withEdit('lesson.yaml', 'inputFile: events/flow.json', 'inputFile: events/nope.json');
  assert.deepEqual(d.lines, [
    `lesson.yaml:${d.line}: inputFile 'events/nope.json' does not exist; create it or fix the path (relative to the lesson folder)`,
  ]);
  const e = withEdit(
    'lesson.yaml',
    "url: '${ManualStage.InvokeUrl}/pow?x=2&y=3'",
    "url: '${ManualStage.Url}/pow?x=2&y=3'",
  );
  assert.deepEqual(e.lines, [
    `lesson.yaml:${e.line}: AWS::ApiGateway::Stage 'ManualStage' has no attribute 'Url'; it has InvokeUrl`,
  ]);
});

test('template.yaml: unsupported types, properties and intrinsics name what is supported', () => {
  const a = withEdit('template.yaml', '  Audit:\n    Type: AWS::SQS::Queue', '  Audit:\n    Type: AWS::SNS::Topic');
  assert.ok(
    a.lines.includes(
      `template.yaml:${a.line + 1}: resource type 'AWS::SNS::Topic' is not supported; supported types: AWS::Serverless::Function, AWS::Serverless::StateMachine, AWS::SQS::Queue, AWS::SQS::QueuePolicy, AWS::S3::Bucket, AWS::ApiGateway::RestApi, AWS::ApiGateway::Resource, AWS::ApiGateway::Method, AWS::ApiGateway::Deployment, AWS::ApiGateway::Stage, AWS::Lambda::Permission, AWS::Lambda::Url, AWS::Lambda::EventSourceMapping, AWS::StepFunctions::StateMachine`,
    ),
    a.lines.join('\n'),
  );
  const b = withEdit(
    'template.yaml',
    '      VisibilityTimeout: 30',
    '      VisibilityTimeout: 30\n      KmsMasterKeyId: alias/aws/sqs',
  );
  assert.equal(b.lines.length, 1, b.lines.join('\n'));
  assert.match(
    b.lines[0],
    new RegExp(
      `^template\\.yaml:${b.line + 1}: AWS::SQS::Queue property 'KmsMasterKeyId' is not supported; supported: FifoQueue,`,
    ),
  );
  const c = withEdit('template.yaml', 'GREETING: !Ref Greeting', 'GREETING: !If [IsProd, a, b]');
  assert.deepEqual(c.lines, [
    `template.yaml:${c.line}: Fn::If is not supported; a lesson template may use Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Select, Fn::Split (short forms !Ref, !GetAtt, !Sub … too)`,
  ]);
  const d = withEdit('template.yaml', 'FunctionName: !Ref Worker', 'FunctionName: !Ref Wroker');
  assert.deepEqual(d.lines, [
    `template.yaml:${d.line}: Ref 'Wroker' names nothing in this template; use a logical ID, a parameter or one of AWS::Region, AWS::AccountId, AWS::Partition, AWS::StackName, AWS::StackId, AWS::URLSuffix, AWS::NoValue`,
  ]);
  const e = withEdit('template.yaml', 'EventSourceArn: !GetAtt Audit.Arn', 'EventSourceArn: !GetAtt Audit.Arm');
  assert.deepEqual(e.lines, [
    `template.yaml:${e.line}: AWS::SQS::Queue has no attribute 'Arm' here; it has Arn, QueueName, QueueUrl`,
  ]);
  const f = withEdit('template.yaml', '"queue": "${Jobs.QueueName}"', '"queue": "${Jobs.Name}"');
  assert.equal(f.lines.length, 1);
  assert.match(f.lines[0], /^template\.yaml:\d+: AWS::SQS::Queue has no attribute 'Name' here/);
  const g = withEdit('template.yaml', '\nOutputs:', '\nConditions:\n  IsProd: true\nOutputs:');
  assert.deepEqual(g.lines, [
    `template.yaml:${g.line + 1}: section 'Conditions' is not supported; a lesson template may have AWSTemplateFormatVersion, Transform, Description, Metadata, Globals, Parameters, Resources, Outputs`,
  ]);
});

test('template.yaml: code folders, handlers, runtimes and state machine definitions are checked', () => {
  const a = withEdit('template.yaml', 'CodeUri: functions/hello', 'CodeUri: ../../outside');
  assert.deepEqual(a.lines, [
    `template.yaml:${a.line}: CodeUri '../../outside' leaves the lesson folder; lessons may only use files inside their own folder`,
  ]);
  const b = withEdit('template.yaml', 'Handler: app.handler', 'Handler: main.handler');
  assert.deepEqual(b.lines, [`template.yaml:${b.line}: handler 'main.handler' needs main.py in functions/hello`]);
  const c = withEdit('template.yaml', 'Runtime: python3.12', 'Runtime: ruby3.3');
  assert.match(
    c.lines[0],
    new RegExp(`^template\\.yaml:${c.line}: runtime 'ruby3\\.3' is not supported; use one of nodejs24\\.x`),
  );
  const f = copyFixture('complete');
  try {
    f.replace('statemachines/flow.asl.json', '"Default": "Small"', '"Default": "Smal"');
    const line =
      f
        .read('template.yaml')
        .split('\n')
        .findIndex((l) => l.includes('DefinitionUri:')) + 1;
    const found = problems(f.dir);
    assert.ok(
      found.includes(
        `template.yaml:${line}: statemachines/flow.asl.json: invalid state machine: Missing 'StartAt'|'Next'|'Default' target: Smal`,
      ),
      found.join('\n'),
    );
    assert.ok(
      found.includes(
        `template.yaml:${line}: statemachines/flow.asl.json: invalid state machine: State Small is not reachable`,
      ),
      found.join('\n'),
    );
    // The editor's lesson list leaves the state machine check to the deploy: the lesson and its
    // template still load, and the deploy's full validation reports the definition.
    const listed = validateLesson(f.dir, { stateMachines: false });
    assert.deepEqual(listed.diagnostics.map(formatDiagnostic), []);
    assert.ok(listed.lesson && listed.template);
  } finally {
    f.remove();
  }
});

test('step markdown: command links that cannot work are reported at their line', () => {
  const a = withEdit('steps/01-queue.md', '[send two jobs](hoc:action?id=send)', '[send two jobs](hoc:action?id=sned)');
  assert.deepEqual(a.lines, [
    `steps/01-queue.md:${a.line}: link 'hoc:action?id=sned': names action 'sned', which step 'queue' does not have; its actions are deploy, send`,
  ]);
  const b = withEdit('steps/02-functions.md', 'hoc:reveal?view=metrics', 'hoc:reveal?view=charts');
  assert.deepEqual(b.lines, [
    `steps/02-functions.md:${b.line}: unknown view 'charts'; views are lesson, resources, logs, graph, metrics, cost`,
  ]);
  const c = withEdit(
    'steps/03-apis.md',
    '[Deploy](hoc:deploy)',
    '[Deploy](hoc:deploy) [Go](hoc:launch?x=1) [Open](hoc:open?file=../secret.txt)',
  );
  assert.deepEqual(c.lines, [
    `steps/03-apis.md:${c.line}: unknown link 'hoc:launch'; use one of hoc:deploy, hoc:action, hoc:check, hoc:open, hoc:reveal, hoc:terminal, hoc:hint, hoc:solution`,
    `steps/03-apis.md:${c.line}: link 'hoc:open?file=../secret.txt': link opens '../secret.txt' leaves the lesson folder; lessons may only use files inside their own folder`,
  ]);
  const d = withEdit('steps/05-flow.md', '[Deploy](hoc:deploy)', '[Deploy](hoc:deploy?step=flw)');
  assert.match(
    d.lines[0],
    new RegExp(
      `^steps/05-flow\\.md:${d.line}: link 'hoc:deploy\\?step=flw': names step 'flw', which lesson\\.yaml does not have`,
    ),
  );
});

test('hoc lab validate prints file:line problems and exits 1; exits 0 on a clean lesson', () => {
  const f = copyFixture('complete');
  try {
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lab', 'validate', f.dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /ok \(6 steps, 18 resources\)/);
    const line = f.replace('template.yaml', '    Type: AWS::S3::Bucket', '    Type: AWS::S3::Buckit');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lab', 'validate', f.dir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1);
    assert.match(
      bad.stderr,
      new RegExp(
        `${f.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/template\\.yaml:${line}: resource type 'AWS::S3::Buckit' is not supported`,
      ),
    );
  } finally {
    f.remove();
  }
});
