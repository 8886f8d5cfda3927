// The checks every *Batch action makes before touching any entry, and the shape of its
// per-entry failures (query-style codes, as AWS reports them in `Failed`).
import type { AwsError } from '../../server/errors';
import {
  BatchEntryIdsNotDistinct,
  EmptyBatchRequest,
  InvalidBatchEntryId,
  TooManyEntriesInBatchRequest,
} from '../errors';
import type { Input } from './input';

const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export function checkBatch(list: Input[], entryName: string): string[] {
  if (list.length === 0) throw new EmptyBatchRequest(entryName);
  if (list.length > 10) throw new TooManyEntriesInBatchRequest(list.length);
  const ids = list.map((e) => (e.Id === undefined || e.Id === null ? '' : String(e.Id)));
  const seen = new Set<string>();
  for (const id of ids) {
    if (!ENTRY_ID.test(id)) throw new InvalidBatchEntryId();
    if (seen.has(id)) throw new BatchEntryIdsNotDistinct(id);
    seen.add(id);
  }
  return ids;
}

export function failedEntry(id: string, err: AwsError): Record<string, unknown> {
  return { Id: id, SenderFault: err.sender, Code: err.options.queryCode ?? err.code, Message: err.message };
}
