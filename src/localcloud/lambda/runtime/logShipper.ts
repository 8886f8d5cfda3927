// Batches an environment's log lines into CloudWatch Logs (group /aws/lambda/NAME, one stream
// per environment): at the end of each invocation and shortly after stray output.
// Delivery does not hold the invocation's answer: on AWS "it might take 5 to 10 minutes for logs
// to show up after a function invocation" (AWS Lambda Developer Guide, "Sending Lambda function
// logs to CloudWatch Logs", read 2026-12-03). Here the lines are readable at once, and made
// durable by the journal's next flush rather than before the Invoke answer.
import type { LogsInternal } from '../../server/internal';

interface Pending {
  group: string;
  stream: string;
  events: Array<{ timestamp: number; message: string }>;
}

export class LogShipper {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logs: () => LogsInternal | undefined,
    /** Runs delivery outside the request that caused it (Journal.outsideRequests). */
    private readonly detached: <T>(fn: () => T) => T = (fn) => fn(),
  ) {}

  write(group: string, stream: string, line: string, timestamp: number): void {
    const key = `${group}\u0000${stream}`;
    let p = this.pending.get(key);
    if (!p) this.pending.set(key, (p = { group, stream, events: [] }));
    // CloudWatch keeps Lambda's lines with their newline, as AWS stores them.
    p.events.push({ timestamp, message: line.endsWith('\n') ? line : `${line}\n` });
    if (!this.timer) this.timer = setTimeout(() => this.flush(), 200);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const logs = this.logs();
    const batches = [...this.pending.values()];
    this.pending.clear();
    if (!logs) return;
    this.detached(() => {
      for (const b of batches) logs.putEventsInternal(b.group, b.stream, b.events);
    });
  }
}

/** Base64 of the last 4 KB of an invocation's log, as `X-Amz-Log-Result` carries it. */
export function logTail(lines: string[]): string {
  const text = Buffer.from(lines.map((l) => (l.endsWith('\n') ? l : `${l}\n`)).join(''));
  return text.subarray(Math.max(0, text.length - 4096)).toString('base64');
}
