// STS through @aws-sdk/client-sts (query protocol): who is calling — the root user of the
// local cloud's one account, 000000000000 — and the raw XML shape older tools parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { useTestCloud } from '../../helpers/cloud';

const f = useTestCloud((config) => ({ sts: new STSClient(config) }));

test('GetCallerIdentity names the account 000000000000 and its root user', async () => {
  const me = await f.sts.send(new GetCallerIdentityCommand({}));
  assert.equal(me.Account, '000000000000');
  assert.equal(me.Arn, 'arn:aws:iam::000000000000:root');
  assert.equal(me.UserId, '000000000000');
});

test('GetAccessKeyInfo answers the account; a malformed key id is a ValidationError', async () => {
  const info = await f.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: f.cloud.credentials.accessKeyId }));
  assert.equal(info.Account, '000000000000');
  await assert.rejects(
    f.sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: 'short' })),
    (e: Error) => e.name === 'ValidationError',
  );
});

test('raw query protocol: the result element, the namespace, and InvalidAction for an unknown action', async () => {
  const call = async (body: string) => {
    const url = new URL(f.cloud.endpoint);
    const signer = new SignatureV4({
      service: 'sts',
      region: 'us-east-1',
      credentials: f.cloud.credentials,
      sha256: Sha256,
    });
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    const res = await fetch(f.cloud.endpoint, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body,
    });
    return { status: res.status, text: await res.text() };
  };
  const ok = await call('Action=GetCallerIdentity&Version=2011-06-15');
  assert.equal(ok.status, 200);
  assert.match(
    ok.text,
    /<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><GetCallerIdentityResult><UserId>000000000000<\/UserId><Account>000000000000<\/Account><Arn>arn:aws:iam::000000000000:root<\/Arn><\/GetCallerIdentityResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/GetCallerIdentityResponse>/,
  );
  const unknown = await call('Action=AssumeRoleWithMagic&Version=2011-06-15');
  assert.equal(unknown.status, 400);
  assert.match(unknown.text, /<Code>InvalidAction<\/Code>/);
});
