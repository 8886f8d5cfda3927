// Memory of an execution environment: the resident memory of its whole process tree (the
// runtime and every process it started, detached or not), for `Max Memory Used`, and the limit
// (MemorySize): past it the environment is killed, as Lambda does (Runtime.OutOfMemory).
import { execFile } from 'node:child_process';
import { HAS_PROC, rssKb, StatusReader, treeOf } from './processTree';

/** /proc is cheap to read; elsewhere each sample runs `ps`, so sample less often. */
const POLL_MS = HAS_PROC ? 20 : 250;

/** Elsewhere than Linux: the resident memory of the runtime process alone. */
function psSampleKb(pid: number): Promise<number> {
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'rss=', '-p', String(pid)], (err, out) => {
      const kb = Number(out.trim());
      resolve(err || !Number.isFinite(kb) ? 0 : kb);
    });
  });
}

export class MemoryWatch {
  private peakKb = 0;
  private timer: NodeJS.Timeout | undefined;
  private sampling = false;
  /** The runtime process is read on every sample: its status file stays open. */
  private readonly leader: StatusReader | undefined;

  /** `pid`: the runtime process, leader of the environment's process group. */
  constructor(
    private readonly pid: number,
    private readonly limitMb: number,
    private readonly onExceeded: () => void,
  ) {
    this.leader = HAS_PROC ? new StatusReader(pid) : undefined;
  }

  /** Polls while an invocation runs (not on Windows, which has neither /proc nor ps). */
  start(): void {
    if (this.timer || process.platform === 'win32') return;
    this.timer = setInterval(() => void this.sample(), POLL_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The environment ended: no more samples. */
  close(): void {
    this.stop();
    this.leader?.close();
  }

  async sample(): Promise<void> {
    if (this.sampling || process.platform === 'win32') return;
    this.sampling = true;
    try {
      const totalKb = HAS_PROC ? this.treeKb() : await psSampleKb(this.pid);
      if (totalKb === 0) return;
      this.peakKb = Math.max(this.peakKb, totalKb);
      if (totalKb > this.limitMb * 1024) this.onExceeded();
    } finally {
      this.sampling = false;
    }
  }

  /** Sum of the tree's resident memory; the runtime's own high-water mark counts toward the peak. */
  private treeKb(): number {
    // The tree comes from a process table all environments share (re-read every 250 ms):
    // children a handler starts count toward its memory. Members' memory is read every sample.
    let total = 0;
    for (const pid of treeOf(this.pid)) {
      const m = pid === this.pid && this.leader ? this.leader.read() : rssKb(pid);
      total += m.rssKb;
      if (pid === this.pid) this.peakKb = Math.max(this.peakKb, m.peakKb);
    }
    return total;
  }

  /** Peak resident memory in MB (at least 1 once anything was measured). */
  get peakMb(): number {
    return Math.ceil(this.peakKb / 1024);
  }
}
