// With auth off (`--no-auth`, LocalStack-style), unsigned requests are routed by their shape.
import type { AwsRequest } from './types';

type RequestShape = Pick<AwsRequest, 'headers' | 'path' | 'query' | 'body'>;

// Every API version prefix Lambda's REST paths use (functions, URLs, concurrency, event invoke config …).
const LAMBDA_API_VERSIONS = [
  '2015-03-31',
  '2016-08-19',
  '2017-03-31',
  '2017-10-31',
  '2018-10-31',
  '2019-09-25',
  '2019-09-30',
  '2020-04-22',
  '2020-06-30',
  '2021-10-31',
];

const TARGET_PREFIXES: Record<string, string> = { AmazonSQS: 'sqs', AWSStepFunctions: 'states', Logs_20140328: 'logs' };

export function inferUnsignedService(req: RequestShape): string | undefined {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return TARGET_PREFIXES[target.split('.')[0]!];
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('application/x-www-form-urlencoded') && /(^|&)Action=/.test(req.body.toString('latin1')))
    return 'sqs';
  if (typeof req.query.Action === 'string') return 'sqs';
  if (LAMBDA_API_VERSIONS.some((v) => req.path.startsWith(`/${v}/`)) || req.path.startsWith('/_localcloud/lambda/'))
    return 'lambda';
  if (req.path.startsWith('/2015-02-01/')) return 'elasticfilesystem';
  if (req.path.startsWith('/restapis') || req.path.startsWith('/apikeys')) return 'apigateway';
  return 's3';
}
