// Messages from a webview are untrusted: the host validates each one before acting on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHostMessage, parseViewMessage, ProtocolError } from '../../src/shared/webviewProtocol';
import { sqsParams } from '../../src/shared/webviewProtocolSqs';
import { graphParams } from '../../src/shared/webviewProtocolGraph';
import { metricsParams } from '../../src/shared/webviewProtocolMetrics';

test('ready and well-formed requests pass, typed', () => {
  assert.deepEqual(parseViewMessage({ kind: 'ready' }, sqsParams), { kind: 'ready' });
  const send = parseViewMessage(
    {
      kind: 'request',
      id: 7,
      method: 'send',
      params: {
        body: 'hi',
        attributes: [{ name: 'a', dataType: 'Number', value: '1' }],
        groupId: 'g',
        extra: 'dropped',
      },
    },
    sqsParams,
  );
  assert.deepEqual(send, {
    kind: 'request',
    id: 7,
    method: 'send',
    params: { body: 'hi', attributes: [{ name: 'a', dataType: 'Number', value: '1' }], groupId: 'g' },
  });
  const start = parseViewMessage({ kind: 'request', id: 1, method: 'start', params: { input: '{}' } }, graphParams);
  assert.equal(start.kind === 'request' && start.method, 'start');
});

test('unknown methods, wrong types and oversized lists are refused with the field named', () => {
  const bad: Array<[unknown, RegExp]> = [
    [{ kind: 'request', id: 1, method: 'deleteQueue', params: {} }, /message\.method/],
    [{ kind: 'request', id: 1, method: 'send', params: { body: 5, attributes: [] } }, /send\.params\.body/],
    [
      {
        kind: 'request',
        id: 1,
        method: 'send',
        params: { body: 'x', attributes: [{ name: 'a', dataType: 'Text', value: '' }] },
      },
      /dataType/,
    ],
    [
      {
        kind: 'request',
        id: 1,
        method: 'send',
        params: { body: 'x', attributes: Array(11).fill({ name: 'a', dataType: 'String', value: '' }) },
      },
      /at most 10/,
    ],
    [{ kind: 'request', method: 'queue', params: {} }, /message\.id/],
    [{ kind: 'evil' }, /message\.kind/],
    ['not an object', /message/],
    [{ kind: 'request', id: 1, method: 'constructor', params: {} }, /message\.method/],
  ];
  for (const [msg, field] of bad)
    assert.throws(
      () => parseViewMessage(msg, sqsParams),
      (e: Error) => e instanceof ProtocolError && field.test(e.message),
    );
  assert.throws(
    () =>
      parseViewMessage(
        { kind: 'request', id: 2, method: 'estimate', params: { requestsPerMonth: 'many' } },
        metricsParams,
      ),
    ProtocolError,
  );
  assert.throws(
    () => parseViewMessage({ kind: 'request', id: 2, method: 'messages', params: { max: Infinity } }, sqsParams),
    ProtocolError,
  );
});

test('host messages: responses by id and events', () => {
  assert.deepEqual(parseHostMessage({ kind: 'response', id: 3, ok: true, result: [1] }), {
    kind: 'response',
    id: 3,
    ok: true,
    result: [1],
  });
  assert.deepEqual(parseHostMessage({ kind: 'response', id: 3, ok: false, error: 'QueueDoesNotExist: gone' }), {
    kind: 'response',
    id: 3,
    ok: false,
    error: 'QueueDoesNotExist: gone',
  });
  assert.equal(parseHostMessage({ kind: 'event', event: { type: 'target', label: 'x' } }).kind, 'event');
  assert.throws(() => parseHostMessage({ kind: 'event' }), ProtocolError);
  assert.throws(() => parseHostMessage({ kind: 'response', ok: true }), ProtocolError);
});
