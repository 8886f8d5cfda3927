// HTTP_PROXY and HTTP integrations against a loopback backend: forwarding, stage variables in
// the URI, selection patterns on the backend's status, the integration timeout (504) and an
// unreachable backend (500).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { ApiBuilder, invokePath, raw } from './invoke';

let cloud: TestCloud;
let gw: APIGatewayClient;
let backend: Server;
let backendUrl: string;

before(async () => {
  cloud = await startTestCloud();
  gw = new APIGatewayClient(cloud.clientConfig);
  // Echoes the request; /teapot answers 418 with a header; /slow answers after 2 s.
  backend = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const echo = JSON.stringify({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (req.url?.startsWith('/teapot')) {
        res.writeHead(418, { 'content-type': 'application/json', 'x-backend': 'kettle' });
        res.end('{"short":"and stout"}');
      } else if (req.url?.startsWith('/slow')) {
        setTimeout(() => res.end('late'), 2000).unref();
      } else {
        res.writeHead(200, { 'content-type': 'application/json', 'x-backend': 'echo' });
        res.end(echo);
      }
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
});
after(async () => {
  gw.destroy();
  backend.closeAllConnections();
  await new Promise((resolve) => backend.close(resolve));
  await cloud.stop();
});

test('HTTP_PROXY forwards method, greedy path, query, headers and body, and passes the answer through', async () => {
  const api = await ApiBuilder.create(gw, 'http-proxy');
  await api.method('/{proxy+}', 'ANY', {
    type: 'HTTP_PROXY',
    integrationHttpMethod: 'ANY',
    uri: 'http://${stageVariables.backendHost}/{proxy}',
  });
  await api.deploy('dev', { backendHost: new URL(backendUrl).host });
  const r = await raw(cloud.endpoint, `${invokePath(api.restApiId, 'dev', '/items/7')}?color=red&color=blue`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'X-Custom': 'yes' },
    body: '{"n":7}',
  });
  assert.equal(r.status, 200);
  assert.equal(r.headers['x-backend'], 'echo');
  const echo = JSON.parse(r.body) as { method: string; url: string; headers: Record<string, string>; body: string };
  assert.equal(echo.method, 'PUT');
  assert.equal(echo.url, '/items/7?color=red&color=blue');
  assert.equal(echo.headers['x-custom'], 'yes');
  assert.equal(echo.headers['x-forwarded-for'], '127.0.0.1');
  assert.equal(echo.body, '{"n":7}');

  const teapot = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/teapot'));
  assert.deepEqual([teapot.status, teapot.headers['x-backend'], teapot.body], [418, 'kettle', '{"short":"and stout"}']);
});

test('HTTP (non-proxy): the backend status picks the integration response and its header mappings', async () => {
  const api = await ApiBuilder.create(gw, 'http');
  const ok = await api.method('/echo', 'GET', {
    type: 'HTTP',
    integrationHttpMethod: 'GET',
    uri: `${backendUrl}/echo`,
  });
  await api.response(ok, 'GET', '200', { headers: { 'X-From': 'integration.response.header.x-backend' } });
  const tea = await api.method('/tea', 'GET', {
    type: 'HTTP',
    integrationHttpMethod: 'GET',
    uri: `${backendUrl}/teapot`,
  });
  await api.response(tea, 'GET', '200', {});
  await api.response(tea, 'GET', '400', {
    selectionPattern: '4\\d{2}',
    headers: { 'X-Short': 'integration.response.body.short' },
    template: '{"error": "backend said $input.path(\'$.short\')"}',
  });
  await api.deploy('dev');

  const echoed = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/echo'));
  assert.equal(echoed.status, 200);
  assert.equal(echoed.headers['x-from'], 'echo');
  assert.equal((JSON.parse(echoed.body) as { url: string }).url, '/echo');

  const mapped = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/tea'));
  assert.equal(mapped.status, 400);
  assert.equal(mapped.headers['x-short'], 'and stout');
  assert.deepEqual(JSON.parse(mapped.body), { error: 'backend said and stout' });
});

test('an integration slower than timeoutInMillis answers 504 Endpoint request timed out', async () => {
  const api = await ApiBuilder.create(gw, 'timeout');
  await api.method('/slow', 'GET', {
    type: 'HTTP_PROXY',
    integrationHttpMethod: 'GET',
    uri: `${backendUrl}/slow`,
    timeoutInMillis: 100,
  });
  await api.deploy('dev');
  const r = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/slow'));
  assert.deepEqual(
    [r.status, r.body, r.headers['x-amzn-errortype']],
    [504, '{"message": "Endpoint request timed out"}', 'InternalServerErrorException'],
  );
});

test('an unreachable HTTP backend is a 500 Internal server error', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const api = await ApiBuilder.create(gw, 'unreachable');
  await api.method('/x', 'GET', {
    type: 'HTTP_PROXY',
    integrationHttpMethod: 'GET',
    uri: `http://127.0.0.1:${port}/x`,
  });
  await api.deploy('dev');
  const r = await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/x'));
  assert.deepEqual([r.status, r.body], [500, '{"message": "Internal server error"}']);
});
