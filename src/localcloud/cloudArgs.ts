// Arguments of `hoc cloud` (also accepted by dist/localcloud.js).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { LocalCloudOptions } from './server/localCloud';

export const CLOUD_USAGE = 'hoc cloud [--port 4566] [--host 127.0.0.1] [--state-dir DIR] [--no-auth]';

export function parseCloudArgs(argv: string[]): LocalCloudOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      'state-dir': { type: 'string' },
      'no-auth': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a number from 0 to 65535, not '${values.port}'. Usage: ${CLOUD_USAGE}`);
  return {
    port,
    host: values.host,
    stateDir: values['state-dir'] ? resolve(values['state-dir']) : undefined,
    auth: !values['no-auth'],
  };
}
