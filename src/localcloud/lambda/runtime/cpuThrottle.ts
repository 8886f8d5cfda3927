// CPU share proportional to memory, as Lambda allocates it (1,769 MB = one vCPU): a duty
// cycle that lets the environment's process group run for share × period and stops it
// (SIGSTOP) for the rest. Plain process control, so it needs no root and no cgroups, on
// Linux and macOS alike. HOC_LAMBDA_CPU_THROTTLE=0 turns it off.
export const MB_PER_VCPU = 1769;
const PERIOD_MS = 50;

export function cpuShare(memoryMb: number): number {
  return memoryMb / MB_PER_VCPU;
}

export function throttlingEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.HOC_LAMBDA_CPU_THROTTLE ?? '1').toLowerCase();
  return !['0', 'false', 'off', 'no'].includes(v);
}

export class CpuThrottle {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private active = false;
  private runStarted = 0;

  /** `pgid`: the environment's process group (its leader's pid). */
  constructor(
    private readonly pgid: number,
    private readonly share: number,
  ) {}

  /** Starts the duty cycle with a running slice; a share of one vCPU or more needs none. */
  start(): void {
    if (this.share >= 1 || this.active) return;
    this.active = true;
    this.run();
  }

  /** Ends the duty cycle and leaves the process running. */
  stop(): void {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) this.signal('SIGCONT');
    this.stopped = false;
  }

  private run(): void {
    if (!this.active) return;
    if (this.stopped) this.signal('SIGCONT');
    this.stopped = false;
    this.runStarted = performance.now();
    this.timer = setTimeout(() => this.pause(), Math.max(1, PERIOD_MS * this.share));
  }

  private pause(): void {
    if (!this.active) return;
    this.signal('SIGSTOP');
    this.stopped = true;
    // Timers fire late: the pause follows the slice the process really got, keeping the share.
    const ran = performance.now() - this.runStarted;
    this.timer = setTimeout(() => this.run(), (ran * (1 - this.share)) / this.share);
  }

  private signal(sig: NodeJS.Signals): void {
    try {
      process.kill(-this.pgid, sig);
    } catch {
      this.active = false; // the group is gone
    }
  }
}
