// The local cloud's own SQS actions, reachable only as JSON targets `LocalCloud.<Action>`
// (never through the query protocol): PeekMessages for the message viewer.
import { peekQueue } from '../model/peek';
import type { ActionHandler } from './context';
import { reqString } from './input';

export const LOCAL_ACTIONS: Record<string, ActionHandler> = {
  /** Every message of a queue with its state; commits nothing, so receive counts stay as they are. */
  PeekMessages: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    return { ...peekQueue(backend, q) };
  },
};
