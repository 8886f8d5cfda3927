// A function's processes live and die with its execution environment, against a real
// `hoc cloud` process and real processes read from /proc: a runtime stopped by the CPU
// throttle dies when its local cloud is killed with SIGKILL; children a handler detaches
// (setsid, or orphaned by a parent that exited) die with DeleteFunction and with SIGTERM;
// MemorySize bounds the whole process tree; a killed local cloud's temp folder is removed by
// the next one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { zipSync, strToU8 } from 'fflate';
import { CreateFunctionCommand, DeleteFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { tempDir } from '../../helpers/cloud';
import { spawnCloud } from '../../helpers/cloudProcess';
import { eventually, processesIn, processState, running } from '../../helpers/procStatus';
import { payloadOf, tailOf } from './lambdaKit';

const linuxOnly = { skip: process.platform !== 'linux' && 'reads /proc' };

const HANDLERS = `
const { spawn, execFileSync } = require('node:child_process');
exports.spin = async () => { const end = Date.now() + 30000; while (Date.now() < end); return 'spun'; };
exports.detach = async () => {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
  child.unref();
  const orphan = execFileSync(process.execPath, ['-e',
    "const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' }); c.unref(); process.stdout.write(String(c.pid));"]);
  return { detached: child.pid, orphan: Number(orphan.toString()) };
};
exports.hog = async () => {
  const child = spawn(process.execPath, ['-e',
    "const a = []; const t = setInterval(() => { a.push(Buffer.alloc(16 << 20, 1)); if (a.length >= 40) { clearInterval(t); } }, 20); setTimeout(() => process.exit(0), 20000);"], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return 'survived';
};
`;

async function createHandler(
  lambda: LambdaClient,
  FunctionName: string,
  Handler: string,
  extra: { MemorySize?: number; Timeout?: number } = {},
): Promise<void> {
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName,
      Handler,
      Runtime: 'nodejs24.x',
      Role: 'arn:aws:iam::000000000000:role/r',
      MemorySize: 128,
      Timeout: 60,
      Code: { ZipFile: zipSync({ 'index.js': strToU8(HANDLERS) }) },
      ...extra,
    }),
  );
}

function scratchDirsOf(pid: number): string[] {
  return readdirSync(tmpdir()).filter((n) => n.startsWith(`hoc-lambda-${pid}-`));
}

test(
  'kill -9 during a CPU-throttled invoke: the stopped runtime dies too, and the next start removes its temp folder',
  linuxOnly,
  async () => {
    const state = tempDir();
    const cloud = await spawnCloud(['--state-dir', state.path]);
    const lambda = new LambdaClient(cloud.clientConfig);
    try {
      await createHandler(lambda, 'spin', 'index.spin');
      await lambda.send(
        new InvokeCommand({ FunctionName: 'spin', InvocationType: 'Event', Payload: Buffer.from('{}') }),
      );
      // The throttle stops a 128 MB function's process group for ~93% of each period.
      const stopped = await eventually(
        () => processesIn(state.path).some((pid) => processState(pid) === 'T'),
        20_000,
        5,
      );
      assert.ok(stopped, 'the runtime was seen stopped by the throttle');
      const runtimes = processesIn(state.path);
      const serverPid = cloud.child.pid!;
      await cloud.stop('SIGKILL');
      assert.ok(
        await eventually(() => !runtimes.some(running)),
        `still alive: ${runtimes
          .filter(running)
          .map((p) => `${p} (${processState(p)})`)
          .join(', ')}`,
      );

      assert.ok(scratchDirsOf(serverPid).length > 0, 'the killed local cloud left its temp folder');
      const next = await spawnCloud(['--state-dir', state.path]);
      try {
        assert.deepEqual(scratchDirsOf(serverPid), []);
        assert.ok(scratchDirsOf(next.child.pid!).length > 0);
      } finally {
        await next.stop();
      }
    } finally {
      lambda.destroy();
      await cloud.stop('SIGKILL');
      state.remove();
    }
  },
);

test("children a handler detaches die with DeleteFunction, and with the local cloud's SIGTERM", linuxOnly, async () => {
  const cloud = await spawnCloud();
  const lambda = new LambdaClient(cloud.clientConfig);
  try {
    const detachedPids = async (name: string) => {
      // Three Node processes besides the runtime: more than 128 MB over the tree.
      await createHandler(lambda, name, 'index.detach', { MemorySize: 512 });
      const out = await lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{}') }));
      assert.equal(out.FunctionError, undefined, Buffer.from(out.Payload ?? []).toString());
      const pids = payloadOf(out) as { detached: number; orphan: number };
      assert.ok(running(pids.detached) && running(pids.orphan));
      return [pids.detached, pids.orphan];
    };
    const first = await detachedPids('detacher');
    await lambda.send(new DeleteFunctionCommand({ FunctionName: 'detacher' }));
    assert.ok(await eventually(() => !first.some(running)), `outlived DeleteFunction: ${first.filter(running)}`);

    const second = await detachedPids('detacher-2');
    await cloud.stop('SIGTERM');
    assert.ok(await eventually(() => !second.some(running)), `outlived SIGTERM: ${second.filter(running)}`);
  } finally {
    lambda.destroy();
    await cloud.stop();
  }
});

test(
  'MemorySize bounds the process tree: a child holding memory ends the environment with Runtime.OutOfMemory',
  linuxOnly,
  async () => {
    const state = tempDir();
    const cloud = await spawnCloud(['--state-dir', state.path]);
    const lambda = new LambdaClient(cloud.clientConfig);
    try {
      await createHandler(lambda, 'hog', 'index.hog', { Timeout: 30 });
      const out = await lambda.send(
        new InvokeCommand({ FunctionName: 'hog', Payload: Buffer.from('{}'), LogType: 'Tail' }),
      );
      assert.equal(out.FunctionError, 'Unhandled');
      const body = payloadOf(out) as { errorType: string; errorMessage: string };
      assert.equal(body.errorType, 'Runtime.OutOfMemory');
      assert.match(body.errorMessage, /Runtime exited with error: signal: killed/);
      assert.match(
        tailOf(out),
        /Max Memory Used: 128 MB\tInit Duration: [\d.]+ ms\tStatus: error\tError Type: Runtime\.OutOfMemory\t\n/,
      );
      assert.ok(await eventually(() => !processesIn(state.path).some(running)), 'the child ended with its environment');
    } finally {
      lambda.destroy();
      await cloud.stop();
      state.remove();
    }
  },
);
