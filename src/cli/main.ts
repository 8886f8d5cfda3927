// `hoc`: the command-line face of Hands-on Cloud. Parses arguments and calls into
// lab / cloud / localcloud; never imports vscode.
import { COMMANDS } from './commands';
import { CliError } from './command';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return ['Usage: hoc <command> [options]', '', ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write(`${process.env.HOC_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new CliError(`Unknown command '${name}'.\n${help()}`, 2);
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`hoc: ${e.message}\n`);
      process.exitCode = e.exitCode;
    } else {
      process.stderr.write(`hoc: unexpected failure: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
