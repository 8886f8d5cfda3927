// Picks how the view lists messages: the local cloud's non-destructive peek where it exists,
// ReceiveMessage (held briefly, then released) everywhere else.
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { ClientSettings } from '../clientSettings';
import type { MessageListing } from '../../../shared/webviewProtocolSqs';
import { listByPeek } from './peekListing';
import { listByReceive } from './receiveListing';

export async function listMessages(client: SQSClient, settings: ClientSettings, url: string, max: number): Promise<MessageListing> {
  if (settings.target === 'local') return listByPeek(settings, url, max);
  return listByReceive(client, url, max);
}
