// A student's copy of lesson 05 for the exercise tests: the lesson's files as the student first
// gets them, in a folder of their own (test/helpers/lessonCopy.ts), run with the real
// `hoc lab run --step` against one shared local cloud. Files are swapped the way a student edits them: a solution, or a plausible mistake.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { CLI, ROOT, spawnCloud, type CloudProcess } from '../../helpers/cloudProcess';
import { copyRepositoryLessonForTest } from '../../helpers/lessonCopy';

export const LESSON = join(ROOT, 'labs', '05-serverless');

export interface StepOutcome {
  code: number | null;
  out: string;
}

export class LessonWorkspace {
  private constructor(
    readonly dir: string,
    private readonly cloud: CloudProcess,
    private readonly suffix: string,
  ) {}

  /** A fresh copy of the lesson and a local cloud of its own (one per test file). */
  static async open(): Promise<LessonWorkspace> {
    const id = randomBytes(3).toString('hex');
    const { dir } = copyRepositoryLessonForTest('05-serverless');
    return new LessonWorkspace(dir, await spawnCloud(), `t${id}`);
  }

  /** The lesson file the step's solution map names for `student`. */
  solution(student: string): string {
    const yaml = readFileSync(join(this.dir, 'lesson.yaml'), 'utf8');
    const m = new RegExp(`^\\s+${student.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (solutions/\\S+)$`, 'm').exec(yaml);
    if (!m) throw new Error(`lesson.yaml has no solution for ${student}`);
    return readFileSync(join(this.dir, m[1]!), 'utf8');
  }

  read(file: string): string {
    return readFileSync(join(this.dir, file), 'utf8');
  }

  write(file: string, text: string): void {
    mkdirSync(dirname(join(this.dir, file)), { recursive: true });
    writeFileSync(join(this.dir, file), text);
  }

  /** The file as the lesson ships it (the starter). */
  starter(file: string): string {
    return readFileSync(join(LESSON, file), 'utf8');
  }

  restore(file: string): void {
    this.write(file, this.starter(file));
  }

  /** `hoc lab run <copy> --step ID` on the shared local cloud, names suffixed for this file. */
  runStep(step: string): Promise<StepOutcome> {
    const env = {
      ...process.env,
      HOC_ENDPOINT: this.cloud.endpoint,
      HOC_ACCESS_KEY_ID: this.cloud.clientConfig.credentials.accessKeyId,
      HOC_SECRET_ACCESS_KEY: this.cloud.clientConfig.credentials.secretAccessKey,
    };
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'lab', 'run', this.dir, '--step', step, '--suffix', this.suffix], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, out }));
    });
  }

  async close(): Promise<void> {
    await this.cloud.stop();
    rmSync(dirname(this.dir), { recursive: true, force: true });
  }
}

/** The line of a failed (✗) or passed (✓) check, by its title's start. */
export function checkLine(out: string, mark: '✓' | '✗', titleStart: string): string | undefined {
  return out.split('\n').find((l) => l.includes(mark) && l.includes(titleStart));
}
