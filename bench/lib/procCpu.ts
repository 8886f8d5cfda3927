// CPU time a process has used so far, as the benchmarks read it around a timed phase: utime +
// stime from /proc/PID/stat (Linux), in milliseconds at USER_HZ 100. Lives below bench/lib so
// bench/run.mjs does not take it for a benchmark.
import { readFileSync } from 'node:fs';

/** NaN where there is no /proc, or the process is gone. */
export function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
