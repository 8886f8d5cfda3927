// `hoc lab run` and `hoc lab teardown` as a user runs them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../lab/lessonFixture';
import { startTestCloud } from '../helpers/cloud';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';

const ROOT = join(import.meta.dirname, '..', '..');

function hoc(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(input ?? '');
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

test(
  'hoc lab run: a progress line per step, a summary with checks and cost, exit 0',
  { timeout: 300_000 },
  async () => {
    const f = copyFixture('complete');
    try {
      const r = await hoc(['lab', 'run', f.dir]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const lines = r.stdout.split('\n');
      for (const [i, id] of ['queue', 'functions', 'apis', 'events', 'flow', 'edit'].entries()) {
        assert.ok(
          lines.some((l) => l.startsWith(`[${i + 1}/6] ${id} — `) && l.includes(': ok (')),
          r.stdout,
        );
      }
      assert.match(r.stdout, /16\/16 checks passed\./);
      assert.match(r.stdout, /Estimated cost on AWS \(us-east-1\): \$0\.\d+ — Lambda \$0\.\d+/);
      const progress = JSON.parse(readFileSync(join(f.dir, '.hoc', 'progress-local.json'), 'utf8'));
      assert.equal(progress['progress/fx'].queue.state, 'done');
    } finally {
      f.remove();
    }
  },
);

test(
  'hoc lab run: a failing check exits 1 and says what to do; --step runs one step',
  { timeout: 120_000 },
  async () => {
    const f = copyFixture('complete');
    try {
      f.replace('functions/pow/index.ts', 'Math.pow(x, y)', 'x ** y');
      const r = await hoc(['lab', 'run', f.dir, '--step', 'edit']);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^\[1\/1\] edit — Edit a function: FAILED \(0 actions, 0\/1 checks\)$/m);
      assert.match(
        r.stdout,
        /✗ edit: pow uses Math\.pow — functions\/pow\/index\.ts does not contain 'Math\.pow' yet; edit it and save/,
      );
      // --solutions runs a copy with the step's solution in place; the student's file stays as it is.
      const solved = await hoc(['lab', 'run', f.dir, '--step', 'edit', '--solutions']);
      assert.equal(solved.code, 0, solved.stdout + solved.stderr);
      assert.match(solved.stdout, /With the solutions in place/);
      assert.match(solved.stdout, /^\[1\/1\] edit — Edit a function: ok/m);
      assert.match(f.read('functions/pow/index.ts'), /x \*\* y/);
      assert.deepEqual(
        readdirSync(join(f.dir, '.hoc')).filter((n) => n.startsWith('solved-')),
        [],
      );
      const bad = await hoc(['lab', 'run', f.dir, '--step', 'nope']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /has no step 'nope'; its steps are queue, functions, apis, events, flow, edit/);
    } finally {
      f.remove();
    }
  },
);

test('hoc lab run --target aws asks first and deploys nothing without a yes', async () => {
  const f = copyFixture('storage');
  try {
    const r = await hoc(['lab', 'run', f.dir, '--target', 'aws', '--region', 'us-east-1'], {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'x',
    });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /creates real resources; it costs at most \$/);
    assert.match(r.stderr, /pass --yes to run without asking/);
    assert.equal(existsSync(join(f.dir, '.hoc', 'state-aws.json')), false);
  } finally {
    f.remove();
  }
});

test('hoc lab teardown removes what a run deployed on a running local cloud', { timeout: 120_000 }, async () => {
  const cloud = await startTestCloud();
  const f = copyFixture('storage');
  const env = {
    HOC_ENDPOINT: cloud.endpoint,
    HOC_ACCESS_KEY_ID: cloud.credentials.accessKeyId,
    HOC_SECRET_ACCESS_KEY: cloud.credentials.secretAccessKey,
  };
  try {
    const run = await hoc(['lab', 'run', f.dir], env);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const down = await hoc(['lab', 'teardown', f.dir], env);
    assert.equal(down.code, 0, down.stderr);
    assert.match(down.stdout, /deleted Inbox \(AWS::SQS::Queue\)/);
    assert.match(down.stdout, /Removed \d+ resources of st from local\./);
    const again = await hoc(['lab', 'teardown', f.dir], env);
    assert.match(again.stdout, /Nothing of st was deployed on local\./);
    const noCloud = await hoc(['lab', 'teardown', f.dir]);
    assert.equal(noCloud.code, 1);
    assert.match(noCloud.stderr, /There is no running local cloud to act on/);
  } finally {
    f.remove();
    await cloud.stop();
  }
});

test("hoc <command> --help prints that command's usage and exits 0; an unknown option is a usage error", async () => {
  const help = await hoc(['lab', 'run', '--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.match(
    help.stdout,
    /^Usage: hoc lab validate \[LESSON_DIR\|COURSE_DIR\.\.\.\]\n {7}hoc lab run LESSON_DIR\|COURSE_DIR .*--step ID.*--report FILE\.xml\|FILE\.json/,
  );
  assert.equal(help.stderr, '');
  const bad = await hoc(['lab', 'run', '--nope']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Unknown option '--nope'[\s\S]*Usage: hoc lab/);
});

test(
  'hoc lab run --parameter NAME=VALUE overrides a template parameter; an undeclared name is a usage error',
  { timeout: 120_000 },
  async () => {
    const cloud = await startTestCloud();
    const f = copyFixture('complete');
    const env = {
      HOC_ENDPOINT: cloud.endpoint,
      HOC_ACCESS_KEY_ID: cloud.credentials.accessKeyId,
      HOC_SECRET_ACCESS_KEY: cloud.credentials.secretAccessKey,
    };
    try {
      const typo = await hoc(['lab', 'run', f.dir, '--step', 'functions', '--parameter', 'Greetin=hola'], env);
      assert.equal(typo.code, 2);
      assert.match(typo.stderr, /has no parameter 'Greetin'; it declares Greeting/);
      const run = await hoc(['lab', 'run', f.dir, '--step', 'functions', '--parameter', 'Greeting=hola'], env);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      const lambda = new LambdaClient({
        endpoint: cloud.endpoint,
        region: 'us-east-1',
        credentials: cloud.credentials,
      });
      const fn = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'fx-Pow' }));
      assert.equal(fn.Environment?.Variables?.GREETING, 'hola');
      lambda.destroy();
    } finally {
      f.remove();
      await cloud.stop();
    }
  },
);
