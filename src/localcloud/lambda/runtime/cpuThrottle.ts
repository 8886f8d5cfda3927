// CPU share proportional to memory, as Lambda allocates it (1,769 MB = one vCPU), measured as
// CPU time the way Linux CFS bandwidth control does: in each period of 100 ms the function may
// use share × 100 ms of CPU (its quota); once it has, its process group is stopped (SIGSTOP)
// until the period ends. A handler waiting on I/O uses little CPU and is never stopped, so it
// loses no more time than its share explains. Overshoot (checks land a little late) is paid
// back from the next period's quota. Plain process control: no root, no cgroups.
// Where the CPU time of a process cannot be read (not Linux), a duty cycle stands in: the group
// runs share × 50 ms and stops for the rest, which costs I/O-bound handlers extra wall time.
// HOC_LAMBDA_CPU_THROTTLE=0 turns either off.
import { cpuClockFor, type CpuClock } from './cpuClock';

export const MB_PER_VCPU = 1769;
/** CFS's default cpu.cfs_period_us is 100,000 (kernel docs, sched-bwc, read 2026-12-03). */
const PERIOD_MS = 100;
const DUTY_PERIOD_MS = 50;

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
  private readonly clock: CpuClock | undefined;
  private periodStart = 0;
  private cpuAtPeriodStart = 0;
  private budget = 0;
  /** CPU used beyond the quota, charged to the next periods. */
  private debt = 0;
  private runStarted = 0;

  /** `pgid`: the environment's process group (its leader's pid). */
  constructor(
    private readonly pgid: number,
    private readonly share: number,
    clock: CpuClock | null = cpuClockFor(pgid) ?? null,
  ) {
    this.clock = clock ?? undefined;
  }

  /** Starts metering with a fresh period; a share of one vCPU or more needs none. */
  start(): void {
    if (this.share >= 1 || this.active) return;
    this.active = true;
    if (this.clock) this.newPeriod();
    else this.run();
  }

  /** Stops metering and leaves the process running. */
  stop(): void {
    this.active = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) this.signal('SIGCONT');
    this.stopped = false;
  }

  // ---- metered CPU time (quota per period) ----------------------------------------------
  private newPeriod(): void {
    if (!this.active) return;
    if (this.stopped) this.signal('SIGCONT');
    this.stopped = false;
    const cpu = this.clock!(this.pgid);
    if (cpu === undefined) return this.stop(); // the process is gone
    this.periodStart = performance.now();
    this.cpuAtPeriodStart = cpu;
    const quota = PERIOD_MS * this.share;
    this.budget = quota - this.debt;
    this.debt = Math.max(0, -this.budget);
    if (this.budget <= 0) return this.pauseUntilPeriodEnd();
    // No process can use more CPU than wall time passes: nothing to check before `budget` ms.
    this.timer = setTimeout(() => this.check(), Math.max(1, this.budget));
  }

  private check(): void {
    if (!this.active) return;
    const cpu = this.clock!(this.pgid);
    if (cpu === undefined) return this.stop();
    const used = cpu - this.cpuAtPeriodStart;
    const left = this.periodStart + PERIOD_MS - performance.now();
    if (used >= this.budget) {
      // All of it: on a busy machine a check can land a whole period late, and a capped debt
      // would let the function keep what it took beyond its share.
      this.debt = used - this.budget;
      return this.pauseUntilPeriodEnd();
    }
    if (left <= 0) return this.newPeriod();
    this.timer = setTimeout(() => this.check(), Math.max(1, Math.min(this.budget - used, left)));
  }

  private pauseUntilPeriodEnd(): void {
    this.signal('SIGSTOP');
    this.stopped = true;
    this.timer = setTimeout(() => this.newPeriod(), Math.max(0, this.periodStart + PERIOD_MS - performance.now()));
  }

  // ---- duty cycle (no CPU clock) --------------------------------------------------------
  private run(): void {
    if (!this.active) return;
    if (this.stopped) this.signal('SIGCONT');
    this.stopped = false;
    this.runStarted = performance.now();
    this.timer = setTimeout(() => this.pause(), Math.max(1, DUTY_PERIOD_MS * this.share));
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
