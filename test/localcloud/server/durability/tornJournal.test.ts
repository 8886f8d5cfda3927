// The journal's tail torn or damaged after a crash, and one damaged record in its middle:
// the restore keeps every intact record, cuts a damaged tail back to the last whole record
// (saying so on stderr), and records sent afterwards start on a line of their own — so they
// survive the next kill -9 too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../helpers/cloud';
import { depth, runThenKill, sendMessages } from './stateDirRuns';

const journalOf = (dir: string) => join(dir, 'journal-0.log');

/** `sent` acknowledged sends, kill -9, `damage`, restart + 5 more sends, kill -9, restart: the depth. */
async function probe(
  sent: number,
  damage: (journal: string) => void,
): Promise<{ depth: number; report: string; damaged: string[] }> {
  const dir = tempDir();
  try {
    await runThenKill(dir.path, (sqs) => sendMessages(sqs, sent));
    damage(journalOf(dir.path));
    const { stderr: report } = await runThenKill(dir.path, async (sqs) => sendMessages(sqs, 5, 'later'));
    const { value } = await runThenKill(dir.path, (sqs) => depth(sqs));
    const damaged = readdirSync(dir.path).filter((f) => f.includes('.damaged-'));
    return { depth: value, report, damaged };
  } finally {
    dir.remove();
  }
}

test('a journal whose final newline is gone keeps all its records; later ones start on a new line', async () => {
  const got = await probe(5, (j) => truncateSync(j, readFileSync(j).length - 1));
  assert.equal(got.depth, 10);
});

test('a journal cut 10 bytes short loses only the torn record, reported on stderr', async () => {
  const got = await probe(5, (j) => truncateSync(j, readFileSync(j).length - 10));
  assert.equal(got.depth, 4 + 5);
  assert.match(
    got.report,
    /journal-0\.log: cut \d+ bytes of torn or damaged tail \(from line 6, byte \d+\) back to the last whole record/,
  );
  assert.equal(got.damaged.length, 1, 'a copy of the journal as found is kept');
});

test('garbage appended after the last record is cut; every record is kept', async () => {
  const garbage = 'x{"s":"sqs","e":{"t":"purge"\0\0\0garbage';
  const got = await probe(5, (j) => writeFileSync(j, garbage, { flag: 'a' }));
  assert.equal(got.depth, 10);
  assert.match(got.report, new RegExp(`cut ${garbage.length} bytes of torn or damaged tail \\(from line 7,`));
});

test('the last 4 KB zeroed: the records wholly before it survive, and the 5 sent afterwards', async () => {
  let intact = 0;
  const got = await probe(60, (j) => {
    const data = readFileSync(j);
    const from = data.length - 4096;
    // Records whose newline lies before the zeroed range are whole; the first is CreateQueue.
    for (let i = data.indexOf(10); i !== -1 && i < from; i = data.indexOf(10, i + 1)) intact++;
    data.fill(0, from);
    writeFileSync(j, data);
  });
  assert.ok(intact > 1 && intact < 61, `the zeroed range covers some records (${intact} whole lines left)`);
  assert.equal(got.depth, intact - 1 + 5);
  assert.match(got.report, /cut \d+ bytes of torn or damaged tail/);
});

test('one changed byte on line 50 of 103 loses that record only, named by file:line', async () => {
  const got = await probe(102, (j) => {
    const data = readFileSync(j);
    let start = 0;
    for (let line = 1; line < 50; line++) start = data.indexOf(10, start) + 1;
    const body = data.indexOf('"body":"m', start) + 9; // the digit(s) of the message body
    data[body] = data[body] === 0x31 ? 0x32 : 0x31; // still valid JSON: only the checksum tells
    writeFileSync(j, data);
  });
  assert.equal(got.depth, 101 + 5);
  assert.match(got.report, /journal-0\.log:50: skipped a damaged record/);
  assert.equal(got.damaged.length, 1, 'reported once: the start compacts the damaged journal away, keeping a copy');
});
