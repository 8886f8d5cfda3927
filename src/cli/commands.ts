// Every `hoc` sub-command, in the order `hoc --help` lists them. Each is loaded when it runs
// (or for the help): `hoc cloud` starts without evaluating the lesson, deploy and packaging code.
import type { CliCommand } from './command';

export interface CommandEntry {
  readonly name: string;
  load(): Promise<CliCommand>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'cloud', load: async () => (await import('./commands/cloud')).cloudCommand },
  { name: 'lab', load: async () => (await import('./commands/lab')).labCommand },
  { name: 'pack', load: async () => (await import('./commands/pack')).packCommand },
];
