// One `hoc` sub-command: its name, usage line and what it does. Exit code is the result.
export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(argv: string[]): Promise<number>;
}

/** An error the user can fix: printed as one sentence, exit code 1 (or 2 for bad usage). */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}
