// A long poll whose client went away must stop holding the poll: otherwise the next message
// sent to the queue wakes the dead poll, is received on its behalf (invisible for the
// visibility timeout) and written to a closed socket, and live receivers never see it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { useSqs } from './kit';

const kit = useSqs();

/** Sends a signed JSON ReceiveMessage long poll over a raw socket; resolves once fully written. */
async function startRawLongPoll(queueUrl: string): Promise<{ destroy(): void }> {
  const url = new URL(kit.cloud.endpoint);
  const body = JSON.stringify({ QueueUrl: queueUrl, WaitTimeSeconds: 20, MaxNumberOfMessages: 1 });
  const signer = new SignatureV4({
    service: 'sqs',
    region: 'us-east-1',
    sha256: Sha256,
    credentials: kit.cloud.credentials,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'AmazonSQS.ReceiveMessage',
    },
    body,
  });
  const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers: signed.headers });
  req.on('error', () => undefined); // the socket is destroyed on purpose
  req.on('response', () => assert.fail('the long poll answered although the queue stayed empty'));
  await new Promise<void>((resolve) => req.end(body, resolve));
  return { destroy: () => req.destroy() };
}

test('a long poll whose client disconnected no longer takes the next message', async () => {
  const url = await kit.queue({ VisibilityTimeout: '600' });
  // Round trips on other connections, answered after the server has taken in what came before.
  const roundTrip = () => kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));

  const poll = await startRawLongPoll(url);
  await roundTrip();
  poll.destroy();
  await roundTrip();

  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'for a live receiver' }));
  const got = await kit.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 0, MaxNumberOfMessages: 1 }),
  );
  assert.deepEqual(
    got.Messages?.map((m) => m.Body),
    ['for a live receiver'],
  );
  const attrs = await roundTrip();
  assert.equal(attrs.Attributes?.ApproximateNumberOfMessagesNotVisible, '1', 'only the live receive took the message');
});
