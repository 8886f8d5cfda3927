// Every `hoc` sub-command, in the order `hoc --help` lists them.
import type { CliCommand } from './command';
import { cloudCommand } from './commands/cloud';
import { labCommand } from './commands/lab';
import { packCommand } from './commands/pack';

export const COMMANDS: readonly CliCommand[] = [cloudCommand, labCommand, packCommand];
