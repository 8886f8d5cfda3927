// Every error class of every service, written in every protocol: status, code, message and
// headers where each protocol's SDKs look for them (JSON __type, restJson x-amzn-ErrorType,
// query/restXml <Code>, x-amzn-query-error for awsQueryCompatible services).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AwsError, type Protocol } from '../../../src/localcloud/server/errors';
import { QUERY_NAMESPACES, serializeError } from '../../../src/localcloud/server/errorSerializer';
import * as sqsErrors from '../../../src/localcloud/sqs/errors';
import * as serverErrors from '../../../src/localcloud/server/errors';
import * as iamErrors from '../../../src/localcloud/iam/errors';
import * as stsErrors from '../../../src/localcloud/sts/errors';
import { ERROR_MODULES } from './errorModules';

const PROTOCOLS: Protocol[] = ['json', 'restJson', 'query', 'restXml'];
const REQUEST_ID = '00000000-0000-4000-8000-000000000000';

type ErrorClass = new (...args: never[]) => AwsError;

/** Every exported AwsError subclass of a module, built with placeholder arguments. */
function instancesOf(module: Record<string, unknown>): Array<[string, AwsError]> {
  return Object.entries(module)
    .filter(
      (entry): entry is [string, ErrorClass] =>
        typeof entry[1] === 'function' && entry[1].prototype instanceof AwsError,
    )
    .map(([name, Class]) => {
      const placeholders = Array.from({ length: Math.max(Class.length, 2) }, (_, i) => `arg${i}`);
      return [name, new (Class as unknown as new (...args: string[]) => AwsError)(...placeholders)];
    });
}

for (const [service, module] of Object.entries(ERROR_MODULES)) {
  const errors = instancesOf(module);
  test(`${service}: every error class is written correctly in every protocol`, () => {
    assert.ok(errors.length > 0, `${service} exports error classes`);
    for (const [name, err] of errors) {
      assert.match(err.code, /^[A-Za-z][A-Za-z0-9.]+$/, `${name}: a code`);
      assert.ok(err.status >= 400 && err.status < 600, `${name}: an error status`);
      assert.ok(err.message.length > 0, `${name}: a message`);
      for (const protocol of PROTOCOLS) {
        const out = serializeError(err, { protocol, requestId: REQUEST_ID, service });
        const where = `${name} in ${protocol}`;
        assert.equal(out.status, err.status, where);
        const fault = err.status < 500 ? 'Sender' : 'Receiver';
        switch (protocol) {
          case 'json': {
            const body = JSON.parse(out.body) as Record<string, unknown>;
            assert.equal(body.__type, err.code, where);
            assert.equal(body.message, err.message, where);
            assert.equal(out.headers['content-type'], 'application/x-amz-json-1.0', where);
            assert.equal(
              out.headers['x-amzn-query-error'],
              err.options.queryCode && `${err.options.queryCode};${fault}`,
              where,
            );
            break;
          }
          case 'restJson': {
            assert.equal(out.headers['x-amzn-errortype'], err.code, where);
            assert.equal((JSON.parse(out.body) as { message: string }).message, err.message, where);
            break;
          }
          case 'query': {
            const code = err.options.queryCode ?? err.code;
            assert.ok(
              out.body.includes(`<ErrorResponse xmlns="${QUERY_NAMESPACES[service] ?? QUERY_NAMESPACES.sqs}">`),
              where,
            );
            assert.ok(out.body.includes(`<Error><Type>${fault}</Type><Code>${code}</Code>`), where);
            assert.ok(out.body.includes(`<RequestId>${REQUEST_ID}</RequestId>`), where);
            break;
          }
          case 'restXml': {
            assert.ok(out.body.includes(`<Error><Code>${err.code}</Code>`), where);
            assert.equal(out.headers['x-amz-request-id'], REQUEST_ID, where);
            break;
          }
        }
      }
    }
  });
}

test('SQS (awsQueryCompatible): JSON errors carry the query code in x-amzn-query-error, byte for byte', () => {
  const out = serializeError(new sqsErrors.QueueDoesNotExist(), {
    protocol: 'json',
    requestId: REQUEST_ID,
    service: 'sqs',
  });
  assert.deepEqual(out, {
    status: 400,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': REQUEST_ID,
      'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender',
    },
    body: '{"__type":"QueueDoesNotExist","message":"The specified queue does not exist."}',
  });
});

test('query errors carry the namespace of the service that answers (IAM, STS, SQS)', () => {
  const iam = serializeError(iamErrors.NoSuchEntity.role('r'), {
    protocol: 'query',
    requestId: REQUEST_ID,
    service: 'iam',
  });
  assert.equal(iam.status, 404);
  assert.equal(
    iam.body,
    '<?xml version="1.0"?><ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>' +
      `<Message>The role with name r cannot be found.</Message><Detail/></Error><RequestId>${REQUEST_ID}</RequestId></ErrorResponse>`,
  );
  const sts = serializeError(new stsErrors.ValidationError('bad'), {
    protocol: 'query',
    requestId: REQUEST_ID,
    service: 'sts',
  });
  assert.ok(
    sts.body.startsWith('<?xml version="1.0"?><ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">'),
  );
  const sqs = serializeError(new sqsErrors.MissingParameter('QueueUrl'), {
    protocol: 'query',
    requestId: REQUEST_ID,
    service: 'sqs',
  });
  assert.ok(
    sqs.body.includes(
      'xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type><Code>MissingParameter</Code>',
    ),
  );
});

test('a 5xx error is the Receiver fault; anything thrown that is not an AwsError becomes InternalFailure', () => {
  const err = serverErrors.toAwsError(new Error('boom'));
  const out = serializeError(err, { protocol: 'restJson', requestId: REQUEST_ID });
  assert.equal(out.status, 500);
  assert.equal(out.headers['x-amzn-errortype'], 'InternalFailure');
  assert.equal(JSON.parse(out.body).Type, 'Service');
  assert.ok(
    serializeError(err, { protocol: 'query', requestId: REQUEST_ID }).body.includes(
      '<Type>Receiver</Type><Code>InternalFailure</Code>',
    ),
  );
});

test('JSON errors answer in the JSON version the request used (Logs speaks 1.1)', () => {
  const out = serializeError(new serverErrors.MissingAction(), {
    protocol: 'json',
    requestId: REQUEST_ID,
    jsonContentType: 'application/x-amz-json-1.1',
  });
  assert.equal(out.headers['content-type'], 'application/x-amz-json-1.1');
});
