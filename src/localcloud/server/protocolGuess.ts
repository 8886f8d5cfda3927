// Which error format a request expects, when the core must answer before any service does
// (auth failures, unknown services).
import type { IncomingHttpHeaders } from 'node:http';
import type { Protocol } from './errors';

export function guessProtocol(service: string | undefined, headers: IncomingHttpHeaders): Protocol {
  if (headers['x-amz-target']) return 'json';
  switch (service) {
    case 's3':
      return 'restXml';
    case 'lambda':
    case 'elasticfilesystem':
    case 'apigateway':
    case 'execute-api':
      return 'restJson';
    case 'states':
    case 'logs':
      return 'json';
    case 'sqs':
    case 'iam':
    case 'sts':
      return 'query';
  }
  const type = String(headers['content-type'] ?? '');
  if (type.startsWith('application/x-www-form-urlencoded')) return 'query';
  if (type.includes('json')) return 'restJson';
  return 'restXml';
}
