// The pow API of the lessons: /pow GET on an AWS_PROXY integration with a Node function,
// served by two stages with their own stage variables; the v1 proxy event as AWS builds it;
// and the failures students meet (missing permission, crashing or malformed function, slow
// function, wrong integration method).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { AddPermissionCommand, CreateFunctionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { ApiBuilder, invokePath, raw } from './invoke';

const HANDLER = `
exports.handler = async (event) => {
  if (event.op === 'pow') return { result: event.x ** event.y };
  if (event.op === 'fail') throw new Error('Bad input: ' + event.why);
  if (event.path === '/binary') {
    return { statusCode: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2, 255]).toString('base64'), isBase64Encoded: true };
  }
  if (event.path === '/crash') throw new Error('boom');
  if (event.path === '/malformed') return { statusCode: 200, body: { not: 'a string' } };
  if (event.path === '/empty') return {};
  if (event.path === '/just-a-string') return 'justAString';
  if (event.path === '/only-headers') return { headers: { 'test-header': 'value' } };
  if (event.path === '/status-as-string') return { statusCode: '201' };
  if (event.path === '/slow') { await new Promise((r) => setTimeout(r, 1500)); return { statusCode: 200, body: 'late' }; }
  if (event.resource === '/pow') {
    const q = event.queryStringParameters || {};
    return {
      statusCode: 200,
      headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' },
      multiValueHeaders: { 'X-Multi': ['a', 'b'] },
      body: JSON.stringify({ result: Number(q.x) ** Number(q.y), environment: event.stageVariables && event.stageVariables.environment }),
    };
  }
  return { statusCode: 201, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event) };
};
`;

let cloud: TestCloud;
let gw: APIGatewayClient;
let lambda: LambdaClient;
let functionArn: string;
let api: ApiBuilder;
const INTERNAL_ERROR = '{"message": "Internal server error"}';

before(async () => {
  cloud = await startTestCloud();
  gw = new APIGatewayClient(cloud.clientConfig);
  lambda = new LambdaClient(cloud.clientConfig);
  const fn = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: 'pow',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Role: `arn:aws:iam::${cloud.accountId}:role/lambda-role`,
      Code: { ZipFile: zipSync({ 'index.js': strToU8(HANDLER) }) },
      Timeout: 10,
    }),
  );
  functionArn = fn.FunctionArn!;
  for (
    let i = 0;
    i < 100 && (await lambda.send(new GetFunctionCommand({ FunctionName: 'pow' }))).Configuration?.State !== 'Active';
    i++
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const uri = `arn:aws:apigateway:${cloud.region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`;
  api = await ApiBuilder.create(gw, 'pow-api', { binaryMediaTypes: ['application/octet-stream'] });
  await api.method('/pow', 'GET', { type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri });
  await api.method('/{proxy+}', 'ANY', { type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri });
  await api.method('/slow', 'GET', { type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri, timeoutInMillis: 500 });
  await api.method('/wrong-verb', 'GET', { type: 'AWS_PROXY', integrationHttpMethod: 'GET', uri });
  const calc = await api.method('/calc', 'POST', { type: 'AWS', integrationHttpMethod: 'POST', uri });
  await api.response(calc, 'POST', '200', {});
  await api.response(calc, 'POST', '400', {
    selectionPattern: 'Bad input.*',
    template: `{"error": "$input.path('$.errorMessage')"}`,
  });
  await api.deploy('dev', { environment: 'development' });
  await api.deploy('prod', { environment: 'production' });
});
after(async () => {
  gw.destroy();
  lambda.destroy();
  await cloud.stop();
});

test('without a resource-based policy for apigateway.amazonaws.com the API answers 500', async () => {
  const r = await raw(cloud.endpoint, `${invokePath(api.restApiId, 'dev', '/pow')}?x=2&y=10`);
  assert.deepEqual(
    [r.status, r.body, r.headers['x-amzn-errortype']],
    [500, INTERNAL_ERROR, 'InternalServerErrorException'],
  );
});

test('/pow GET serves both stages, each with its stage variables, once the permission exists', async () => {
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: 'pow',
      StatementId: 'apigateway-pow',
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: `arn:aws:execute-api:${cloud.region}:${cloud.accountId}:${api.restApiId}/*/GET/pow`,
    }),
  );
  for (const [stage, environment] of [
    ['dev', 'development'],
    ['prod', 'production'],
  ]) {
    const r = await fetch(`${cloud.endpoint}${invokePath(api.restApiId, stage!, '/pow')}?x=2&y=10`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
    assert.equal(r.headers.get('x-multi'), 'a, b');
    assert.deepEqual(await r.json(), { result: 1024, environment });
  }
  // The permission names GET /pow only: other routes of the same API stay refused.
  const other = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/echo'));
  assert.equal(other.status, 500);
});

test('the proxy event is the v1 event AWS builds', async () => {
  await lambda.send(
    new AddPermissionCommand({
      FunctionName: 'pow',
      StatementId: 'apigateway-any',
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: `arn:aws:execute-api:${cloud.region}:${cloud.accountId}:${api.restApiId}/*/*/*`,
    }),
  );
  const r = await raw(cloud.endpoint, `${invokePath(api.restApiId, 'dev', '/echo/deep%2Fer/')}?a=1&a=2&b=x+y`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'pow-test', 'X-Custom': 'one' },
    body: '{"n":1}',
  });
  assert.equal(r.status, 201);
  const event = JSON.parse(r.body) as Record<string, any>;
  assert.deepEqual(Object.keys(event).sort(), [
    'body',
    'headers',
    'httpMethod',
    'isBase64Encoded',
    'multiValueHeaders',
    'multiValueQueryStringParameters',
    'path',
    'pathParameters',
    'queryStringParameters',
    'requestContext',
    'resource',
    'stageVariables',
  ]);
  assert.equal(event.resource, '/{proxy+}');
  assert.equal(event.path, '/echo/deep%2Fer/');
  assert.equal(event.httpMethod, 'POST');
  assert.deepEqual(event.pathParameters, { proxy: 'echo/deep%2Fer' });
  assert.deepEqual(event.queryStringParameters, { a: '2', b: 'x y' });
  assert.deepEqual(event.multiValueQueryStringParameters, { a: ['1', '2'], b: ['x y'] });
  assert.deepEqual(event.stageVariables, { environment: 'development' });
  assert.equal(event.body, '{"n":1}');
  assert.equal(event.isBase64Encoded, false);
  const header = (name: string) =>
    Object.entries(event.headers as Record<string, string>).find(([k]) => k.toLowerCase() === name)?.[1];
  assert.equal(header('x-custom'), 'one');
  assert.equal(header('x-forwarded-for'), '127.0.0.1');
  assert.equal(header('content-length'), undefined);
  assert.match(header('x-amzn-trace-id')!, /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  assert.deepEqual(
    Object.entries(event.multiValueHeaders as Record<string, string[]>).find(
      ([k]) => k.toLowerCase() === 'x-custom',
    )?.[1],
    ['one'],
  );

  const rc = event.requestContext as Record<string, any>;
  assert.deepEqual(Object.keys(rc).sort(), [
    'accountId',
    'apiId',
    'deploymentId',
    'domainName',
    'domainPrefix',
    'extendedRequestId',
    'httpMethod',
    'identity',
    'path',
    'protocol',
    'requestId',
    'requestTime',
    'requestTimeEpoch',
    'resourceId',
    'resourcePath',
    'stage',
  ]);
  assert.equal(rc.resourcePath, '/{proxy+}');
  assert.equal(rc.resourceId, api.resources.get('/{proxy+}'));
  assert.equal(rc.path, '/dev/echo/deep%2Fer/');
  assert.equal(rc.stage, 'dev');
  assert.equal(rc.apiId, api.restApiId);
  assert.equal(rc.accountId, cloud.accountId);
  assert.equal(rc.protocol, 'HTTP/1.1');
  assert.equal(rc.domainPrefix, api.restApiId);
  assert.match(rc.requestTime, /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
  assert.ok(Math.abs(rc.requestTimeEpoch - Date.now()) < 60_000);
  assert.equal(rc.requestId, r.headers['x-amzn-requestid']);
  assert.deepEqual(rc.identity, {
    cognitoIdentityPoolId: null,
    accountId: null,
    cognitoIdentityId: null,
    caller: null,
    sourceIp: '127.0.0.1',
    principalOrgId: null,
    accessKey: null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: null,
    userAgent: 'pow-test',
    user: null,
  });

  const bare = JSON.parse((await raw(cloud.endpoint, invokePath(api.restApiId, 'prod', '/plain'))).body) as Record<
    string,
    unknown
  >;
  assert.deepEqual([bare.body, bare.queryStringParameters, bare.multiValueQueryStringParameters], [null, null, null]);
});

test('binaryMediaTypes: binary request bodies arrive base64-encoded; isBase64Encoded responses are decoded', async () => {
  const sent = await fetch(`${cloud.endpoint}${invokePath(api.restApiId, 'dev', '/echo')}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array([0xff, 0xfe, 0x00, 0x41]),
  });
  const event = (await sent.json()) as { body: string; isBase64Encoded: boolean };
  assert.deepEqual(
    [event.isBase64Encoded, event.body],
    [true, Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString('base64')],
  );
  const text = (await (
    await fetch(`${cloud.endpoint}${invokePath(api.restApiId, 'dev', '/text')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hi',
    })
  ).json()) as typeof event;
  assert.deepEqual([text.isBase64Encoded, text.body], [false, 'hi']);
  const binary = await fetch(`${cloud.endpoint}${invokePath(api.restApiId, 'dev', '/binary')}`, {
    headers: { Accept: 'application/octet-stream' },
  });
  assert.deepEqual([...new Uint8Array(await binary.arrayBuffer())], [0, 1, 2, 255]);
});

test('AWS (non-proxy) integration: the body passes through; selection patterns match the errorMessage', async () => {
  const ok = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/calc'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"op":"pow","x":2,"y":3}',
  });
  assert.deepEqual([ok.status, JSON.parse(ok.body)], [200, { result: 8 }]);
  const bad = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/calc'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"op":"fail","why":"y is missing"}',
  });
  assert.deepEqual([bad.status, JSON.parse(bad.body)], [400, { error: 'Bad input: y is missing' }]);
});

// What AWS answers for each shape of proxy result, as LocalStack's AWS-validated snapshot test
// test_aws_proxy_response_payload_format_validation recorded it (read 2026-12-03).
test('a crashing function, a malformed proxy response, {} or a bare string is a 502 {"message": "Internal server error"}', async () => {
  for (const path of ['/crash', '/malformed', '/empty', '/just-a-string']) {
    const r = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', path));
    assert.deepEqual(
      [r.status, r.body, r.headers['x-amzn-errortype']],
      [502, INTERNAL_ERROR, 'InternalServerErrorException'],
      path,
    );
  }
});

test('a proxy result with headers but no statusCode is a 200; statusCode "201" is a 201', async () => {
  const headersOnly = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/only-headers'));
  assert.deepEqual([headersOnly.status, headersOnly.body, headersOnly.headers['test-header']], [200, '', 'value']);
  const asString = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/status-as-string'));
  assert.deepEqual([asString.status, asString.body], [201, '']);
});

test('a function slower than the integration timeout is a 504', async () => {
  const r = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/slow'));
  assert.deepEqual([r.status, r.body], [504, '{"message": "Endpoint request timed out"}']);
});

test('AWS_PROXY with an integration method other than POST is a 500', async () => {
  const r = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/wrong-verb'));
  assert.deepEqual([r.status, r.body], [500, INTERNAL_ERROR]);
});
