// One `hoc` sub-command: its name, usage line and what it does. Exit code is the result.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(argv: string[]): Promise<number>;
}

/** An error the user can fix: printed as one sentence, exit code 1 (or 2 for bad usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Options and positionals of a sub-command; a bad option is a usage error (exit 2) that shows `usage`. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true as const, strict: true as const });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nUsage: hoc ${usage}`, 2);
  }
}
