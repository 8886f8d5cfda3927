// Check for the boto3 exercise: runs your scripts/invoke_hello_world.py with a fresh random name
// and expects it to print the function's greeting for that name and the REPORT line of the
// invocation — which only a real invocation through boto3 can produce.
//   check-invoke-script.ts --function <function name>
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { option, run } from './lib/args';

run(async () => {
  const fn = option('function', 'FUNCTION');
  const name = `Ada-${randomBytes(3).toString('hex')}`;
  const python = process.env.HOC_PYTHON ?? 'python3';
  const r = spawnSync(python, ['scripts/invoke_hello_world.py', '--function', fn, '--name', name], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw new Error(`cannot run ${python}: ${r.error.message}. Install Python 3 with boto3.`);
  const said = `${r.stdout}\n${r.stderr}`.trim();
  if (r.status !== 0) {
    console.error(`invoke_hello_world.py --name ${name} exited with ${r.status}: ${said.split('\n').at(-1)}`);
    process.exit(1);
  }
  if (!r.stdout.includes(`Hello, ${name}!`)) {
    console.error(
      `invoke_hello_world.py --name ${name} printed ${r.stdout.trim() ? `"${r.stdout.trim().split('\n')[0]}"` : 'nothing'}, not the function's greeting "Hello, ${name}!": does it send {"name": args.name} and print the answer's message?`,
    );
    process.exit(1);
  }
  if (!/^REPORT RequestId: /m.test(r.stdout)) {
    console.error(
      'invoke_hello_world.py printed the greeting but not the REPORT line: ask for LogType="Tail" and decode LogResult (base64).',
    );
    process.exit(1);
  }
  console.log(`invoke_hello_world.py --name ${name} printed the greeting and the REPORT line.`);
});
