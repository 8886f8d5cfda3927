// Lesson scripts run with the target's endpoint and credentials in their environment
// (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID …, or AWS_PROFILE on AWS), from the lesson folder.
// TypeScript is bundled with esbuild first and run on this process's own Node (inside the
// editor, its runtime with ELECTRON_RUN_AS_NODE); Python runs on python3; shell on sh.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { extname, join, sep } from 'node:path';
import type { ActionResult } from '../../shared/lessonResults';
import { nodeModulesAbove, scriptPrebuildRequest } from '../../cloud/packaging/lessonBundles';
import { bundleOrPrebuilt } from '../../cloud/packaging/prebuilt';
import { runtimesDir } from '../../shared/runtimesDir';
import { targetEnvironment } from '../../cloud/target/target';
import type { LabSession } from '../session';
import { lessonFile } from './lessonFiles';

export interface ScriptRun {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const MAX_OUTPUT = 256 * 1024;

/**
 * Folders bare imports in lesson scripts resolve from besides the lesson's own: every
 * node_modules above the lesson, the one this engine's AWS SDK comes from, and last the
 * runtime's bundled AWS SDK (dist/runtimes/node_modules), all an installed extension has.
 */
function extraNodePaths(lessonDir: string): string[] {
  const out = nodeModulesAbove(lessonDir);
  try {
    const sdk = createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'noop.js')).resolve(
      '@aws-sdk/client-s3',
    );
    const i = sdk.lastIndexOf(`${sep}node_modules${sep}`);
    if (i >= 0) out.push(sdk.slice(0, i + sep.length + 'node_modules'.length));
  } catch {
    // inside the packaged extension the SDK is bundled, not installed
  }
  const runtimes = runtimesDir();
  if (runtimes && existsSync(join(runtimes, 'node_modules'))) out.push(join(runtimes, 'node_modules'));
  return [...new Set(out)];
}

/** ESM output still meets CommonJS packages that call require() for Node built-ins. */
const ESM_REQUIRE =
  "import { createRequire as __hocCreateRequire } from 'node:module'; const require = __hocCreateRequire(import.meta.url);";

export async function runLessonScript(
  session: LabSession,
  script: string,
  args: string[] = [],
  timeoutMs = 120_000,
): Promise<ScriptRun> {
  const path = lessonFile(session, script);
  const expandedArgs = args.map((a) => session.expand(a));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(await targetEnvironment(session.target)),
    HOC_LESSON_DIR: session.dir,
    HOC_TARGET: session.target.kind,
    ELECTRON_RUN_AS_NODE: '1',
    NODE_NO_WARNINGS: process.env.NODE_NO_WARNINGS ?? '1',
  };
  let cleanup = () => undefined as void;
  let command: string;
  let argv: string[];
  switch (extname(path)) {
    case '.ts':
    case '.mts':
    case '.js':
    case '.mjs':
    case '.cjs': {
      // Bundled, so the script's imports resolve wherever the lesson folder lives; a packaged
      // lesson's prebuilt bundle stands in when npm imports are not installed (unchanged sources).
      const req = {
        entry: path,
        workingDir: session.dir,
        platformTarget: 'node20',
        format: 'esm' as const,
        external: [],
        nodePaths: extraNodePaths(session.dir),
        banner: ESM_REQUIRE,
      };
      const js = await bundleOrPrebuilt(
        req,
        undefined,
        scriptPrebuildRequest(path, session.dir),
        session.options.prebuiltCopies,
      );
      const tmp = mkdtempSync(join(tmpdir(), 'hoc-script-'));
      const out = join(tmp, 'script.mjs');
      writeFileSync(out, js);
      cleanup = () => rmSync(tmp, { recursive: true, force: true });
      [command, argv] = [process.execPath, [out]];
      break;
    }
    case '.py':
      [command, argv] = [process.env.HOC_PYTHON ?? 'python3', [path]];
      break;
    default:
      [command, argv] = ['sh', [path]];
  }
  const shown = `${script} ${expandedArgs.join(' ')}`.trim();
  try {
    return await new Promise<ScriptRun>((resolve) => {
      const child = spawn(command, [...argv, ...expandedArgs], {
        cwd: session.dir,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        signal: session.options.signal,
        killSignal: 'SIGKILL',
      });
      let stdout = '';
      let stderr = '';
      const take = (which: 'out' | 'err') => (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        session.options.onOutput?.(text);
        if (which === 'out') stdout = (stdout + text).slice(-MAX_OUTPUT);
        else stderr = (stderr + text).slice(-MAX_OUTPUT);
      };
      child.stdout.on('data', take('out'));
      child.stderr.on('data', take('err'));
      const timer = setTimeout(() => {
        stderr += `\n${shown} did not finish within ${timeoutMs / 1000} s and was stopped.`;
        child.kill('SIGKILL');
      }, timeoutMs);
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (e.name === 'AbortError')
          return resolve({ command: shown, exitCode: 130, stdout, stderr: `${stderr}${shown} was cancelled.` });
        const hint =
          e.code === 'ENOENT' && command.startsWith('python')
            ? ' Install Python 3 (python3 on PATH) to run Python scripts.'
            : '';
        resolve({
          command: shown,
          exitCode: 127,
          stdout,
          stderr: `${stderr}cannot start ${command}: ${e.message}.${hint}`,
        });
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ command: shown, exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
      });
    });
  } finally {
    cleanup();
  }
}

export async function runScriptAction(
  session: LabSession,
  a: { id: string; script: string; args?: string[] },
): Promise<ActionResult> {
  const run = await runLessonScript(session, a.script, a.args);
  const last = lastLine(run);
  return {
    actionId: a.id,
    ok: run.exitCode === 0,
    summary:
      run.exitCode === 0
        ? `${run.command} finished${last ? `: ${last}` : ''}`
        : `${run.command} exited with ${run.exitCode}: ${last}`,
    outcome: { kind: 'script', ...run },
  };
}

/** What a script said last: its output when it succeeded, its complaint when it failed. */
export function lastLine(run: ScriptRun): string {
  const pick = (text: string) =>
    text
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? '';
  return run.exitCode === 0 ? pick(run.stdout) : pick(run.stderr) || pick(run.stdout);
}
