// Lesson translations through `hoc`: validation of steps/<lang>/*.md and lesson.<lang>.yaml
// against the English lesson, and `hoc lab run --lang` showing the translated strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, type FixtureCopy } from '../lab/lessonFixture';

const ROOT = join(import.meta.dirname, '..', '..');

function hoc(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const ITALIAN_STEP = `# Modificare una funzione

[Apri la funzione](hoc:action?id=open-pow); confrontala con [la soluzione](hoc:solution?file=functions/pow/index.ts).
[Verifica](hoc:check).
`;

const OVERLAY = `title: Lezione completa
steps:
  edit:
    title: Modificare una funzione
    actions:
      open-pow: Apri il gestore di pow
    checks:
      uses-pow: pow usa Math.pow
`;

function withItalian(): FixtureCopy {
  const f = copyFixture('complete');
  mkdirSync(join(f.dir, 'steps', 'it'));
  f.write('steps/it/06-edit.md', ITALIAN_STEP);
  f.write('lesson.it.yaml', OVERLAY);
  return f;
}

test(
  'hoc lab validate: a faithful translation passes; one whose links drift is reported line by line',
  { timeout: 120_000 },
  async () => {
    const f = withItalian();
    try {
      const ok = await hoc(['lab', 'validate', f.dir]);
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
      // A link that names another action, one dropped, and one moved before the other.
      f.write(
        'steps/it/06-edit.md',
        '# Modificare\n\n[Verifica](hoc:check).\n\n[Apri la funzione](hoc:action?id=show-graph)\n',
      );
      const r = await hoc(['lab', 'validate', f.dir]);
      assert.equal(r.code, 1);
      const lines = r.stderr.trim().split('\n');
      assert.ok(
        lines.includes(
          `${f.dir}/steps/it/06-edit.md:3: the translation lacks the link 'hoc:action?id=open-pow' of steps/06-edit.md:3 before 'hoc:check'; a translation keeps the original's hoc: links and actions, in the same order`,
        ),
        r.stderr,
      );
      assert.ok(
        lines.includes(
          `${f.dir}/steps/it/06-edit.md:3: the translation lacks the link 'hoc:solution?file=functions/pow/index.ts' of steps/06-edit.md:3 before 'hoc:check'; a translation keeps the original's hoc: links and actions, in the same order`,
        ),
        r.stderr,
      );
      assert.ok(
        lines.includes(
          `${f.dir}/steps/it/06-edit.md:5: link 'hoc:action?id=show-graph' is not in the English steps/06-edit.md at this place; a translation keeps the original's hoc: links and actions, in the same order`,
        ),
        r.stderr,
      );
      assert.match(r.stderr, /^3 problems found\.$/m);
    } finally {
      f.remove();
    }
  },
);

test(
  'hoc lab validate: overlay keys that name nothing, a wrong shape and a stray translated file are reported',
  { timeout: 120_000 },
  async () => {
    const f = withItalian();
    try {
      f.write(
        'lesson.it.yaml',
        `${OVERLAY}    hint: Nessun suggerimento in inglese
    objectives: [Uno]
  nowhere:
    title: Nessun passo
  queue:
    actions:
      deploy-typo: Esegui il deploy
    checks: { queue-exists: 1 }
    extra: true
`,
      );
      f.write('steps/it/07-missing.md', '# Niente\n');
      const r = await hoc(['lab', 'validate', f.dir]);
      assert.equal(r.code, 1);
      const at = (file: string, line: number, message: string) =>
        assert.ok(
          r.stderr.split('\n').includes(`${f.dir}/${file}:${line}: ${message}`),
          `${file}:${line}: ${message}\n---\n${r.stderr}`,
        );
      at('lesson.it.yaml', 9, "step 'edit' has no hint in lesson.yaml to translate");
      at(
        'lesson.it.yaml',
        10,
        "step 'edit' has 0 objective(s) in lesson.yaml and 1 here; translate each one, in the same order",
      );
      at(
        'lesson.it.yaml',
        11,
        "'nowhere' names no step of this lesson; its steps are queue, functions, apis, events, flow, edit",
      );
      at('lesson.it.yaml', 15, "'deploy-typo' names no action of step 'queue'; its actions are deploy, send");
      at('lesson.it.yaml', 16, 'steps.queue.checks.queue-exists must be a string');
      at(
        'lesson.it.yaml',
        17,
        "steps.queue has unknown property 'extra'; allowed: title, objectives, hint, actions, checks",
      );
      assert.match(
        r.stderr,
        new RegExp(
          `^${f.dir}/steps/it/07-missing\\.md: no step's instructions are steps/07-missing\\.md; a translation has the English file's name$`,
          'm',
        ),
      );
    } finally {
      f.remove();
    }
  },
);

test(
  'hoc lab run --lang it shows the translated titles and checks; English where the translation has none',
  { timeout: 120_000 },
  async () => {
    const f = withItalian();
    try {
      f.replace('functions/pow/index.ts', 'Math.pow(x, y)', 'x ** y');
      const it = await hoc(['lab', 'run', f.dir, '--step', 'edit', '--lang', 'it']);
      assert.equal(it.code, 1, it.stdout + it.stderr);
      assert.match(it.stdout, /^\[1\/1\] edit — Modificare una funzione: FAILED \(0 actions, 0\/1 checks\)$/m);
      assert.match(it.stdout, /✗ edit: pow usa Math\.pow — /);
      // LANG=it_IT.UTF-8 picks the same translation; a language the lesson lacks falls back to English.
      const byLocale = await hoc(['lab', 'run', f.dir, '--step', 'edit'], { LANG: 'it_IT.UTF-8' });
      assert.match(byLocale.stdout, /^\[1\/1\] edit — Modificare una funzione: FAILED/m);
      const german = await hoc(['lab', 'run', f.dir, '--step', 'edit', '--lang', 'de']);
      assert.match(german.stdout, /^\[1\/1\] edit — Edit a function: FAILED/m);
    } finally {
      f.remove();
    }
  },
);
