// API Gateway control plane through @aws-sdk/client-api-gateway: shapes, ids and the errors
// (names, status codes, messages) that AWS returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteDeploymentCommand,
  DeleteMethodCommand,
  DeleteResourceCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  GetDeploymentsCommand,
  GetIntegrationCommand,
  GetIntegrationResponseCommand,
  GetMethodCommand,
  GetMethodResponseCommand,
  GetResourceCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetStagesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateIntegrationCommand,
  UpdateIntegrationResponseCommand,
  UpdateMethodCommand,
  UpdateMethodResponseCommand,
  UpdateResourceCommand,
  UpdateRestApiCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { useTestCloud } from '../../helpers/cloud';

const f = useTestCloud((config) => ({ gw: new APIGatewayClient(config) }));

/** Resolves to the SDK error a call raises, failing when it succeeds. */
async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  assert.fail('the call succeeded, an error was expected');
}

test('CreateRestApi returns AWS defaults and a root resource; GetRestApis lists it; DeleteRestApi removes it', async () => {
  const api = await f.gw.send(new CreateRestApiCommand({ name: 'pow-api', description: 'the pow function' }));
  assert.match(api.id!, /^[a-z0-9]{10}$/);
  assert.equal(api.name, 'pow-api');
  assert.equal(api.apiKeySource, 'HEADER');
  assert.deepEqual(api.endpointConfiguration, { types: ['EDGE'], ipAddressType: 'ipv4' });
  assert.equal(api.disableExecuteApiEndpoint, false);
  assert.ok(api.createdDate instanceof Date && Math.abs(api.createdDate.getTime() - Date.now()) < 60_000);
  assert.equal(api.$metadata.httpStatusCode, 201);

  const resources = await f.gw.send(new GetResourcesCommand({ restApiId: api.id }));
  assert.deepEqual(resources.items, [{ id: api.rootResourceId, path: '/' }]);

  const listed = await f.gw.send(new GetRestApisCommand({}));
  assert.ok(listed.items!.some((a) => a.id === api.id && a.rootResourceId === api.rootResourceId));
  assert.equal((await f.gw.send(new GetRestApiCommand({ restApiId: api.id }))).name, 'pow-api');

  await f.gw.send(new DeleteRestApiCommand({ restApiId: api.id }));
  const gone = await failure(f.gw.send(new GetRestApiCommand({ restApiId: api.id })));
  assert.deepEqual(gone, {
    name: 'NotFoundException',
    message: `Invalid API identifier specified ${f.cloud.accountId}:${api.id}`,
    status: 404,
  });
});

test('CreateRestApi refuses an empty description and a bad compression size', async () => {
  assert.deepEqual(await failure(f.gw.send(new CreateRestApiCommand({ name: 'x', description: '' }))), {
    name: 'BadRequestException',
    message: 'Description cannot be an empty string',
    status: 400,
  });
  const e = await failure(f.gw.send(new CreateRestApiCommand({ name: 'x', minimumCompressionSize: -1 })));
  assert.equal(e.message, 'Invalid minimum compression size, must be between 0 and 10485760');
});

test('resources: {param} and {proxy+} parts, paths, sibling and greedy rules, cascade delete', async () => {
  const { id: restApiId, rootResourceId } = await f.gw.send(new CreateRestApiCommand({ name: 'tree' }));
  const pets = await f.gw.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: 'pets' }));
  assert.match(pets.id!, /^[a-z0-9]{6}$/);
  assert.deepEqual(
    { parentId: pets.parentId, path: pets.path, pathPart: pets.pathPart },
    { parentId: rootResourceId, path: '/pets', pathPart: 'pets' },
  );
  const petId = await f.gw.send(new CreateResourceCommand({ restApiId, parentId: pets.id, pathPart: '{petId}' }));
  assert.equal(petId.path, '/pets/{petId}');
  const proxy = await f.gw.send(
    new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: '{proxy+}' }),
  );
  assert.equal(proxy.path, '/{proxy+}');

  assert.deepEqual(
    await failure(f.gw.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: 'pets' }))),
    {
      name: 'ConflictException',
      message: 'Another resource with the same parent already has this name: pets',
      status: 409,
    },
  );
  assert.deepEqual(
    await failure(f.gw.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: '{other}' }))),
    {
      name: 'BadRequestException',
      message: 'A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed',
      status: 400,
    },
  );
  assert.equal(
    (await failure(f.gw.send(new CreateResourceCommand({ restApiId, parentId: proxy.id, pathPart: 'child' })))).message,
    'Cannot create a child of a resource with a greedy path variable: {proxy+}',
  );
  assert.equal(
    (await failure(f.gw.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: 'bad part' }))))
      .name,
    'BadRequestException',
  );
  assert.deepEqual(
    await failure(f.gw.send(new CreateResourceCommand({ restApiId, parentId: 'nope00', pathPart: 'x' }))),
    {
      name: 'NotFoundException',
      message: 'Invalid Resource identifier specified',
      status: 404,
    },
  );

  const all = await f.gw.send(new GetResourcesCommand({ restApiId }));
  assert.deepEqual(
    all.items!.map((r) => r.path),
    ['/', '/pets', '/pets/{petId}', '/{proxy+}'],
  );
  assert.equal((await f.gw.send(new GetResourceCommand({ restApiId, resourceId: petId.id }))).parentId, pets.id);

  await f.gw.send(new DeleteResourceCommand({ restApiId, resourceId: pets.id }));
  assert.equal(
    (await failure(f.gw.send(new GetResourceCommand({ restApiId, resourceId: petId.id })))).name,
    'NotFoundException',
  );
  assert.deepEqual(
    (await f.gw.send(new GetResourcesCommand({ restApiId }))).items!.map((r) => r.path),
    ['/', '/{proxy+}'],
  );
});

test('methods, integrations and their responses round-trip with AWS defaults', async () => {
  const { id: restApiId, rootResourceId: resourceId } = await f.gw.send(new CreateRestApiCommand({ name: 'methods' }));
  const put = await f.gw.send(
    new PutMethodCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', authorizationType: 'NONE' }),
  );
  assert.deepEqual(
    { httpMethod: put.httpMethod, authorizationType: put.authorizationType, apiKeyRequired: put.apiKeyRequired },
    { httpMethod: 'OPTIONS', authorizationType: 'NONE', apiKeyRequired: false },
  );
  assert.equal(
    (
      await failure(
        f.gw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', authorizationType: 'NONE' })),
      )
    ).name,
    'ConflictException',
  );
  assert.deepEqual(
    await failure(
      f.gw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: 'FETCH', authorizationType: 'NONE' })),
    ),
    {
      name: 'BadRequestException',
      message: 'Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY',
      status: 400,
    },
  );

  assert.deepEqual(
    await failure(f.gw.send(new GetIntegrationCommand({ restApiId, resourceId, httpMethod: 'OPTIONS' }))),
    {
      name: 'NotFoundException',
      message: 'Invalid Integration identifier specified',
      status: 404,
    },
  );
  const integration = await f.gw.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId,
      httpMethod: 'OPTIONS',
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    }),
  );
  assert.equal(integration.type, 'MOCK');
  assert.equal(integration.passthroughBehavior, 'WHEN_NO_MATCH');
  assert.equal(integration.timeoutInMillis, 29000);
  assert.equal(integration.cacheNamespace, resourceId);
  assert.deepEqual(integration.cacheKeyParameters, []);

  const headers = {
    'method.response.header.Access-Control-Allow-Origin': true,
    'method.response.header.Access-Control-Allow-Methods': true,
  };
  const mr = await f.gw.send(
    new PutMethodResponseCommand({
      restApiId,
      resourceId,
      httpMethod: 'OPTIONS',
      statusCode: '200',
      responseParameters: headers,
      responseModels: { 'application/json': 'Empty' },
    }),
  );
  assert.deepEqual(mr.responseParameters, headers);
  const ir = await f.gw.send(
    new PutIntegrationResponseCommand({
      restApiId,
      resourceId,
      httpMethod: 'OPTIONS',
      statusCode: '200',
      responseParameters: {
        'method.response.header.Access-Control-Allow-Origin': "'*'",
        'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
      },
      responseTemplates: { 'application/json': '' },
    }),
  );
  assert.equal(ir.responseParameters!['method.response.header.Access-Control-Allow-Origin'], "'*'");
  assert.equal(
    (await f.gw.send(new GetMethodResponseCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', statusCode: '200' })))
      .statusCode,
    '200',
  );
  assert.equal(
    (
      await f.gw.send(
        new GetIntegrationResponseCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', statusCode: '200' }),
      )
    ).statusCode,
    '200',
  );
  assert.deepEqual(
    await failure(
      f.gw.send(new GetIntegrationResponseCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', statusCode: '404' })),
    ),
    {
      name: 'NotFoundException',
      message: 'Invalid Response status code specified',
      status: 404,
    },
  );
  assert.equal(
    (
      await failure(
        f.gw.send(new PutMethodResponseCommand({ restApiId, resourceId, httpMethod: 'OPTIONS', statusCode: 'wrong' })),
      )
    ).name,
    'ValidationException',
  );

  const method = await f.gw.send(new GetMethodCommand({ restApiId, resourceId, httpMethod: 'OPTIONS' }));
  assert.equal(
    method.methodIntegration!.integrationResponses!['200']!.responseParameters![
      'method.response.header.Access-Control-Allow-Methods'
    ],
    "'GET,OPTIONS'",
  );
  assert.deepEqual(method.methodResponses!['200']!.responseModels, { 'application/json': 'Empty' });

  const embedded = await f.gw.send(new GetResourcesCommand({ restApiId, embed: ['methods'] }));
  assert.equal(embedded.items![0]!.resourceMethods!.OPTIONS!.methodIntegration!.type, 'MOCK');
  const summary = await f.gw.send(new GetResourcesCommand({ restApiId }));
  assert.deepEqual(summary.items![0]!.resourceMethods, { OPTIONS: {} });

  await f.gw.send(new DeleteMethodCommand({ restApiId, resourceId, httpMethod: 'OPTIONS' }));
  assert.deepEqual(await failure(f.gw.send(new GetMethodCommand({ restApiId, resourceId, httpMethod: 'OPTIONS' }))), {
    name: 'NotFoundException',
    message: 'Invalid Method identifier specified',
    status: 404,
  });
});

test('PutIntegration validates types and URIs as AWS does', async () => {
  const { id: restApiId, rootResourceId: resourceId } = await f.gw.send(
    new CreateRestApiCommand({ name: 'integrations' }),
  );
  await f.gw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
  const put = (input: Partial<ConstructorParameters<typeof PutIntegrationCommand>[0]>) =>
    failure(
      f.gw.send(new PutIntegrationCommand({ restApiId, resourceId, httpMethod: 'GET', type: 'AWS_PROXY', ...input })),
    );
  const fn = `arn:aws:lambda:us-east-1:${f.cloud.accountId}:function:pow`;
  assert.deepEqual(await put({ type: 'HTTPS_PROXY' as never }), {
    name: 'ValidationException',
    status: 400,
    message:
      "1 validation error detected: Value 'HTTPS_PROXY' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]",
  });
  assert.equal((await put({ uri: fn })).message, 'Enumeration value for HttpMethod must be non-empty');
  assert.equal((await put({ integrationHttpMethod: 'POST', uri: fn })).message, 'Invalid ARN specified in the request');
  assert.equal(
    (
      await put({
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:us-east-1:lambda:test/2015-03-31/functions/${fn}/invocations`,
      })
    ).message,
    'AWS ARN for integration must contain path or action',
  );
  assert.equal(
    (
      await put({
        integrationHttpMethod: 'POST',
        uri: `arn:aws:apigateway:us-east-1:lambda:path/random/${fn}/invocations`,
      })
    ).message,
    "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
  );
  assert.equal(
    (await put({ type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: 'ftp://example' })).message,
    'Invalid HTTP endpoint specified for URI',
  );
  assert.equal((await put({ type: 'MOCK', timeoutInMillis: 30 })).name, 'BadRequestException');

  const ok = await f.gw.send(
    new PutIntegrationCommand({
      restApiId,
      resourceId,
      httpMethod: 'GET',
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}/invocations`,
    }),
  );
  assert.equal(ok.httpMethod, 'POST');
  assert.equal(ok.uri, `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn}/invocations`);
});

test('deployments and stages: creation, listing by deployment, variables via patch, delete rules', async () => {
  const { id: restApiId, rootResourceId: resourceId } = await f.gw.send(new CreateRestApiCommand({ name: 'stages' }));
  assert.equal(
    (await failure(f.gw.send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' })))).message,
    "The REST API doesn't contain any methods",
  );
  await f.gw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
  assert.equal(
    (await failure(f.gw.send(new CreateDeploymentCommand({ restApiId, stageName: 'dev' })))).message,
    'No integration defined for method',
  );
  await f.gw.send(new PutIntegrationCommand({ restApiId, resourceId, httpMethod: 'GET', type: 'MOCK' }));

  const d1 = await f.gw.send(
    new CreateDeploymentCommand({ restApiId, stageName: 'dev', variables: { fn: 'pow-dev' } }),
  );
  assert.match(d1.id!, /^[a-z0-9]{6}$/);
  const dev = await f.gw.send(new GetStageCommand({ restApiId, stageName: 'dev' }));
  assert.deepEqual(
    {
      deploymentId: dev.deploymentId,
      variables: dev.variables,
      cacheClusterStatus: dev.cacheClusterStatus,
      tracingEnabled: dev.tracingEnabled,
      methodSettings: dev.methodSettings,
    },
    {
      deploymentId: d1.id,
      variables: { fn: 'pow-dev' },
      cacheClusterStatus: 'NOT_AVAILABLE',
      tracingEnabled: false,
      methodSettings: {},
    },
  );
  const d2 = await f.gw.send(new CreateDeploymentCommand({ restApiId, description: 'second' }));
  const prod = await f.gw.send(
    new CreateStageCommand({ restApiId, stageName: 'prod', deploymentId: d2.id, variables: { fn: 'pow-prod' } }),
  );
  assert.equal(prod.$metadata.httpStatusCode, 201);
  assert.deepEqual(
    await failure(f.gw.send(new CreateStageCommand({ restApiId, stageName: 'prod', deploymentId: d2.id }))),
    {
      name: 'ConflictException',
      message: 'Stage already exists',
      status: 409,
    },
  );
  assert.equal(
    (await failure(f.gw.send(new CreateStageCommand({ restApiId, stageName: 'qa', deploymentId: 'nope00' })))).name,
    'NotFoundException',
  );

  assert.deepEqual((await f.gw.send(new GetStagesCommand({ restApiId }))).item!.map((s) => s.stageName).sort(), [
    'dev',
    'prod',
  ]);
  assert.deepEqual(
    (await f.gw.send(new GetStagesCommand({ restApiId, deploymentId: d2.id }))).item!.map((s) => s.stageName),
    ['prod'],
  );
  assert.deepEqual(
    (await f.gw.send(new GetDeploymentsCommand({ restApiId }))).items!.map((d) => d.id).sort(),
    [d1.id, d2.id].sort(),
  );

  const updated = await f.gw.send(
    new UpdateStageCommand({
      restApiId,
      stageName: 'prod',
      patchOperations: [
        { op: 'replace', path: '/variables/fn', value: 'pow-v2' },
        { op: 'add', path: '/variables/mode', value: 'fast' },
        { op: 'replace', path: '/deploymentId', value: d1.id },
        { op: 'replace', path: '/*/*/throttling/rateLimit', value: '10' },
      ],
    }),
  );
  assert.deepEqual(updated.variables, { fn: 'pow-v2', mode: 'fast' });
  assert.equal(updated.deploymentId, d1.id);
  assert.deepEqual(updated.methodSettings!['*/*'], { throttlingRateLimit: 10 });
  const removed = await f.gw.send(
    new UpdateStageCommand({
      restApiId,
      stageName: 'prod',
      patchOperations: [{ op: 'remove', path: '/variables/mode' }],
    }),
  );
  assert.deepEqual(removed.variables, { fn: 'pow-v2' });
  assert.equal(
    (
      await failure(
        f.gw.send(
          new UpdateStageCommand({
            restApiId,
            stageName: 'prod',
            patchOperations: [{ op: 'replace', path: '/tags/x', value: 'y' }],
          }),
        ),
      )
    ).name,
    'BadRequestException',
  );

  assert.deepEqual(await failure(f.gw.send(new DeleteDeploymentCommand({ restApiId, deploymentId: d1.id }))), {
    name: 'BadRequestException',
    message: 'Active stages pointing to this deployment must be moved or deleted',
    status: 400,
  });
  await f.gw.send(new DeleteDeploymentCommand({ restApiId, deploymentId: d2.id }));
  await f.gw.send(new DeleteStageCommand({ restApiId, stageName: 'dev' }));
  assert.deepEqual(await failure(f.gw.send(new GetStageCommand({ restApiId, stageName: 'dev' }))), {
    name: 'NotFoundException',
    message: 'Invalid Stage identifier specified',
    status: 404,
  });
});

test('Update* calls apply patch operations and refuse bad ones as AWS does', async () => {
  const { id: restApiId, rootResourceId } = await f.gw.send(new CreateRestApiCommand({ name: 'patchable' }));
  const api = await f.gw.send(
    new UpdateRestApiCommand({
      restApiId,
      patchOperations: [
        { op: 'replace', path: '/name', value: 'renamed' },
        { op: 'add', path: '/binaryMediaTypes/image~1png', value: '' },
        { op: 'replace', path: '/description', value: 'now described' },
      ],
    }),
  );
  assert.deepEqual([api.name, api.binaryMediaTypes, api.description], ['renamed', ['image/png'], 'now described']);
  const cleared = await f.gw.send(
    new UpdateRestApiCommand({ restApiId, patchOperations: [{ op: 'remove', path: '/binaryMediaTypes/image~1png' }] }),
  );
  assert.equal(cleared.binaryMediaTypes, undefined);
  const badOps = await failure(
    f.gw.send(
      new UpdateRestApiCommand({ restApiId, patchOperations: [{ op: 'wrong' as never, path: '/name', value: 'x' }] }),
    ),
  );
  assert.deepEqual([badOps.name, badOps.status], ['ValidationException', 400]);
  assert.match(
    badOps.message,
    /^1 validation error detected: Value 'wrong' at 'updateRestApiInput\.patchOperations\.1\.member\.op'/,
  );

  const a = await f.gw.send(new CreateResourceCommand({ restApiId, parentId: rootResourceId, pathPart: 'a' }));
  const b = await f.gw.send(new CreateResourceCommand({ restApiId, parentId: a.id, pathPart: 'b' }));
  assert.equal(
    (
      await f.gw.send(
        new UpdateResourceCommand({
          restApiId,
          resourceId: a.id,
          patchOperations: [{ op: 'replace', path: '/pathPart', value: 'alpha' }],
        }),
      )
    ).path,
    '/alpha',
  );
  assert.equal((await f.gw.send(new GetResourceCommand({ restApiId, resourceId: b.id }))).path, '/alpha/b');
  assert.deepEqual(
    await failure(
      f.gw.send(
        new UpdateResourceCommand({
          restApiId,
          resourceId: a.id,
          patchOperations: [{ op: 'replace', path: '/parentId', value: b.id }],
        }),
      ),
    ),
    {
      name: 'BadRequestException',
      message: 'Resources cannot be cyclical.',
      status: 400,
    },
  );
  assert.equal(
    (
      await failure(
        f.gw.send(
          new UpdateResourceCommand({
            restApiId,
            resourceId: a.id,
            patchOperations: [{ op: 'remove', path: '/pathPart' }],
          }),
        ),
      )
    ).message,
    "Invalid patch path  '/pathPart' specified for op 'remove'. Please choose supported operations",
  );

  const resourceId = a.id!;
  await f.gw.send(new PutMethodCommand({ restApiId, resourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
  assert.equal(
    (
      await f.gw.send(
        new UpdateMethodCommand({
          restApiId,
          resourceId,
          httpMethod: 'GET',
          patchOperations: [{ op: 'replace', path: '/apiKeyRequired', value: 'true' }],
        }),
      )
    ).apiKeyRequired,
    true,
  );
  await f.gw.send(new PutIntegrationCommand({ restApiId, resourceId, httpMethod: 'GET', type: 'MOCK' }));
  const integration = await f.gw.send(
    new UpdateIntegrationCommand({
      restApiId,
      resourceId,
      httpMethod: 'GET',
      patchOperations: [
        { op: 'replace', path: '/timeoutInMillis', value: '5000' },
        { op: 'add', path: '/requestTemplates/application~1json', value: '{"statusCode": 200}' },
      ],
    }),
  );
  assert.deepEqual(
    [integration.timeoutInMillis, integration.requestTemplates],
    [5000, { 'application/json': '{"statusCode": 200}' }],
  );
  await f.gw.send(new PutMethodResponseCommand({ restApiId, resourceId, httpMethod: 'GET', statusCode: '200' }));
  const mr = await f.gw.send(
    new UpdateMethodResponseCommand({
      restApiId,
      resourceId,
      httpMethod: 'GET',
      statusCode: '200',
      patchOperations: [
        { op: 'add', path: '/responseParameters/method.response.header.Access-Control-Allow-Origin', value: 'false' },
      ],
    }),
  );
  assert.deepEqual(mr.responseParameters, { 'method.response.header.Access-Control-Allow-Origin': false });
  await f.gw.send(new PutIntegrationResponseCommand({ restApiId, resourceId, httpMethod: 'GET', statusCode: '200' }));
  const ir = await f.gw.send(
    new UpdateIntegrationResponseCommand({
      restApiId,
      resourceId,
      httpMethod: 'GET',
      statusCode: '200',
      patchOperations: [
        { op: 'add', path: '/responseParameters/method.response.header.Access-Control-Allow-Origin', value: "'*'" },
        { op: 'replace', path: '/selectionPattern', value: '2\\d{2}' },
      ],
    }),
  );
  assert.deepEqual(
    [ir.responseParameters, ir.selectionPattern],
    [{ 'method.response.header.Access-Control-Allow-Origin': "'*'" }, '2\\d{2}'],
  );
  assert.equal(
    (
      await failure(
        f.gw.send(
          new UpdateIntegrationCommand({
            restApiId,
            resourceId,
            httpMethod: 'GET',
            patchOperations: [{ op: 'replace', path: '/timeoutInMillis', value: '40000' }],
          }),
        ),
      )
    ).name,
    'BadRequestException',
  );
});
