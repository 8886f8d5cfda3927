// A synchronous Invoke whose caller disconnects: the local cloud stops waiting for the result
// at once (and says so in its log), while the function runs to completion as on AWS, holding
// its concurrency until it ends and then handing its warm environment to the next caller.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  AddPermissionCommand,
  CreateFunctionUrlConfigCommand,
  GetFunctionCommand,
  InvokeCommand,
  PutFunctionConcurrencyCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-lambda';
import { createFunction, payloadOf, tailOf, useLambdaCloud } from './lambdaKit';

const cloudLog: string[] = [];
const f = useLambdaCloud({ options: { log: (line) => cloudLog.push(line) } });

/** An HTTP endpoint the `gated` handler fetches: held open until `open()`, answered at once after. */
async function startGate(): Promise<{ url: string; reached: Promise<void>; open(): void; close(): Promise<void> }> {
  const held: ServerResponse[] = [];
  let opened = false;
  let reached!: () => void;
  const reachedOnce = new Promise<void>((resolve) => (reached = resolve));
  const server = createServer((_req, res) => {
    if (opened) return void res.end('open');
    held.push(res);
    reached();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    reached: reachedOnce,
    open() {
      opened = true;
      for (const res of held.splice(0)) res.end('open');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Sends a POST over a raw socket that the test can cut, SigV4-signed for Lambda unless it goes
 * to a public function URL; it must never be answered.
 */
async function startRawPost(path: string, payload: unknown, signed: boolean): Promise<{ destroy(): void }> {
  const url = new URL(f.cloud.endpoint);
  const body = JSON.stringify(payload);
  let headers: Record<string, string> = { host: url.host, 'content-type': 'application/json' };
  if (signed) {
    const signer = new SignatureV4({
      service: 'lambda',
      region: f.cloud.region,
      sha256: Sha256,
      credentials: f.cloud.credentials,
    });
    headers = (
      await signer.sign({
        method: 'POST',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path,
        headers,
        body,
      })
    ).headers;
  }
  const req = request({ host: url.hostname, port: url.port, method: 'POST', path, headers });
  req.on('error', () => undefined); // the socket is destroyed on purpose
  req.on('response', () => assert.fail('the invocation answered although its handler was still held'));
  await new Promise<void>((resolve) => req.end(body, resolve));
  return { destroy: () => req.destroy() };
}

/** Waits until the function's log group holds `count` REPORT lines (each written as its invocation ends). */
async function reportLines(functionName: string, count: number): Promise<void> {
  for (;;) {
    const out = await f.logs
      .send(new FilterLogEventsCommand({ logGroupName: `/aws/lambda/${functionName}`, filterPattern: 'REPORT' }))
      .catch(() => ({ events: [] }));
    if ((out.events?.length ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('a caller that disconnects from a synchronous Invoke is no longer waited for; the function still runs to completion', async () => {
  const gate = await startGate();
  try {
    await createFunction(f.lambda, { FunctionName: 'gated', Handler: 'index.gated' });
    await f.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'gated', ReservedConcurrentExecutions: 1 }));
    const invoke = () =>
      f.lambda.send(
        new InvokeCommand({
          FunctionName: 'gated',
          Payload: Buffer.from(JSON.stringify({ gate: gate.url })),
          LogType: 'Tail',
        }),
      );

    const caller = await startRawPost('/2015-03-31/functions/gated/invocations', { gate: gate.url }, true);
    await gate.reached; // the handler is running and held
    caller.destroy();
    // A round trip on another connection, answered after the server has taken in the disconnect.
    await f.lambda.send(new GetFunctionCommand({ FunctionName: 'gated' }));
    assert.ok(
      cloudLog.some((line) => /the caller of \S+:function:gated disconnected before the function answered/.test(line)),
      `the wait ended when the caller left; the cloud logged:\n${cloudLog.join('\n')}`,
    );

    // The abandoned invocation still holds the one reserved slot: it was not stopped.
    await assert.rejects(invoke(), TooManyRequestsException);

    gate.open();
    await reportLines('gated', 1);
    // Nothing is left waiting: the next caller gets the function, warm.
    const next = await invoke();
    assert.equal(next.FunctionError, undefined);
    assert.deepEqual(payloadOf(next), { gate: 'open' });
    assert.doesNotMatch(tailOf(next), /Init Duration/, 'the finished invocation handed its warm environment on');
  } finally {
    gate.open();
    await gate.close();
  }
});

test('a function URL whose caller disconnects is no longer waited for either', async () => {
  const gate = await startGate();
  try {
    await createFunction(f.lambda, { FunctionName: 'gatedUrl', Handler: 'index.gated' });
    const { FunctionUrl } = await f.lambda.send(
      new CreateFunctionUrlConfigCommand({ FunctionName: 'gatedUrl', AuthType: 'NONE' }),
    );
    // A public URL needs both statements (as in functionUrl.test.ts).
    await f.lambda.send(
      new AddPermissionCommand({
        FunctionName: 'gatedUrl',
        StatementId: 'url',
        Action: 'lambda:InvokeFunctionUrl',
        Principal: '*',
        FunctionUrlAuthType: 'NONE',
      }),
    );
    await f.lambda.send(
      new AddPermissionCommand({
        FunctionName: 'gatedUrl',
        StatementId: 'invoke',
        Action: 'lambda:InvokeFunction',
        Principal: '*',
        InvokedViaFunctionUrl: true,
      }),
    );
    const urlPath = `/_aws/lambda-url/${new URL(FunctionUrl!).hostname.split('.')[0]}/`;

    const caller = await startRawPost(urlPath, { gate: gate.url }, false);
    await gate.reached;
    caller.destroy();
    await f.lambda.send(new GetFunctionCommand({ FunctionName: 'gatedUrl' }));
    assert.ok(
      cloudLog.some((line) =>
        /the caller of \S+:function:gatedUrl disconnected before the function answered/.test(line),
      ),
      `the wait ended when the caller left; the cloud logged:\n${cloudLog.join('\n')}`,
    );

    gate.open();
    await reportLines('gatedUrl', 1);
    const next = await fetch(`${f.cloud.endpoint}${urlPath}`, {
      method: 'POST',
      body: JSON.stringify({ gate: gate.url }),
    });
    assert.equal(next.status, 200);
    assert.deepEqual(await next.json(), { gate: 'open' });
  } finally {
    gate.open();
    await gate.close();
  }
});
