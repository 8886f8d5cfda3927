// CPU time a process has been given, for the CPU-share controller. Linux's
// /proc/PID/schedstat starts with the main thread's time on a CPU in nanoseconds (proc(5),
// read 2026-12-03); the handler's code runs on that thread in every runtime here. Where it is
// missing (kernels without schedstats), /proc/PID/stat's utime+stime of the whole process
// serve, in clock ticks of 10 ms. Elsewhere (macOS) there is no cheap reading.
import { readFileSync } from 'node:fs';

export type CpuClock = (pid: number) => number | undefined;

function schedstatMs(pid: number): number | undefined {
  try {
    const ns = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

function statTicksMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** The best clock this machine offers for `pid`, or undefined when none can be read. */
export function cpuClockFor(pid: number): CpuClock | undefined {
  if (process.platform !== 'linux') return undefined;
  if (schedstatMs(pid) !== undefined) return schedstatMs;
  if (statTicksMs(pid) !== undefined) return statTicksMs;
  return undefined;
}
