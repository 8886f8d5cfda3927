// dist/localcloud.js: the local cloud as its own process (the extension starts it this way).
// Arguments as `hoc cloud`.
import { parseCloudArgs } from './cloudArgs';
import { runCloudInForeground } from './runCloud';

runCloudInForeground(parseCloudArgs(process.argv.slice(2))).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
