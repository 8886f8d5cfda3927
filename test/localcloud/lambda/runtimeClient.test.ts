// The Node bootstrap's Runtime API client against a raw HTTP/1.1 server: the three ways an
// answer may end (Content-Length, chunks, connection close), kept-alive sockets, and one
// socket per request in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { RuntimeApiClient } from '../../../src/localcloud/lambda/runtimes/node/runtimeClient';

/**
 * A server that answers each request (head and body read whole) with `answer`, then ends the
 * connection (`end`), drops it (`destroy`) or keeps it.
 */
async function rawServer(answer: string, then?: 'end' | 'destroy') {
  const sockets: Socket[] = [];
  const requests: string[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      for (;;) {
        const end = text.indexOf('\r\n\r\n');
        if (end === -1) return;
        const length = Number(/content-length: (\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
        if (text.length < end + 4 + length) return;
        const request = text.slice(0, end + 4 + length);
        text = text.slice(request.length);
        requests.push(request);
        socket.write(answer);
        if (then === 'end') socket.end();
        if (then === 'destroy') socket.destroy();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    client: new RuntimeApiClient('127.0.0.1', port),
    requests,
    sockets,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

test('a sized answer: status, lower-case headers and body; the request goes out with its body and length', async () => {
  const s = await rawServer(
    'HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: abc\r\nContent-Length: 14\r\n\r\n{"hello":"é"}',
  );
  try {
    const out = await s.client.request('POST', '/2018-06-01/runtime/invocation/abc/response', '{"n":"é"}', {
      'hoc-output-markers': '0',
    });
    assert.equal(out.status, 200);
    assert.equal(out.headers['lambda-runtime-aws-request-id'], 'abc');
    assert.equal(out.body, '{"hello":"é"}'); // 14 bytes: é takes two
    const sent = s.requests[0]!;
    assert.match(sent, /^POST \/2018-06-01\/runtime\/invocation\/abc\/response HTTP\/1\.1\r\n/);
    assert.match(sent, /\r\nhoc-output-markers: 0\r\n/);
    assert.match(sent, /\r\nContent-Length: 10\r\n/);
    assert.ok(Buffer.from(sent, 'latin1').toString('utf8').endsWith('\r\n\r\n{"n":"é"}'));
  } finally {
    s.close();
  }
});

test('a chunked answer is put back together, trailers and all', async () => {
  const s = await rawServer(
    'HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{"st\r\na\r\natus":"OK"\r\n1\r\n}\r\n0\r\nX-T: 1\r\n\r\n',
  );
  try {
    const out = await s.client.request('GET', '/2018-06-01/runtime/invocation/next');
    assert.deepEqual([out.status, JSON.parse(out.body)], [202, { status: 'OK' }]);
  } finally {
    s.close();
  }
});

test('an answer with neither length nor chunks ends with the connection, which is not reused', async () => {
  const s = await rawServer('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it', 'end');
  try {
    assert.equal((await s.client.request('GET', '/a')).body, 'all of it');
    assert.equal((await s.client.request('GET', '/b')).body, 'all of it');
    assert.equal(s.sockets.length, 2);
  } finally {
    s.close();
  }
});

test('sequential requests share one kept-alive socket; concurrent ones get a socket each', async () => {
  const s = await rawServer('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  try {
    for (let i = 0; i < 3; i++) await s.client.request('GET', `/seq/${i}`);
    assert.equal(s.sockets.length, 1);
    await Promise.all([s.client.request('GET', '/c/1'), s.client.request('GET', '/c/2')]);
    assert.equal(s.sockets.length, 2);
    assert.equal(s.requests.length, 5);
  } finally {
    s.close();
  }
});

test('a connection lost before the answer rejects the request', async () => {
  const s = await rawServer('HTTP/1.1 200 OK\r\nContent-Le', 'destroy');
  try {
    await assert.rejects(
      s.client.request('GET', '/2018-06-01/runtime/invocation/next'),
      /closed the connection during GET/,
    );
  } finally {
    s.close();
  }
});
