// Function URLs over plain HTTP: payload format 2.0 events, response mapping (structured,
// bare string, bare object), CORS with preflight, auth types NONE (needs a policy) and AWS_IAM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import {
  AddPermissionCommand,
  CreateFunctionUrlConfigCommand,
  GetFunctionUrlConfigCommand,
  UpdateFunctionUrlConfigCommand,
} from '@aws-sdk/client-lambda';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { createFunction, useLambdaCloud } from './lambdaKit';

const f = useLambdaCloud();

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** HTTP to the local cloud with any Host header (Node cannot resolve *.localhost itself). */
function http(
  method: string,
  url: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: f.cloud.port,
        method,
        path: u.pathname + u.search,
        headers: { host: u.host, ...(options.headers ?? {}) },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The two statements a public (AuthType NONE) URL needs on AWS since October 2025, as the console adds them. */
async function allowPublicUrl(name: string): Promise<void> {
  await f.lambda.send(
    new AddPermissionCommand({
      FunctionName: name,
      StatementId: 'FunctionURLAllowPublicAccess',
      Action: 'lambda:InvokeFunctionUrl',
      Principal: '*',
      FunctionUrlAuthType: 'NONE',
    }),
  );
  await f.lambda.send(
    new AddPermissionCommand({
      FunctionName: name,
      StatementId: 'FunctionURLInvokeAllowPublicAccess',
      Action: 'lambda:InvokeFunction',
      Principal: '*',
      InvokedViaFunctionUrl: true,
    }),
  );
}

async function publicUrl(name: string, handler: string, cors?: Record<string, unknown>): Promise<string> {
  await createFunction(f.lambda, { FunctionName: name, Handler: handler });
  const created = await f.lambda.send(
    new CreateFunctionUrlConfigCommand({ FunctionName: name, AuthType: 'NONE', Cors: cors }),
  );
  await allowPublicUrl(name);
  return created.FunctionUrl!;
}

test('a URL invokes the function with a 2.0 event and maps its structured response', async () => {
  const url = await publicUrl('web', 'index.url');
  assert.match(url, new RegExp(`^http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:${f.cloud.port}/$`));
  const res = await http('POST', `${url}orders/42?x=1&x=2&y=3`, {
    headers: { 'content-type': 'application/json', cookie: 'session=abc' },
    body: '{"a":1}',
  });
  assert.equal(res.status, 201);
  assert.equal(res.headers['content-type'], 'text/plain');
  assert.equal(res.headers['x-custom'], 'yes');
  assert.deepEqual(res.headers['set-cookie'], ['a=1', 'b=2']);
  assert.equal(res.body, 'POST /orders/42 {"x":"1,2","y":"3"} {"a":1}');
  // The same URL, path-style (what Node and tools without *.localhost use).
  const urlId = new URL(url).hostname.split('.')[0];
  const pathStyle = await fetch(`${f.cloud.endpoint}/_aws/lambda-url/${urlId}/hello`);
  assert.equal(pathStyle.status, 201);
  assert.equal(await pathStyle.text(), 'GET /hello  ');
});

test('bare strings and objects become 200 application/json', async () => {
  const url = await publicUrl('bare', 'index.bare');
  const s = await http('GET', `${url}string`);
  assert.equal(s.status, 200);
  assert.equal(s.headers['content-type'], 'application/json');
  assert.equal(s.body, 'just a string');
  const o = await http('GET', `${url}object`);
  assert.deepEqual(JSON.parse(o.body), { message: 'an object', path: '/object' });
});

// AWS Lambda guide, "Control access to Lambda function URLs" (read 2026-12-03): since October 2025
// an AuthType NONE URL needs lambda:InvokeFunctionUrl and lambda:InvokeFunction for "*".
test('an AuthType NONE URL answers 403 until the policy allows both InvokeFunctionUrl and InvokeFunction; a failing function 502', async () => {
  await createFunction(f.lambda, { FunctionName: 'private', Handler: 'index.fails' });
  const { FunctionUrl } = await f.lambda.send(
    new CreateFunctionUrlConfigCommand({ FunctionName: 'private', AuthType: 'NONE' }),
  );
  const denied = await http('GET', FunctionUrl!);
  assert.equal(denied.status, 403);
  assert.equal(denied.headers['x-amzn-errortype'], 'AccessDeniedException');
  assert.deepEqual(JSON.parse(denied.body), { Message: 'Forbidden' });
  await f.lambda.send(
    new AddPermissionCommand({
      FunctionName: 'private',
      StatementId: 'url',
      Action: 'lambda:InvokeFunctionUrl',
      Principal: '*',
      FunctionUrlAuthType: 'NONE',
    }),
  );
  const onlyUrl = await http('GET', FunctionUrl!);
  assert.equal(onlyUrl.status, 403, 'the pre-October-2025 single statement is no longer enough');
  assert.deepEqual(JSON.parse(onlyUrl.body), { Message: 'Forbidden' });
  const added = await f.lambda.send(
    new AddPermissionCommand({
      FunctionName: 'private',
      StatementId: 'invoke',
      Action: 'lambda:InvokeFunction',
      Principal: '*',
      InvokedViaFunctionUrl: true,
    }),
  );
  assert.deepEqual(JSON.parse(added.Statement!).Condition, { Bool: { 'lambda:InvokedViaFunctionUrl': 'true' } });
  const failed = await http('GET', FunctionUrl!);
  assert.equal(failed.status, 502);
  assert.equal(failed.body, 'Internal Server Error');
});

test('CORS: preflight answered by Lambda, configured headers on responses, function CORS headers replaced', async () => {
  const cors = {
    AllowOrigins: ['https://app.example'],
    AllowMethods: ['GET', 'POST'],
    AllowHeaders: ['content-type', 'x-token'],
    ExposeHeaders: ['x-custom'],
    MaxAge: 600,
    AllowCredentials: true,
  };
  const url = await publicUrl('cors', 'index.url', cors);
  const pre = await http('OPTIONS', `${url}orders`, {
    headers: {
      origin: 'https://app.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-token',
    },
  });
  assert.equal(pre.status, 200);
  assert.equal(pre.headers['access-control-allow-origin'], 'https://app.example');
  assert.equal(pre.headers['access-control-allow-methods'], 'GET,POST');
  assert.equal(pre.headers['access-control-allow-headers'], 'content-type,x-token');
  assert.equal(pre.headers['access-control-allow-credentials'], 'true');
  assert.equal(pre.headers['access-control-max-age'], '600');
  const refused = await http('OPTIONS', `${url}orders`, {
    headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
  });
  assert.equal(refused.headers['access-control-allow-origin'], undefined);
  const res = await http('GET', `${url}orders`, { headers: { origin: 'https://app.example' } });
  assert.equal(
    res.headers['access-control-allow-origin'],
    'https://app.example',
    "the function's own header is replaced",
  );
  assert.equal(res.headers['access-control-expose-headers'], 'x-custom');
  await f.lambda.send(
    new UpdateFunctionUrlConfigCommand({ FunctionName: 'cors', Cors: { AllowOrigins: ['*'], AllowMethods: ['*'] } }),
  );
  const star = await http('GET', `${url}orders`, { headers: { origin: 'https://anyone.example' } });
  assert.equal(star.headers['access-control-allow-origin'], '*');
  const cfg = await f.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'cors' }));
  assert.deepEqual(cfg.Cors?.AllowOrigins, ['*']);
});

test('an AWS_IAM URL refuses unsigned requests and serves SigV4-signed ones', async () => {
  await createFunction(f.lambda, { FunctionName: 'iam', Handler: 'index.url' });
  const { FunctionUrl } = await f.lambda.send(
    new CreateFunctionUrlConfigCommand({ FunctionName: 'iam', AuthType: 'AWS_IAM' }),
  );
  assert.equal((await http('GET', `${FunctionUrl}secret`)).status, 403);
  const u = new URL(`${FunctionUrl}secret`);
  const signer = new SignatureV4({
    service: 'lambda',
    region: 'us-east-1',
    credentials: f.cloud.credentials,
    sha256: Sha256,
  });
  const signed = await signer.sign({
    method: 'GET',
    protocol: 'http:',
    hostname: u.hostname,
    port: Number(u.port),
    path: u.pathname,
    headers: { host: u.host },
    query: {},
  });
  const res = await http('GET', u.toString(), { headers: signed.headers as Record<string, string> });
  assert.equal(res.status, 201, res.body);
  assert.equal(res.body, 'GET /secret  ');
});
