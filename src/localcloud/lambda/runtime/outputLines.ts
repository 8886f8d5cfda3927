// Turns an environment's stdout/stderr into log lines. Our bootstraps end each invocation's
// output with a marker line, so every line written before a response is collected before the
// invocation is reported (pipes and the Runtime API socket are read in no fixed order).
export const OUTPUT_MARKER = '\u001eHOC-FLUSH ';
/**
 * Sent by a bootstrap with its response or error: how many markers (0–2) it wrote for this
 * invocation, one per stream written since its last marker. Without it, both streams have one.
 */
export const OUTPUT_MARKERS_HEADER = 'hoc-output-markers';
/** CloudWatch caps an event at 256 KB: longer output without a newline is cut there. */
const MAX_LINE = 256 * 1024;

export class OutputLines {
  private partial = '';

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onMarker: (requestId: string) => void,
  ) {}

  push(chunk: Buffer | string): void {
    this.partial += chunk.toString();
    let nl: number;
    while ((nl = this.partial.indexOf('\n')) !== -1) {
      const line = this.partial.slice(0, nl);
      this.partial = this.partial.slice(nl + 1);
      const at = line.indexOf(OUTPUT_MARKER);
      if (at === -1) this.emit(line);
      else {
        if (at > 0) this.emit(line.slice(0, at));
        this.onMarker(line.slice(at + OUTPUT_MARKER.length).trim());
      }
    }
    while (this.partial.length > MAX_LINE) {
      this.emit(this.partial.slice(0, MAX_LINE));
      this.partial = this.partial.slice(MAX_LINE);
    }
  }

  /** The process ended: whatever is left is a last line. */
  end(): void {
    if (this.partial) this.emit(this.partial);
    this.partial = '';
  }

  private emit(line: string): void {
    // Multi-line console messages travel with \r in place of \n (one log event each, as on AWS).
    this.onLine(line.replace(/\r/g, '\n'));
  }
}
