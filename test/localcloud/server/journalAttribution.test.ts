// Which events a request waits for before it is answered (Journal.track): its own, found
// without async context tracking. An event appended while its handler runs synchronously is
// that request's alone; one appended in a later continuation cannot be told apart, so every
// request alive meanwhile waits for it too; work run outside requests is nobody's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Journal } from '../../../src/localcloud/server/journal';
import { tempDir } from '../../helpers/cloud';

/** Runs `use` on a journal in a state dir of its own, closed and removed afterwards. */
async function withJournal(use: (journal: Journal) => Promise<void>): Promise<void> {
  const dir = tempDir();
  const journal = new Journal(dir.path);
  try {
    journal.restore();
    await journal.open(() => ({}));
    await use(journal);
  } finally {
    await journal.close();
    dir.remove();
  }
}

test('a request waits for exactly the events it appended synchronously, and a read-only one for none', () =>
  withJournal(async (journal) => {
    journal.append('setup', { n: 0 }); // before any request: nobody's
    const writer = journal.track(async () => {
      journal.append('sqs', { n: 1 });
      journal.append('sqs', { n: 2 });
      return 'sent';
    });
    const reader = journal.track(async () => 'read');
    const [written, read] = await Promise.all([writer, reader]);
    assert.deepEqual(written, { result: { status: 'fulfilled', value: 'sent' }, lastSeq: 3 });
    assert.deepEqual(read, { result: { status: 'fulfilled', value: 'read' }, lastSeq: 0 });
  }));

test('an event appended in a continuation is waited for by every request alive meanwhile', () =>
  withJournal(async (journal) => {
    let release!: () => void;
    const later = new Promise<void>((resolve) => (release = resolve));
    const slowWriter = journal.track(async () => {
      await later;
      journal.append('s3', { put: 'key' }); // after an await: not attributable
    });
    const reader = journal.track(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 'read';
    });
    setTimeout(release, 5);
    const [w, r] = await Promise.all([slowWriter, reader]);
    assert.equal(w.lastSeq, 1, 'the writer waits for its own event');
    assert.equal(r.lastSeq, 1, 'a request alive while it was appended waits for it too');
    const after = await journal.track(async () => 'read again');
    assert.equal(after.lastSeq, 0, 'a request that starts afterwards does not');
  }));

test('what runs outside requests is waited for by none; a synchronous throw is a rejected result', () =>
  withJournal(async (journal) => {
    const tracked = await journal.track(async () => {
      journal.outsideRequests(() => journal.append('logs', { line: 'START' }));
      return 'invoked';
    });
    assert.equal(tracked.lastSeq, 0);
    const thrown = await journal.track(() => {
      throw new Error('synchronous');
    });
    assert.equal(thrown.result.status, 'rejected');
    assert.equal(thrown.lastSeq, 0);
  }));

test('without a state dir nothing is appended and no request waits', async () => {
  const journal = new Journal();
  await journal.open(() => ({}));
  try {
    const tracked = await journal.track(async () => {
      journal.append('sqs', { n: 1 });
      return 'sent';
    });
    assert.deepEqual(tracked, { result: { status: 'fulfilled', value: 'sent' }, lastSeq: 0 });
  } finally {
    await journal.close();
  }
});
