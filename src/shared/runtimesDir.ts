// Where the Lambda runtime bootstraps (dist/runtimes) of this installation are. Shared because
// the local cloud launches them and lesson scripts run beside them, and neither may import the other.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function ancestors(start: string): string[] {
  const out: string[] = [];
  let dir = resolve(start);
  for (;;) {
    out.push(dir);
    const up = dirname(dir);
    if (up === dir) return out;
    dir = up;
  }
}

/** dist/runtimes of this installation (HOC_LAMBDA_RUNTIMES_DIR overrides): next to the bundle, or under the repository root. */
export function runtimesDir(): string | undefined {
  const override = process.env.HOC_LAMBDA_RUNTIMES_DIR;
  if (override && existsSync(join(override, 'node', 'bootstrap.js'))) return override;
  for (const dir of ancestors(__dirname)) {
    for (const candidate of [join(dir, 'runtimes'), join(dir, 'dist', 'runtimes')]) {
      if (existsSync(join(candidate, 'node', 'bootstrap.js'))) return candidate;
    }
  }
  return undefined;
}
