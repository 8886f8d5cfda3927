// The journal under concurrent appends across a compaction: after a crash (no close), the
// snapshot plus the journal events after it account for every acknowledged event exactly
// once — none lost, none replayed on top of a snapshot that already holds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Journal } from '../../../src/localcloud/server/journal';
import { tempDir } from '../../helpers/cloud';

test('events appended while a compaction runs are neither lost nor applied twice', async () => {
  const dir = tempDir();
  try {
    let applied = 0;
    const journal = new Journal(dir.path);
    journal.restore();
    await journal.open(() => ({ counter: applied }));
    const acknowledged: number[] = [];
    // 50 concurrent "requests", each applying an event and waiting for durability as the
    // server does before it answers; 25,000 events pass the compaction threshold.
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let i = 0; i < 500; i++) {
          const n = ++applied;
          journal.append('counter', { n });
          await journal.flush();
          acknowledged.push(n);
        }
      }),
    );
    // Crash: the journal is never closed. A new process restores from the directory.
    const restored = new Journal(dir.path).restore();
    const fromSnapshot = (restored.snapshots.counter as number | undefined) ?? 0;
    assert.ok(fromSnapshot > 0, 'a compaction ran');
    const replayed = restored.events.map((r) => (r.e as { n: number }).n);
    assert.deepEqual(
      replayed,
      Array.from({ length: replayed.length }, (_, i) => fromSnapshot + i + 1),
      'the journal continues exactly where the snapshot ends',
    );
    assert.equal(fromSnapshot + replayed.length, applied);
    assert.equal(acknowledged.length, applied);
  } finally {
    dir.remove();
  }
});

test('journals older than the snapshot (a crash before they were deleted) are removed by the next compaction', async () => {
  const dir = tempDir();
  try {
    const first = new Journal(dir.path);
    first.restore();
    await first.open(() => ({ counter: 1 }));
    first.append('counter', { n: 1 });
    await first.close(); // snapshot generation 1, journal-1.log
    writeFileSync(join(dir.path, 'journal-0.log'), '{"s":"counter","e":{"n":1}}\n'); // as a crash leaves it
    const second = new Journal(dir.path);
    const restored = second.restore();
    assert.deepEqual(restored.events, [], 'a journal older than the snapshot is not replayed');
    await second.open(() => ({ counter: 1 }));
    await second.close();
    assert.deepEqual(
      readdirSync(dir.path).filter((f) => f.startsWith('journal-')),
      ['journal-2.log'],
    );
  } finally {
    dir.remove();
  }
});
