// Dated snapshots of what a target answered, kept beside the test as NAME.snapshot.json. With
// HOC_SNAPSHOT_UPDATE=1 a run records its answers (with the target and the day); otherwise an
// answer is compared with the recorded one when there is one. Ids, handles, timestamps, account
// ids, regions and endpoints are replaced by placeholders first, so an answer recorded on AWS
// compares with the local cloud's.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { after } from 'node:test';
import { TARGET, type ConformanceTarget } from './conformance';

export interface SnapshotEntry {
  recorded: { target: ConformanceTarget; date: string };
  value: unknown;
}

/** Keys whose values differ per run or per account: replaced by a numbered placeholder. */
const VOLATILE_KEYS =
  /^(MessageId|ReceiptHandle|RequestId|RevisionId|SequenceNumber|QueueUrl|QueueArn|FunctionArn|FunctionName|FunctionUrl|Role|CodeSha256|SenderId|MessageDeduplicationId|Version|MasterArn)$/;
const TIME_KEYS = /(Timestamp|LastModified|CreationTime|Date)$/;

/** Replaces what varies between runs and accounts; equal values get equal placeholders. */
export function normalise(value: unknown): unknown {
  const seen = new Map<string, string>();
  const placeholder = (kind: string, v: string) => {
    const key = `${kind}\u0000${v}`;
    if (!seen.has(key))
      seen.set(key, `<${kind}:${[...seen.keys()].filter((k) => k.startsWith(`${kind}\u0000`)).length + 1}>`);
    return seen.get(key)!;
  };
  const text = (s: string) =>
    s
      .replace(/https?:\/\/[^\s"'/]+/g, '<endpoint>')
      .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, (u) => placeholder('uuid', u))
      .replace(/\b\d{12}\b/g, '<account>')
      .replace(/\b(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d\b/g, '<region>');
  const walk = (v: unknown, key?: string): unknown => {
    if (key && typeof v === 'string' && VOLATILE_KEYS.test(key)) return placeholder(key, v);
    if (key && (typeof v === 'string' || typeof v === 'number' || v instanceof Date) && TIME_KEYS.test(key))
      return '<timestamp>';
    if (typeof v === 'string') return text(v);
    if (v instanceof Uint8Array) return `<${v.length} bytes>`;
    if (Array.isArray(v)) return v.map((item) => walk(item));
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k, item]) => k !== '$metadata' && item !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, item]) => [k, walk(item, k)]),
      );
    }
    return v;
  };
  return walk(value);
}

/** An SDK error as a snapshot records it: what a caller can rely on. */
export function errorShape(e: unknown): Record<string, unknown> {
  const err = e as Error & { Code?: string; $metadata?: { httpStatusCode?: number } };
  return {
    name: err.name,
    message: err.message,
    status: err.$metadata?.httpStatusCode,
    ...(err.Code ? { code: err.Code } : {}),
  };
}

export interface Snapshots {
  /** Compares (or, with HOC_SNAPSHOT_UPDATE=1, records) one answer under `key`. */
  match(key: string, value: unknown): void;
}

/**
 * The snapshot file of a test file (pass import.meta.filename). Recorded entries name the target
 * and the day; an entry not recorded yet is not compared.
 */
export function useSnapshots(
  testFile: string,
  options: { update?: boolean; target?: ConformanceTarget; today?: string; autoSave?: boolean } = {},
): Snapshots & { file: string; save(): void } {
  const file = testFile.replace(/\.test\.ts$/, '.snapshot.json');
  const update = options.update ?? process.env.HOC_SNAPSHOT_UPDATE === '1';
  const target = options.target ?? TARGET;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const entries: Record<string, SnapshotEntry> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, SnapshotEntry>)
    : {};
  let changed = false;
  const snapshots = {
    file,
    match(key: string, value: unknown) {
      const normalised = normalise(value);
      if (update) {
        entries[key] = { recorded: { target, date: today }, value: normalised };
        changed = true;
        return;
      }
      const recorded = entries[key];
      if (!recorded) return;
      assert.deepEqual(
        normalised,
        recorded.value,
        `${key}: the ${target} answer differs from the one recorded on ${recorded.recorded.target} on ${recorded.recorded.date} (${file}; HOC_SNAPSHOT_UPDATE=1 records it anew)`,
      );
    },
    save() {
      if (!changed) return;
      const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
      changed = false;
    },
  };
  if (options.autoSave !== false) after(() => snapshots.save());
  return snapshots;
}
