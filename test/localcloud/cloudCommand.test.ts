// `hoc cloud` prints its four banner lines first, answers health, refuses foreign hosts,
// and stops cleanly on SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { spawnCloud } from '../helpers/cloudProcess';

function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      { hostname: u.hostname, port: u.port, path: u.pathname, headers: host ? { host } : {} },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test('hoc cloud prints endpoint, key id, secret and region as its first four lines', async () => {
  const cloud = await spawnCloud();
  try {
    const lines = cloud.output().split('\n');
    assert.match(lines[0]!, /^endpoint http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(lines[1]!, /^aws_access_key_id [A-Z0-9]{20}$/);
    assert.match(lines[2]!, /^aws_secret_access_key \S{40}$/);
    assert.equal(lines[3], 'region us-east-1');
    const health = await get(`${cloud.endpoint}/_localcloud/health`);
    assert.equal(health.status, 200);
    assert.equal(JSON.parse(health.body).status, 'running');
  } finally {
    assert.equal(await cloud.stop('SIGTERM'), 0);
  }
});

test('a Host header other than a local name is refused (DNS rebinding)', async () => {
  const cloud = await spawnCloud();
  try {
    assert.equal((await get(`${cloud.endpoint}/_localcloud/health`, 'attacker.example:80')).status, 403);
    assert.equal((await get(`${cloud.endpoint}/_localcloud/health`, 'bucket.s3.localhost')).status, 200);
    assert.equal((await get(`${cloud.endpoint}/_localcloud/health`, 'localhost:1234')).status, 200);
  } finally {
    await cloud.stop();
  }
});

test('SIGINT stops hoc cloud with exit code 0', async () => {
  const cloud = await spawnCloud();
  assert.equal(await cloud.stop('SIGINT'), 0);
});
