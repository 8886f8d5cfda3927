// Tiny argument reader for the lesson scripts: --name value pairs, with env fallbacks.
import { parseArgs } from 'node:util';

export function option(name: string, fallbackEnv?: string, fallback?: string): string {
  const { values } = parseArgs({ options: { [name]: { type: 'string' } }, strict: false, allowPositionals: true });
  const value =
    (values[name] as string | undefined) ?? (fallbackEnv ? process.env[fallbackEnv] : undefined) ?? fallback;
  if (value === undefined) {
    console.error(`Missing --${name}${fallbackEnv ? ` (or the ${fallbackEnv} environment variable)` : ''}.`);
    process.exit(2);
  }
  return value;
}

export function numberOption(name: string, fallback: number): number {
  const raw = option(name, undefined, String(fallback));
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    console.error(`--${name} must be a number, not '${raw}'.`);
    process.exit(2);
  }
  return n;
}

/** Runs a script's main function; a failure prints one line and exits 1. */
export function run(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    process.exit(1);
  });
}
