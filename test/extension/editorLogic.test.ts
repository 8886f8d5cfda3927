// Pure logic behind the editor features (no `vscode` import): AWS profiles from the shared
// config files, step markdown rendering, and handler → lesson function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { profilesFrom, readAwsProfiles } from '../../src/extension/targets/awsProfiles';
import { renderStepMarkdown } from '../../src/extension/stepGuide/stepMarkdown';
import {
  functionForFile,
  handlerLine,
  lessonFunctions,
  stepEventFor,
} from '../../src/extension/invoke/lessonFunctions';
import { validateLesson } from '../../src/lab/validateLesson';

const CONFIG = `
[default]
region = eu-west-1
[profile student]
sso_session = school
sso_account_id = 123456789012
region = us-west-2
[sso-session school]
sso_start_url = https://school.awsapps.com/start
[profile admin]   # assumed role
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = default
`;
const CREDENTIALS = `
[default]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = secret
[ci]
credential_process = /usr/bin/get-creds
`;

test('lists profiles from both shared files with how each signs in', () => {
  const profiles = profilesFrom(CONFIG, CREDENTIALS);
  assert.deepEqual(
    profiles.map((p) => [p.name, p.kind, p.region ?? null, p.source]),
    [
      ['default', 'keys', 'eu-west-1', 'config + credentials'],
      ['admin', 'role', null, 'config'],
      ['ci', 'process', null, 'credentials'],
      ['student', 'sso', 'us-west-2', 'config'],
    ],
  );
});

test('reads the files AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name, and survives missing ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoc-profiles-'));
  writeFileSync(join(dir, 'config'), CONFIG);
  const found = await readAwsProfiles({
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'absent'),
    HOME: dir,
  });
  assert.deepEqual(
    found.map((p) => p.name),
    ['default', 'admin', 'student'],
  );
  assert.deepEqual(await readAwsProfiles({ HOME: join(dir, 'nowhere') }), []);
});

test('renders step markdown without raw HTML or script links, with hoc: links as buttons', () => {
  const html = renderStepMarkdown(
    '<script>alert(1)</script>\n\n[Deploy](hoc:deploy) [bad](hoc:nope) [x](javascript:alert(1)) [AWS](https://aws.amazon.com) ![diagram](img/a.png) ![remote](https://example.com/a.png)',
    { imageUrl: (p) => (p === 'img/a.png' ? 'https://file+.vscode-resource/lesson/img/a.png' : undefined) },
  );
  assert.ok(!html.includes('<script>'), html);
  assert.match(html, /&lt;script&gt;/);
  assert.match(html, /<a href="#" data-href="hoc:deploy" class="hoc-link hoc-deploy" role="button">Deploy<\/a>/);
  assert.match(html, /class="hoc-link hoc-invalid"[^>]*title="unknown link 'hoc:nope'/);
  assert.ok(!/(href|data-href)="javascript:/.test(html), 'javascript: links stay text');
  assert.match(html, /data-href="https:\/\/aws.amazon.com" class="external-link"/);
  assert.match(html, /<img src="https:\/\/file\+\.vscode-resource\/lesson\/img\/a.png" alt="diagram">/);
  assert.match(html, /<span class="image-missing">\[remote\]<\/span>/);
});

test('finds the handler line in TypeScript, CommonJS and Python sources', () => {
  assert.equal(handlerLine('import x from "y";\n\nexport const handler = async () => 1;\n', 'index.handler'), 2);
  assert.equal(handlerLine('// hi\nexport async function handler(event) {}\n', 'index.handler'), 1);
  assert.equal(handlerLine('exports.handler = async () => {};\n', 'index.handler'), 0);
  assert.equal(handlerLine('import json\n\ndef lambda_handler(event, context):\n  pass\n', 'app.lambda_handler'), 2);
  assert.equal(handlerLine('export const other = 1;\n', 'index.handler'), -1);
});

test('maps a handler file to its lesson function and physical name', () => {
  const dir = join(__dirname, '..', 'e2e', 'fixtures', 'workspace', 'labs', '01-hello');
  const { lesson, template, diagnostics } = validateLesson(dir);
  assert.deepEqual(diagnostics, []);
  const entry = { dir, lesson: lesson!, template, bundled: false, diagnostics };
  const fns = lessonFunctions(entry, '');
  assert.deepEqual(
    fns.map((f) => [f.logicalId, f.physicalName, f.eventPrefix]),
    [['HelloFunction', '01-hello-HelloFunction', 'hello']],
  );
  assert.equal(functionForFile(fns, join(dir, 'functions', 'hello', 'index.js'))?.logicalId, 'HelloFunction');
  assert.equal(functionForFile(fns, join(dir, 'functions', 'hello', 'other.js')), undefined);
  assert.equal(lessonFunctions(entry, 'AB')[0].physicalName, '01-hello-ab-HelloFunction');
});

test('the Invoke CodeLens uses the event the step invokes the function with', () => {
  const { lesson } = validateLesson(
    join(import.meta.dirname, '..', 'e2e', 'fixtures', 'workspace', 'labs', '01-hello'),
  );
  assert.ok(lesson);
  assert.equal(stepEventFor(lesson.steps, 'HelloFunction', 'function'), 'events/hello.json');
  // From another step (or none), the first step that invokes it.
  assert.equal(stepEventFor(lesson.steps, 'HelloFunction', 'queue'), 'events/hello.json');
  assert.equal(stepEventFor(lesson.steps, 'HelloFunction'), 'events/hello.json');
  assert.equal(stepEventFor(lesson.steps, 'NoSuchFunction', 'function'), undefined);
  // Two steps invoking the same function with different events: the current step's wins.
  const invoking = (id: string, event: string) => ({
    ...lesson.steps[1],
    id,
    actions: [{ type: 'invoke' as const, id: 'inv', title: 'Invoke', function: 'F', event }],
  });
  const steps = [invoking('first', 'events/f-one.json'), invoking('second', 'events/f-two.json')];
  assert.equal(stepEventFor(steps, 'F', 'second'), 'events/f-two.json');
  assert.equal(stepEventFor(steps, 'F', 'first'), 'events/f-one.json');
});
