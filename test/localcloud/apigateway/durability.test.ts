// Every acknowledged API Gateway change survives a restart: a clean stop (snapshot) and a
// kill -9 of `hoc cloud` (journal replay). Needs dist/cli.js (node esbuild.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APIGatewayClient,
  GetRestApiCommand,
  GetStageCommand,
  UpdateRestApiCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { startTestCloud, tempDir } from '../../helpers/cloud';
import { spawnCloud } from '../../helpers/cloudProcess';
import { ApiBuilder, invokePath, raw } from './invoke';

test('APIs, deployments and stages come back after a clean restart', async () => {
  const dir = tempDir();
  try {
    let cloud = await startTestCloud({ stateDir: dir.path });
    let gw = new APIGatewayClient(cloud.clientConfig);
    const api = await ApiBuilder.create(gw, 'durable');
    await api.mock('/hello', 'GET', '200', 'hello from $context.stage');
    await api.deploy('dev', { color: 'blue' });
    gw.destroy();
    await cloud.stop();

    cloud = await startTestCloud({ stateDir: dir.path });
    gw = new APIGatewayClient(cloud.clientConfig);
    assert.equal((await raw(cloud.endpoint, invokePath(api.restApiId, 'dev', '/hello'))).body, 'hello from dev');
    assert.deepEqual((await gw.send(new GetStageCommand({ restApiId: api.restApiId, stageName: 'dev' }))).variables, {
      color: 'blue',
    });
    gw.destroy();
    await cloud.stop();
  } finally {
    dir.remove();
  }
});

test('nothing acknowledged is lost when hoc cloud is killed with SIGKILL', async () => {
  const dir = tempDir();
  try {
    let cloud = await spawnCloud(['--state-dir', dir.path]);
    let gw = new APIGatewayClient(cloud.clientConfig);
    const api = await ApiBuilder.create(gw, 'killed');
    await api.mock('/hello', 'GET', '200', 'still here');
    await api.deploy('prod', { a: '1' });
    await gw.send(
      new UpdateStageCommand({
        restApiId: api.restApiId,
        stageName: 'prod',
        patchOperations: [{ op: 'add', path: '/variables/b', value: '2' }],
      }),
    );
    await gw.send(
      new UpdateRestApiCommand({
        restApiId: api.restApiId,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'renamed' },
          { op: 'replace', path: '/description', value: 'temporary' },
        ],
      }),
    );
    await gw.send(
      new UpdateRestApiCommand({
        restApiId: api.restApiId,
        patchOperations: [{ op: 'replace', path: '/description', value: '' }],
      }),
    );
    gw.destroy();
    await cloud.stop('SIGKILL');

    cloud = await spawnCloud(['--state-dir', dir.path]);
    gw = new APIGatewayClient(cloud.clientConfig);
    try {
      assert.equal((await raw(cloud.endpoint, invokePath(api.restApiId, 'prod', '/hello'))).body, 'still here');
      assert.deepEqual(
        (await gw.send(new GetStageCommand({ restApiId: api.restApiId, stageName: 'prod' }))).variables,
        { a: '1', b: '2' },
      );
      const restored = await gw.send(new GetRestApiCommand({ restApiId: api.restApiId }));
      assert.deepEqual([restored.name, restored.description], ['renamed', undefined]);
    } finally {
      gw.destroy();
      await cloud.stop();
    }
  } finally {
    dir.remove();
  }
});
