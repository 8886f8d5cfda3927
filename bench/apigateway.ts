// API Gateway data-plane overhead of the local cloud, measured against peers in the same run:
//   - a plain Node HTTP server answering the same bytes (the floor for any HTTP hop),
//   - a MOCK method (routing, mapping, gateway response path, no backend),
//   - Lambda Invoke through @aws-sdk/client-lambda vs. the same function behind AWS_PROXY
//     (what API Gateway adds on top of Lambda: proxy event, permission check, response mapping).
// Run: npx tsx bench/apigateway.ts [requests=300]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { zipSync, strToU8 } from 'fflate';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import {
  AddPermissionCommand,
  CreateFunctionCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
} from '@aws-sdk/client-lambda';
import { startLocalCloud } from '../src/localcloud';

const REQUESTS = Number(process.argv[2] ?? 300);
const HANDLER =
  "exports.handler = async (event) => ({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ result: 2 ** Number((event.queryStringParameters || {}).y || 10) }) });\n";

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function measure(
  label: string,
  op: () => Promise<unknown>,
): Promise<{ label: string; p50: number; p99: number }> {
  for (let i = 0; i < 20; i++) await op(); // warm up (Lambda environment, keep-alive sockets)
  const latencies: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    await op();
    latencies.push(performance.now() - t);
  }
  return { label, p50: pct(latencies, 0.5), p99: pct(latencies, 0.99) };
}

async function main(): Promise<void> {
  const cloud = await startLocalCloud({ port: 0, log: () => undefined });
  const config = { endpoint: cloud.endpoint, region: cloud.region, credentials: cloud.credentials, maxAttempts: 1 };
  const gw = new APIGatewayClient(config);
  const lambda = new LambdaClient(config);
  const plain = createServer((_req, res) => res.end('{"result":1024}'));
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  try {
    const fn = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'pow',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: `arn:aws:iam::${cloud.accountId}:role/bench`,
        Code: { ZipFile: zipSync({ 'index.js': strToU8(HANDLER) }) },
      }),
    );
    while ((await lambda.send(new GetFunctionCommand({ FunctionName: 'pow' }))).Configuration?.State !== 'Active')
      await new Promise((r) => setTimeout(r, 50));
    const api = await gw.send(new CreateRestApiCommand({ name: 'bench' }));
    const pow = await gw.send(
      new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'pow' }),
    );
    const mock = await gw.send(
      new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'mock' }),
    );
    for (const [resourceId, type] of [
      [pow.id!, 'AWS_PROXY'],
      [mock.id!, 'MOCK'],
    ] as const) {
      await gw.send(
        new PutMethodCommand({ restApiId: api.id, resourceId, httpMethod: 'GET', authorizationType: 'NONE' }),
      );
      await gw.send(
        new PutIntegrationCommand(
          type === 'MOCK'
            ? {
                restApiId: api.id,
                resourceId,
                httpMethod: 'GET',
                type,
                requestTemplates: { 'application/json': '{"statusCode": 200}' },
              }
            : {
                restApiId: api.id,
                resourceId,
                httpMethod: 'GET',
                type,
                integrationHttpMethod: 'POST',
                uri: `arn:aws:apigateway:${cloud.region}:lambda:path/2015-03-31/functions/${fn.FunctionArn}/invocations`,
              },
        ),
      );
    }
    await gw.send(
      new PutMethodResponseCommand({ restApiId: api.id, resourceId: mock.id, httpMethod: 'GET', statusCode: '200' }),
    );
    await gw.send(
      new PutIntegrationResponseCommand({
        restApiId: api.id,
        resourceId: mock.id,
        httpMethod: 'GET',
        statusCode: '200',
        responseTemplates: { 'application/json': '{"result":1024}' },
      }),
    );
    await gw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'bench' }));
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'pow',
        StatementId: 'bench',
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
      }),
    );

    const base = `${cloud.endpoint}/_aws/execute-api/${api.id}/bench`;
    const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;
    const get = (url: string) => async () => {
      const r = await fetch(url);
      if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
      await r.arrayBuffer();
    };
    const results = [
      await measure('plain Node HTTP server', get(plainUrl)),
      await measure('API Gateway MOCK', get(`${base}/mock`)),
      await measure('Lambda Invoke (SDK)', () =>
        lambda.send(
          new InvokeCommand({ FunctionName: 'pow', Payload: strToU8('{"queryStringParameters":{"y":"10"}}') }),
        ),
      ),
      await measure('API Gateway AWS_PROXY → Lambda', get(`${base}/pow?y=10`)),
    ];
    console.log(`${REQUESTS} sequential requests each (after 20 warm-up), latency in ms`);
    for (const r of results)
      console.log(`${r.label.padEnd(34)} p50 ${r.p50.toFixed(2).padStart(7)}   p99 ${r.p99.toFixed(2).padStart(7)}`);
    const [plainR, mockR, invokeR, proxyR] = results as [
      (typeof results)[0],
      (typeof results)[0],
      (typeof results)[0],
      (typeof results)[0],
    ];
    console.log(`MOCK / plain HTTP p50 ratio: ${(mockR.p50 / plainR.p50).toFixed(2)}`);
    console.log(`AWS_PROXY / Lambda Invoke p50 ratio: ${(proxyR.p50 / invokeR.p50).toFixed(2)}`);
  } finally {
    gw.destroy();
    lambda.destroy();
    plain.close();
    await cloud.stop();
  }
}

void main();
