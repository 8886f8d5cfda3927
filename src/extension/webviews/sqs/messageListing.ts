// Picks how the view lists messages: the local cloud's non-destructive peek where it exists,
// ReceiveMessage (held briefly, then released) everywhere else.
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { Target } from '../../../cloud/target/target';
import type { MessageListing } from '../../../shared/webviewProtocolSqs';
import { listByPeek } from './peekListing';
import { listByReceive } from './receiveListing';

export async function listMessages(
  client: SQSClient,
  target: Pick<Target, 'kind' | 'endpoint' | 'region' | 'credentials'>,
  url: string,
  max: number,
): Promise<MessageListing> {
  if (target.kind === 'local') return listByPeek(target, url, max);
  return listByReceive(client, url, max);
}
