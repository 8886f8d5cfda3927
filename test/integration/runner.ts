// A small test runner for the extension host: named async tests, run in order, each with a
// timeout; results go to a JSON file because the host's exit code says nothing (code-server
// exits 0 even when run() throws).
import { writeFileSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

export interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

type TestFn = () => Promise<void> | void;
const tests: Array<{ name: string; fn: TestFn; timeoutMs: number }> = [];

export function test(name: string, fn: TestFn, timeoutMs = 60_000): void {
  tests.push({ name, fn, timeoutMs });
}

export async function runAll(resultsFile: string): Promise<TestResult[]> {
  const results: TestResult[] = [];
  const write = (done: boolean) => {
    mkdirSync(dirname(resultsFile), { recursive: true });
    // Written aside and renamed: the test polling this file must never read half of it.
    writeFileSync(`${resultsFile}.tmp`, JSON.stringify({ done, results }, null, 2));
    renameSync(`${resultsFile}.tmp`, resultsFile);
  };
  write(false);
  for (const t of tests) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.resolve().then(t.fn),
        new Promise(
          (_, reject) =>
            (timer = setTimeout(() => reject(new Error(`timed out after ${t.timeoutMs} ms`)), t.timeoutMs)),
        ),
      ]);
      results.push({ name: t.name, ok: true, ms: Date.now() - started });
    } catch (e) {
      results.push({
        name: t.name,
        ok: false,
        ms: Date.now() - started,
        error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e),
      });
    } finally {
      clearTimeout(timer);
    }
    write(false);
  }
  write(true);
  return results;
}
