// The STS service of the local cloud (query protocol, signing name `sts`). Tools such as
// Terraform's AWS provider learn the account id from GetCallerIdentity.
import { QUERY_NAMESPACES } from '../server/errorSerializer';
import { QueryInputReader, queryAnswer, readQueryRequest, type QueryOutput } from '../server/awsQuery';
import type { AwsRequest, AwsResponse, CloudContext, ServiceFactory } from '../server/types';
import { InvalidAction, ValidationError } from './errors';
import { accessKeyAccount, callerIdentity } from './identity';

const NAMESPACE = QUERY_NAMESPACES.sts!;
/** AccessKeyId: 16–128 word characters (service model's accessKeyIdType). */
const ACCESS_KEY_ID = /^[\w]{16,128}$/;

export const createStsService: ServiceFactory = (ctx: CloudContext) => new StsService(ctx);

class StsService {
  readonly name = 'sts';

  constructor(private readonly ctx: CloudContext) {}

  async handle(req: AwsRequest): Promise<AwsResponse> {
    const { action, input } = readQueryRequest(req);
    const i = new QueryInputReader(input, (m) => new ValidationError(m));
    let output: QueryOutput;
    switch (action) {
      case 'GetCallerIdentity':
        output = { ...callerIdentity(this.ctx.accountId) };
        break;
      case 'GetAccessKeyInfo': {
        const key = i.string('AccessKeyId');
        if (!ACCESS_KEY_ID.test(key))
          throw new ValidationError(
            `1 validation error detected: Value '${key}' at 'accessKeyId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w]*`,
          );
        output = accessKeyAccount(this.ctx.accountId);
        break;
      }
      default:
        throw new InvalidAction(action);
    }
    return queryAnswer(NAMESPACE, action, output, req.requestId);
  }
}
