import { CLOUD_USAGE, parseCloudArgs } from '../../localcloud/cloudArgs';
import { runCloudInForeground } from '../../localcloud/runCloud';
import { LocalCloudStartError } from '../../localcloud/server/startError';
import { CliError, type CliCommand } from '../command';

export const cloudCommand: CliCommand = {
  name: 'cloud',
  usage: CLOUD_USAGE,
  summary: 'run the local cloud (SQS, S3, Lambda, API Gateway, Step Functions, Logs) in the foreground',
  async run(argv) {
    let options;
    try {
      options = parseCloudArgs(argv);
    } catch (e) {
      throw new CliError(e instanceof Error ? e.message : String(e), 2);
    }
    try {
      await runCloudInForeground(options);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (e instanceof LocalCloudStartError) throw new CliError(e.message);
      if (err.code === 'EADDRINUSE')
        throw new CliError(
          `Port ${options.port} is in use: stop what listens there or pass --port 0 to pick a free port.`,
        );
      // A state dir that cannot be read or written (permissions, a full or read-only disk).
      if (err.code && err.path && options.stateDir)
        throw new CliError(
          `Cannot use the state dir ${options.stateDir}: ${err.message}. Check that it is a folder you can write to, on a disk with free space.`,
        );
      throw e;
    }
    return new Promise<number>(() => undefined); // runs until a signal stops the process
  },
};
