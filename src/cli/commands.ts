// Every `hoc` sub-command, in the order `hoc --help` lists them.
import type { CliCommand } from './command';
import { cloudCommand } from './commands/cloud';

export const COMMANDS: readonly CliCommand[] = [cloudCommand];
