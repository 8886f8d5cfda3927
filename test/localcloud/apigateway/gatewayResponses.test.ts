// Gateway responses: defaults as GetGatewayResponse(s) report them, customisation with
// PutGatewayResponse, and their effect on the data plane once deployed (CORS on errors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APIGatewayClient,
  DeleteGatewayResponseCommand,
  GetGatewayResponseCommand,
  GetGatewayResponsesCommand,
  PutGatewayResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { useTestCloud } from '../../helpers/cloud';
import { ApiBuilder, invokePath, raw } from './invoke';

const f = useTestCloud((config) => ({ gw: new APIGatewayClient(config) }));

test('gateway responses: AWS defaults, a customised type, DEFAULT_4XX inheritance, delete, bad type', async () => {
  const { restApiId } = await ApiBuilder.create(f.gw, 'gateway-responses');
  const missing = await f.gw.send(
    new GetGatewayResponseCommand({ restApiId, responseType: 'MISSING_AUTHENTICATION_TOKEN' }),
  );
  assert.deepEqual(
    {
      defaultResponse: missing.defaultResponse,
      statusCode: missing.statusCode,
      responseParameters: missing.responseParameters,
      responseTemplates: missing.responseTemplates,
    },
    {
      defaultResponse: true,
      statusCode: '403',
      responseParameters: {},
      responseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
    },
  );
  const all = await f.gw.send(new GetGatewayResponsesCommand({ restApiId }));
  assert.equal(all.items!.length, 21);

  const put = await f.gw.send(
    new PutGatewayResponseCommand({
      restApiId,
      responseType: 'DEFAULT_4XX',
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
    }),
  );
  assert.equal(put.defaultResponse, false);
  const inherited = await f.gw.send(new GetGatewayResponseCommand({ restApiId, responseType: 'ACCESS_DENIED' }));
  assert.deepEqual(
    [inherited.defaultResponse, inherited.statusCode, inherited.responseParameters],
    [true, '403', { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" }],
  );

  await f.gw.send(new DeleteGatewayResponseCommand({ restApiId, responseType: 'DEFAULT_4XX' }));
  assert.equal(
    (await f.gw.send(new GetGatewayResponseCommand({ restApiId, responseType: 'DEFAULT_4XX' }))).defaultResponse,
    true,
  );
  try {
    await f.gw.send(new GetGatewayResponseCommand({ restApiId, responseType: 'FAKE_RESPONSE_TYPE' as never }));
    assert.fail('expected a ValidationException');
  } catch (e) {
    assert.equal((e as Error).name, 'ValidationException');
  }
});

test('deployed gateway responses shape the errors: CORS header on 4XX, custom status and template', async () => {
  const api = await ApiBuilder.create(f.gw, 'cors-errors');
  await api.mock('/ok', 'GET', '200', 'fine');
  await f.gw.send(
    new PutGatewayResponseCommand({
      restApiId: api.restApiId,
      responseType: 'DEFAULT_4XX',
      responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" },
    }),
  );
  await f.gw.send(
    new PutGatewayResponseCommand({
      restApiId: api.restApiId,
      responseType: 'MISSING_AUTHENTICATION_TOKEN',
      statusCode: '404',
      responseParameters: {
        'gatewayresponse.header.Access-Control-Allow-Origin': "'*'",
        'gatewayresponse.header.X-Asked': 'method.request.header.X-Ask',
      },
      responseTemplates: {
        'application/json':
          '{"error": $context.error.messageString, "type": "$context.error.responseType", "stage": "$context.stage"}',
      },
    }),
  );
  await api.deploy('dev');
  const unknown = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/nowhere'), {
    headers: { 'X-Ask': 'where?' },
  });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers['access-control-allow-origin'], '*');
  assert.equal(unknown.headers['x-asked'], 'where?');
  assert.deepEqual(JSON.parse(unknown.body), {
    error: 'Missing Authentication Token',
    type: 'MISSING_AUTHENTICATION_TOKEN',
    stage: 'dev',
  });

  // Responses configured after the deployment wait for the next one, like everything else.
  await f.gw.send(
    new PutGatewayResponseCommand({
      restApiId: api.restApiId,
      responseType: 'DEFAULT_5XX',
      responseParameters: { 'gatewayresponse.header.X-Five': "'yes'" },
    }),
  );
  await api.method('/broken', 'GET', { type: 'MOCK' }); // no integration response: a 5XX configuration error
  const stillOld = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/broken'));
  assert.equal(stillOld.status, 404);
  await api.deploy('dev');
  const broken = await raw(f.cloud.endpoint, invokePath(api.restApiId, 'dev', '/broken'));
  assert.deepEqual(
    [broken.status, broken.headers['x-five'], broken.headers['access-control-allow-origin']],
    [500, 'yes', undefined],
  );
});
