// The invoke data plane with MOCK integrations: what is served (and what is not) before and
// after deployments, route matching, the three URL forms, and the console's CORS preflight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APIGatewayClient, PutIntegrationResponseCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { useTestCloud } from '../../helpers/cloud';
import { rawRequest } from '../server/rawRequest';
import { ApiBuilder, invokePath, raw } from './invoke';

const f = useTestCloud((config) => ({ gw: new APIGatewayClient(config) }));

const MISSING_TOKEN = '{"message":"Missing Authentication Token"}';

test('nothing is served before a deployment; unknown stages and routes get 403 Missing Authentication Token', async () => {
  const api = await ApiBuilder.create(f.gw, 'undeployed');
  await api.mock('/hello', 'GET', '200', '{"hello": "world"}');
  const before = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/hello'));
  assert.equal(before.status, 403);
  assert.equal(before.body, MISSING_TOKEN);
  assert.equal(before.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');

  await api.deploy('dev');
  const served = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/hello'));
  assert.equal(served.status, 200);
  assert.deepEqual(JSON.parse(served.body), { hello: 'world' });
  assert.equal(served.headers['content-type'], 'application/json');
  assert.ok(served.headers['x-amzn-requestid']);

  for (const path of [
    invokePath(api.restApiId, 'prod', '/hello'),
    invokePath(api.restApiId, 'dev', '/nowhere'),
    invokePath(api.restApiId, 'dev', '/'),
  ]) {
    const r = await raw(f.cloud.endpoint, path);
    assert.equal(r.status, 403, path);
    assert.equal(r.body, MISSING_TOKEN, path);
  }
  const wrongVerb = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/hello'), {
    method: 'POST',
    body: '{}',
  });
  assert.equal(wrongVerb.status, 403);
  const unknownApi = await raw(f.cloud.endpoint, invokePath('zzzzzzzzzz', 'dev', '/hello'));
  assert.deepEqual([unknownApi.status, unknownApi.body], [403, '{"message":"Forbidden"}']);
});

test('a stage serves its deployment: later edits wait for the next deployment', async () => {
  const api = await ApiBuilder.create(f.gw, 'snapshot');
  await api.mock('/v', 'GET', '200', 'version one');
  await api.deploy('dev');
  const resourceId = api.resources.get('/v')!;
  await f.gw.send(
    new PutIntegrationResponseCommand({
      restApiId: api.restApiId,
      resourceId,
      httpMethod: 'GET',
      statusCode: '200',
      responseTemplates: { 'application/json': 'version two' },
    }),
  );
  assert.equal((await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/v'))).body, 'version one');
  const second = await api.deploy('prod');
  assert.equal((await raw(f.cloud.endpoint, invokePath(api.restApiId, 'prod', '/v'))).body, 'version two');
  assert.equal((await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/v'))).body, 'version one');
  await f.gw.send(
    new UpdateStageCommand({
      restApiId: api.restApiId,
      stageName: 'dev',
      patchOperations: [{ op: 'replace', path: '/deploymentId', value: second }],
    }),
  );
  assert.equal((await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/v'))).body, 'version two');
});

test('routing: literal beats {param} beats {proxy+}; a verb beats ANY; trailing slashes are ignored', async () => {
  const api = await ApiBuilder.create(f.gw, 'routing');
  await api.mock('/pets', 'GET', '200', 'list');
  await api.mock('/pets/{petId}', 'GET', '200', "one $input.params('petId')");
  await api.mock('/pets/mine', 'GET', '200', 'mine');
  await api.mock('/{proxy+}', 'ANY', '200', 'proxy $context.resourcePath $context.httpMethod');
  await api.mock('/{proxy+}', 'DELETE', '200', 'delete wins over ANY');
  await api.deploy('v1');
  const get = async (path: string, method = 'GET') =>
    (await raw(f.cloud.endpoint, invokePath(api.restApiId, 'v1', path), { method })).body;
  assert.equal(await get('/pets'), 'list');
  assert.equal(await get('/pets/'), 'list');
  assert.equal(await get('/pets/42'), 'one 42');
  assert.equal(await get('/pets/mine'), 'mine');
  assert.equal(await get('/pets/42/toys'), 'proxy /{proxy+} GET');
  assert.equal(await get('/pets', 'POST'), 'proxy /{proxy+} POST');
  assert.equal(await get('/anything', 'DELETE'), 'delete wins over ANY');
  assert.equal((await raw(f.cloud.endpoint, invokePath(api.restApiId, 'v1', '/'))).status, 403);
});

test('the same API answers at /restapis/{id}/{stage}/_user_request_/ and on {id}.execute-api.localhost', async () => {
  const api = await ApiBuilder.create(f.gw, 'urls');
  await api.mock('/ping', 'GET', '200', 'pong $context.domainName $context.path');
  await api.deploy('dev');
  const userRequest = await raw(f.cloud.endpoint, `/restapis/${api.restApiId}/dev/_user_request_/ping`);
  assert.equal(userRequest.body, `pong ${api.restApiId}.execute-api.localhost /dev/ping`);
  const hostStyle = await raw(f.cloud.endpoint, '/dev/ping', {
    headers: { host: `${api.restApiId}.execute-api.localhost:${f.cloud.port}` },
  });
  assert.equal(hostStyle.body, `pong ${api.restApiId}.execute-api.localhost /dev/ping`);
});

test('CORS preflight answered by a console-style MOCK OPTIONS method', async () => {
  const api = await ApiBuilder.create(f.gw, 'cors');
  await api.mock('/pow', 'GET', '200', '{"result": 8}', { 'Access-Control-Allow-Origin': "'*'" });
  await api.mock('/pow', 'OPTIONS', '200', '', {
    'Access-Control-Allow-Headers': "'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'",
    'Access-Control-Allow-Methods': "'GET,OPTIONS'",
    'Access-Control-Allow-Origin': "'*'",
  });
  await api.deploy('prod');
  const url = `${f.cloud.endpoint}${invokePath(api.restApiId, 'prod', '/pow')}`;
  const preflight = await fetch(url, {
    method: 'OPTIONS',
    headers: { Origin: 'http://localhost:5500', 'Access-Control-Request-Method': 'GET' },
  });
  assert.equal(preflight.status, 200);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET,OPTIONS');
  assert.equal(
    preflight.headers.get('access-control-allow-headers'),
    'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
  );
  assert.equal(await preflight.text(), '');
  const get = await fetch(url, { headers: { Origin: 'http://localhost:5500' } });
  assert.equal(get.headers.get('access-control-allow-origin'), '*');
  assert.deepEqual(await get.json(), { result: 8 });
});

test('AWS_IAM methods refuse unsigned calls and serve SigV4-signed ones; API-key methods refuse calls without a key', async () => {
  const api = await ApiBuilder.create(f.gw, 'auth');
  const iamId = await api.method(
    '/iam',
    'GET',
    { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    { authorizationType: 'AWS_IAM' },
  );
  await api.response(iamId, 'GET', '200', { template: 'signed in' });
  await api.method('/keyed', 'GET', { type: 'MOCK' }, { apiKeyRequired: true });
  await api.deploy('dev');
  const iam = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/iam'));
  assert.deepEqual([iam.status, iam.body], [403, MISSING_TOKEN]);
  const signed = await rawRequest({
    endpoint: f.cloud.endpoint,
    method: 'GET',
    path: invokePath(api.restApiId, 'dev', '/iam'),
    sign: { ...f.cloud.credentials, service: 'execute-api' },
  });
  assert.deepEqual([signed.status, signed.text], [200, 'signed in']);
  const keyed = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/keyed'));
  assert.deepEqual([keyed.status, keyed.body], [403, '{"message":"Forbidden"}']);
});

test('a MOCK with no matching integration response, or one pointing at no method response, is a 500', async () => {
  const api = await ApiBuilder.create(f.gw, 'misconfigured');
  await api.method('/none', 'GET', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } });
  const orphan = await api.method('/orphan', 'GET', {
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  });
  await f.gw.send(
    new PutIntegrationResponseCommand({
      restApiId: api.restApiId,
      resourceId: orphan,
      httpMethod: 'GET',
      statusCode: '200',
    }),
  );
  await api.deploy('dev');
  for (const path of ['/none', '/orphan']) {
    const r = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', path));
    assert.deepEqual(
      [r.status, r.body, r.headers['x-amzn-errortype']],
      [500, '{"message": "Internal server error"}', 'InternalServerErrorException'],
      path,
    );
  }
});

test('stage throttling limits from UpdateStage answer 429 Too Many Requests once the burst is spent', async () => {
  const api = await ApiBuilder.create(f.gw, 'throttled');
  await api.mock('/t', 'GET', '200', 'ok');
  await api.deploy('limited');
  await api.deploy('free');
  // One request of burst, refilled at one request per ~17 minutes: the second call is refused.
  await f.gw.send(
    new UpdateStageCommand({
      restApiId: api.restApiId,
      stageName: 'limited',
      patchOperations: [
        { op: 'replace', path: '/*/*/throttling/burstLimit', value: '1' },
        { op: 'replace', path: '/*/*/throttling/rateLimit', value: '0.001' },
      ],
    }),
  );
  assert.equal((await raw(f.cloud.endpoint, invokePath(api.restApiId, 'limited', '/t'))).status, 200);
  const refused = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'limited', '/t'));
  assert.deepEqual(
    [refused.status, refused.body, refused.headers['x-amzn-errortype']],
    [429, '{"message":"Too Many Requests"}', 'TooManyRequestsException'],
  );
  assert.equal((await raw(f.cloud.endpoint, invokePath(api.restApiId, 'free', '/t'))).status, 200);
});

test('passthroughBehavior NEVER refuses a content type without a mapping template with 415', async () => {
  const api = await ApiBuilder.create(f.gw, 'passthrough');
  const id = await api.method('/strict', 'POST', {
    type: 'MOCK',
    passthroughBehavior: 'NEVER',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  });
  await api.response(id, 'POST', '200', { template: 'accepted' });
  await api.deploy('dev');
  const json = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/strict'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  assert.deepEqual([json.status, json.body], [200, 'accepted']);
  const text = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/strict'), {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: 'hi',
  });
  assert.deepEqual([text.status, text.body], [415, '{"message": "Unsupported Media Type"}']);
});
