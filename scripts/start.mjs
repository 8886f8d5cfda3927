// `npm start`: build, then open the lab environment with the extension and labs/ —
// desktop VS Code when `code` is on PATH (extension development host), otherwise code-server
// in the browser (installed on first use by scripts/install-code-server.sh); prints the URL.
// Options: --port N (code-server, default 8080), --folder DIR (default labs/), --browser (force code-server).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(new URL('..', import.meta.url).pathname);
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    folder: { type: 'string' },
    browser: { type: 'boolean', default: false },
  },
});
const folder = resolve(values.folder ?? join(root, 'labs'));

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

console.log('building…');
run(process.execPath, ['esbuild.mjs']);

if (!values.browser && onPath('code')) {
  console.log(`opening VS Code with the extension on ${folder}`);
  run('code', ['--extensionDevelopmentPath', root, folder]);
  process.exit(0);
}

console.log('no `code` on PATH: using code-server in the browser');
const entry = execFileSync('bash', [join(root, 'scripts', 'install-code-server.sh')], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
})
  .trim()
  .split('\n')
  .pop();
const data = join(root, '.code-server', 'profile');
mkdirSync(join(data, 'User'), { recursive: true });
const settings = join(data, 'User', 'settings.json');
if (!existsSync(settings))
  writeFileSync(
    settings,
    JSON.stringify(
      { 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none' },
      null,
      2,
    ),
  );
const config = join(data, 'config.yaml');
writeFileSync(config, 'auth: none\ncert: false\n');
const host = '127.0.0.1';
const child = spawn(
  process.execPath,
  [
    entry,
    '--bind-addr',
    `${host}:${values.port}`,
    '--auth',
    'none',
    '--config',
    config,
    '--user-data-dir',
    data,
    '--extensions-dir',
    join(data, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
// Load the extension from this folder (development path), as `code --extensionDevelopmentPath` does.
const payload = encodeURIComponent(
  JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${host}:${values.port}${root}`]]),
);
const url = `http://${host}:${values.port}/?folder=${encodeURIComponent(folder)}&payload=${payload}`;
let announced = false;
child.stdout.on('data', (d) => {
  process.stdout.write(d);
  if (!announced && /HTTP server listening/.test(d.toString())) {
    announced = true;
    console.log(`\nHands-on Cloud is ready. Open this URL in your browser:\n\n  ${url}\n\n(Ctrl+C stops it.)`);
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
