// Resource policies are enforced where AWS enforces them: API Gateway may invoke a function
// only once a statement allows apigateway.amazonaws.com for the API's source ARN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import { AddPermissionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { useTestCloud } from '../../helpers/cloud';
import { createFunction, useFreshRuntimes } from './lambdaKit';

const f = useTestCloud((config) => ({ lambda: new LambdaClient(config), apigw: new APIGatewayClient(config) }), {
  prepare: useFreshRuntimes,
});

test('API Gateway → Lambda is refused without a permission and served with one', async () => {
  await createFunction(f.lambda, { FunctionName: 'api-backend', Handler: 'index.proxy' });
  const fnArn = 'arn:aws:lambda:us-east-1:000000000000:function:api-backend';
  const api = await f.apigw.send(new CreateRestApiCommand({ name: 'shop' }));
  const root = (await f.apigw.send(new GetResourcesCommand({ restApiId: api.id }))).items!.find((r) => r.path === '/')!;
  await f.apigw.send(
    new PutMethodCommand({ restApiId: api.id, resourceId: root.id, httpMethod: 'GET', authorizationType: 'NONE' }),
  );
  await f.apigw.send(
    new PutIntegrationCommand({
      restApiId: api.id,
      resourceId: root.id,
      httpMethod: 'GET',
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fnArn}/invocations`,
    }),
  );
  await f.apigw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'dev' }));
  const url = `${f.cloud.endpoint}/_aws/execute-api/${api.id}/dev/`;

  const denied = await fetch(url);
  assert.equal(denied.status, 500, 'no resource policy lets API Gateway invoke the function');

  // A public statement limited to function URLs (lambda:InvokedViaFunctionUrl) does not let a service in.
  await f.lambda.send(
    new AddPermissionCommand({
      FunctionName: 'api-backend',
      StatementId: 'url-only',
      Action: 'lambda:InvokeFunction',
      Principal: '*',
      InvokedViaFunctionUrl: true,
    }),
  );
  assert.equal((await fetch(url)).status, 500, 'a statement for function URLs only does not count');

  await f.lambda.send(
    new AddPermissionCommand({
      FunctionName: 'api-backend',
      StatementId: 'other-api',
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: 'arn:aws:execute-api:us-east-1:000000000000:someotherapi/*',
    }),
  );
  assert.equal((await fetch(url)).status, 500, 'a statement for another API does not count');

  await f.lambda.send(
    new AddPermissionCommand({
      FunctionName: 'api-backend',
      StatementId: 'this-api',
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      SourceArn: `arn:aws:execute-api:us-east-1:000000000000:${api.id}/*/GET/`,
    }),
  );
  const allowed = await fetch(url);
  assert.equal(allowed.status, 200, await allowed.clone().text());
  assert.deepEqual(await allowed.json(), { path: '/', method: 'GET' });
});
