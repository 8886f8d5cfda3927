// Every change to SQS state is one of these events. The backend applies an event to memory
// and appends it to the journal in one step, so a restart replays exactly the same code.
import type { StoredMessage } from './message';
import type { MoveTaskRecord } from './moveTaskRecord';

export type SqsEvent =
  | {
      t: 'create';
      name: string;
      fifo: boolean;
      attributes: Record<string, string>;
      tags: Record<string, string>;
      at: number;
    }
  | { t: 'deleteQueue'; name: string }
  | { t: 'setAttributes'; name: string; attributes: Record<string, string>; at: number }
  | { t: 'tag'; name: string; tags: Record<string, string> }
  | { t: 'untag'; name: string; keys: string[] }
  | { t: 'purge'; name: string; at: number }
  | { t: 'send'; name: string; messages: StoredMessage[]; lastSequence?: number }
  /** A receive: each message gets a new handle and visibility; `deadLettered` moved to `dlq`. */
  | {
      t: 'receive';
      name: string;
      at: number;
      visibleAt: number;
      received: Array<[id: string, handle: string]>;
      dlq?: string;
      deadLettered?: string[];
      attemptId?: string;
    }
  | { t: 'delete'; name: string; ids: string[] }
  | { t: 'visibility'; name: string; changes: Array<[id: string, visibleAt: number]> }
  /** A move task moved messages; `to` undefined = back to each message's own source queue. */
  | { t: 'move'; from: string; to?: string; ids: string[]; at: number; taskId: string }
  | { t: 'task'; task: MoveTaskRecord };
