// Step Functions: the same state machines run by the local cloud and by
// `aws-local-stepfunctions` 3.0.0 (in-process peer) in one run, with ratios.
//   npx tsx bench/stepfunctions.ts [--rounds N]
// Columns: the local cloud end to end (SDK → HTTP + SigV4 → EXPRESS StartSyncExecution, with
// history), our interpreter in-process (no HTTP), and the peer in-process. Medians of N rounds.
import { performance } from 'node:perf_hooks';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  SFNClient,
  StartExecutionCommand,
  StartSyncExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { AslStateMachine } from '../src/asl/types';
import { startLocalCloud } from '../src/localcloud';
import type { Json } from '../src/localcloud/stepfunctions/interpreter/jsonPath';
import { runGraph } from '../src/localcloud/stepfunctions/interpreter/runner';
import { Thread, type ExecutionRuntime } from '../src/localcloud/stepfunctions/interpreter/runtime';
import { TaskTokens } from '../src/localcloud/stepfunctions/interpreter/taskTokens';

// aws-local-stepfunctions 3 uses Promise.withResolvers, which Node 20 lacks.
const P = Promise as unknown as {
  withResolvers?: <T>() => { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void };
};
P.withResolvers ??= <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 15;

const passChain = (n: number): AslStateMachine => ({
  StartAt: 'S0',
  States: Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `S${i}`,
      {
        Type: 'Pass',
        Parameters: { 'step.$': `States.MathAdd($.step, 1)`, tag: `s${i}` },
        ...(i === n - 1 ? { End: true } : { Next: `S${i + 1}` }),
      },
    ]),
  ) as AslStateMachine['States'],
});

const MACHINES: Array<{ name: string; definition: AslStateMachine; input: Json }> = [
  { name: 'pass chain (20 states, intrinsics)', definition: passChain(20), input: { step: 0 } },
  {
    name: 'choice loop (50 turns)',
    definition: {
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.i', NumericGreaterThanEquals: 50, Next: 'Done' }],
          Default: 'Inc',
        },
        Inc: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    },
    input: { i: 0 },
  },
  {
    name: 'parallel (4 branches × 3 states)',
    definition: {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          End: true,
          Branches: [0, 1, 2, 3].map((b) => ({
            StartAt: `B${b}a`,
            States: {
              [`B${b}a`]: { Type: 'Pass', Next: `B${b}b` },
              [`B${b}b`]: { Type: 'Pass', Result: b, ResultPath: '$.b', Next: `B${b}c` },
              [`B${b}c`]: { Type: 'Pass', End: true },
            },
          })),
        },
      },
    },
    input: { x: 1 },
  },
  {
    name: 'map over 1,000 items',
    definition: {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          End: true,
          ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
          ItemProcessor: {
            StartAt: 'Double',
            States: { Double: { Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($.value, $.value)' }, End: true } },
          },
        },
      },
    },
    input: { items: Array.from({ length: 1000 }, (_, i) => i) },
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

async function inProcess(definition: AslStateMachine, input: Json): Promise<Json> {
  let id = 0;
  const controller = new AbortController();
  const rt: ExecutionRuntime = {
    identity: {
      executionArn: 'arn:aws:states:us-east-1:000000000000:execution:bench:x',
      name: 'x',
      stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:bench',
      stateMachineName: 'bench',
      roleArn: 'arn:aws:iam::000000000000:role/r',
      startTime: new Date(),
      input,
    },
    history: { emit: () => ++id },
    integrations: {
      region: 'us-east-1',
      accountId: '000000000000',
      lambda: () => undefined,
      sqs: () => undefined,
      startExecution: () => Promise.reject(new Error('n/a')),
      waitForExecution: () => Promise.reject(new Error('n/a')),
      tokens: new TaskTokens(),
    },
    signal: controller.signal,
    timeScale: 1,
    region: 'us-east-1',
    accountId: '000000000000',
  };
  return runGraph(definition, input, new Thread(rt, 0), { variables: {} }, 'JSONPath');
}

async function main(): Promise<void> {
  const { StateMachine } = await import('aws-local-stepfunctions');
  const cloud = await startLocalCloud({ port: 0, log: () => undefined });
  const sfn = new SFNClient({
    endpoint: cloud.endpoint,
    region: cloud.region,
    credentials: cloud.credentials,
    disableHostPrefix: true,
    maxAttempts: 1,
  });
  const role = 'arn:aws:iam::000000000000:role/bench';
  console.log(`Step Functions benchmark — median of ${rounds} rounds, ms (lower is better)\n`);
  console.log(
    [
      'machine'.padEnd(36),
      'local cloud'.padStart(12),
      'in-process'.padStart(11),
      'peer'.padStart(9),
      'cloud/peer'.padStart(11),
      'in-proc/peer'.padStart(13),
    ].join(' '),
  );
  try {
    for (const [i, m] of MACHINES.entries()) {
      const { stateMachineArn } = await sfn.send(
        new CreateStateMachineCommand({
          name: `bench-${i}`,
          type: 'EXPRESS',
          definition: JSON.stringify(m.definition),
          roleArn: role,
        }),
      );
      const input = JSON.stringify(m.input);
      const ours = await time(async () => {
        const r = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input }));
        if (r.status !== 'SUCCEEDED') throw new Error(`${m.name}: ${r.error} ${r.cause}`);
      });
      const local = await time(() => inProcess(m.definition, m.input));
      const peerMachine = new StateMachine(m.definition as never);
      const peer = await time(() => peerMachine.run(m.input as never).result);
      console.log(
        [
          m.name.padEnd(36),
          ours.toFixed(2).padStart(12),
          local.toFixed(2).padStart(11),
          peer.toFixed(2).padStart(9),
          `${(ours / peer).toFixed(2)}×`.padStart(11),
          `${(local / peer).toFixed(2)}×`.padStart(13),
        ].join(' '),
      );
    }
    // What one signed request costs by itself, to read the end-to-end column against.
    const roundTrip = await time(() =>
      sfn.send(
        new DescribeStateMachineCommand({
          stateMachineArn: `arn:aws:states:${cloud.region}:000000000000:stateMachine:bench-0`,
        }),
      ),
    );
    console.log(`\none signed SDK round trip (DescribeStateMachine): ${roundTrip.toFixed(2)} ms`);
    // A STANDARD execution records every history event (4,000+ for the Map) and is polled.
    const map = MACHINES[3]!;
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: 'bench-standard-map',
        definition: JSON.stringify(map.definition),
        roleArn: role,
      }),
    );
    const standard = await time(async () => {
      const { executionArn } = await sfn.send(
        new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(map.input) }),
      );
      for (;;) {
        const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
        if (d.status !== 'RUNNING') break;
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    console.log(`STANDARD map over 1,000 items (start + poll, 4,005 history events): ${standard.toFixed(1)} ms`);
  } finally {
    await cloud.stop();
  }
}

void main();
