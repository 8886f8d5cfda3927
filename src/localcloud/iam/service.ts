// The IAM service of the local cloud (query protocol, signing name `iam`): roles and their
// policies, stored, journaled and returned — never enforced.
import { QUERY_NAMESPACES } from '../server/errorSerializer';
import { QueryInputReader, queryAnswer, readQueryRequest } from '../server/awsQuery';
import type { AwsRequest, AwsResponse, CloudContext, ServiceFactory } from '../server/types';
import { InvalidAction, ValidationError } from './errors';
import { IamBackend, type IamSnapshot } from './model/backend';
import type { IamEvent } from './model/events';
import { ROLE_ACTIONS } from './protocol/roleActions';

const NAMESPACE = QUERY_NAMESPACES.iam!;

export const createIamService: ServiceFactory = (ctx: CloudContext) => new IamService(ctx);

class IamService {
  readonly name = 'iam';
  readonly backend: IamBackend;

  constructor(ctx: CloudContext) {
    this.backend = new IamBackend({ accountId: ctx.accountId, record: (event) => ctx.journal.append('iam', event) });
  }

  async handle(req: AwsRequest): Promise<AwsResponse> {
    const { action, input } = readQueryRequest(req);
    const handler = Object.hasOwn(ROLE_ACTIONS, action) ? ROLE_ACTIONS[action]! : undefined;
    if (!handler) throw new InvalidAction(action);
    const output = handler(new QueryInputReader(input, (m) => new ValidationError(m)), this.backend);
    return queryAnswer(NAMESPACE, action, output, req.requestId);
  }

  loadSnapshot(snapshot: unknown): void {
    this.backend.load(snapshot as IamSnapshot);
  }

  applyEvent(event: unknown): void {
    this.backend.apply(event as IamEvent);
  }

  snapshot(): unknown {
    return this.backend.snapshot();
  }
}
