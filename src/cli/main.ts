// `hoc`: the command-line face of Hands-on Cloud. Parses arguments and calls into
// lab / cloud / localcloud; never imports vscode.
import { COMMANDS } from './commands';
import { CliError } from './command';
import { extensionVersion } from './extensionRoot';

/** A usage may list several forms separated by ' | '; each becomes its own `hoc …` line. */
function usageForms(usage: string): string[] {
  return usage.split(' | ').map((form) => `hoc ${form.replace(/^hoc /, '')}`);
}

async function help(): Promise<string> {
  const lines = ['Usage: hoc <command> [options]', ''];
  for (const c of await Promise.all(COMMANDS.map((e) => e.load()))) {
    for (const form of usageForms(c.usage)) lines.push(`  ${form}`);
    lines.push(`      ${c.summary}`, '');
  }
  return lines.join('\n').trimEnd();
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await help()) + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write(`${extensionVersion()}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) throw new CliError(`Unknown command '${name}'.\n${await help()}`, 2);
  const command = await entry.load();
  // `hoc lab --help`, `hoc lab run -h`: the command's own usage, wherever the flag stands.
  if (rest.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`Usage: ${usageForms(command.usage).join('\n       ')}\n\n${command.summary}\n`);
    return 0;
  }
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
