// Memory of an execution environment: its peak resident set (for `Max Memory Used`) and the
// limit (MemorySize): past it the environment is killed, as Lambda does (Runtime.OutOfMemory).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** /proc is cheap to read; elsewhere each sample runs `ps`, so sample less often. */
const POLL_MS = process.platform === 'linux' ? 20 : 250;

async function sampleKb(pid: number): Promise<{ rssKb: number; peakKb: number } | undefined> {
  if (process.platform === 'linux') {
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const rss = /VmRSS:\s+(\d+)/.exec(status);
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (!rss) return undefined;
      return { rssKb: Number(rss[1]), peakKb: Number(hwm?.[1] ?? rss[1]) };
    } catch {
      return undefined;
    }
  }
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'rss=', '-p', String(pid)], (err, out) => {
      const kb = Number(out.trim());
      resolve(err || !Number.isFinite(kb) || kb === 0 ? undefined : { rssKb: kb, peakKb: kb });
    });
  });
}

export class MemoryWatch {
  private peakKb = 0;
  private timer: NodeJS.Timeout | undefined;
  private sampling = false;

  constructor(
    private readonly pid: number,
    private readonly limitMb: number,
    private readonly onExceeded: () => void,
  ) {}

  /** Polls while an invocation runs (not on Windows, which has neither /proc nor ps). */
  start(): void {
    if (this.timer || process.platform === 'win32') return;
    this.timer = setInterval(() => void this.sample(), POLL_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async sample(): Promise<void> {
    if (this.sampling || process.platform === 'win32') return;
    this.sampling = true;
    try {
      const s = await sampleKb(this.pid);
      if (!s) return;
      this.peakKb = Math.max(this.peakKb, s.peakKb, s.rssKb);
      if (s.rssKb > this.limitMb * 1024) this.onExceeded();
    } finally {
      this.sampling = false;
    }
  }

  /** Peak resident memory in MB (at least 1 once anything was measured). */
  get peakMb(): number {
    return Math.ceil(this.peakKb / 1024);
  }
}
