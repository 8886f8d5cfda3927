// The Node bootstrap's HTTP/1.1 client for the Runtime API: kept-alive sockets, each request
// written in one piece (head and body together), the answer read by Content-Length or chunks.
// node:http's client builds a request object, an agent entry and a response stream per call,
// which a warm invocation (two calls: `next` and `response`) paid for in CPU on every invoke.
import { connect, type Socket } from 'node:net';

export interface ApiAnswer {
  status: number;
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');

export class RuntimeApiClient {
  /** Sockets with no request in flight. One per request in flight: none waits for another. */
  private idle: Socket[] = [];

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    if (body !== undefined) head += `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`;
    const socket = this.idle.pop()?.ref() ?? this.open();
    return new Promise((resolve, reject) => {
      const reader = new AnswerReader();
      const onData = (chunk: Buffer) => {
        let answer: ApiAnswer | undefined;
        try {
          answer = reader.push(chunk);
        } catch (e) {
          return fail(e as Error);
        }
        if (!answer) return;
        done();
        // An idle socket keeps no event loop alive: a callback handler waits for it to drain.
        if (reader.reusable) this.idle.push(socket.unref());
        else socket.destroy();
        resolve(answer);
      };
      const onClose = () => {
        const answer = reader.end();
        done();
        if (answer) resolve(answer);
        else reject(new Error(`the Runtime API closed the connection during ${method} ${path}`));
      };
      const fail = (err: Error) => {
        done();
        socket.destroy();
        reject(err);
      };
      const done = () => {
        socket.off('data', onData);
        socket.off('close', onClose);
        socket.off('error', fail);
      };
      socket.on('data', onData);
      socket.on('close', onClose);
      socket.on('error', fail);
      socket.write(`${head}\r\n${body ?? ''}`);
    });
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    // An idle socket that fails or closes leaves the pool; the next request opens another.
    const drop = () => {
      const at = this.idle.indexOf(socket);
      if (at !== -1) this.idle.splice(at, 1);
    };
    socket.on('close', drop);
    socket.on('error', drop);
    return socket;
  }
}

/** Reads one HTTP/1.1 answer: status line, headers, then a sized, chunked or close-ended body. */
class AnswerReader {
  private buffered: Buffer = Buffer.alloc(0);
  private status = 0;
  private headers: Record<string, string> | undefined;
  private length: number | undefined;
  private chunked = false;
  private chunks: Buffer[] = [];
  reusable = true;

  push(chunk: Buffer): ApiAnswer | undefined {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    if (!this.headers) {
      const end = this.buffered.indexOf(HEAD_END);
      if (end === -1) return undefined;
      this.parseHead(this.buffered.subarray(0, end).toString('latin1'));
      this.buffered = this.buffered.subarray(end + HEAD_END.length);
    }
    if (this.chunked) return this.readChunks();
    if (this.length === undefined) return undefined; // ends with the connection
    if (this.buffered.length < this.length) return undefined;
    return this.answer(this.buffered.subarray(0, this.length));
  }

  /** The connection closed: a body delimited by the close is complete now. */
  end(): ApiAnswer | undefined {
    if (!this.headers || this.chunked || this.length !== undefined) return undefined;
    return this.answer(this.buffered);
  }

  private parseHead(text: string): void {
    const lines = text.split('\r\n');
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
    if (!status) throw new Error(`the Runtime API answered with no HTTP status line: ${lines[0]}`);
    this.status = Number(status[1]);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    this.headers = headers;
    this.chunked = /\bchunked\b/i.test(headers['transfer-encoding'] ?? '');
    if (!this.chunked && headers['content-length'] !== undefined) this.length = Number(headers['content-length']);
    this.reusable = (this.chunked || this.length !== undefined) && !/\bclose\b/i.test(headers.connection ?? '');
  }

  private readChunks(): ApiAnswer | undefined {
    for (;;) {
      const lineEnd = this.buffered.indexOf('\r\n');
      if (lineEnd === -1) return undefined;
      const size = parseInt(this.buffered.subarray(0, lineEnd).toString('latin1'), 16);
      if (!Number.isFinite(size)) throw new Error('the Runtime API sent a malformed chunk');
      if (size === 0) {
        // The last chunk, then optional trailers and an empty line.
        if (this.buffered.indexOf(HEAD_END, lineEnd) === -1) return undefined;
        return this.answer(Buffer.concat(this.chunks));
      }
      const start = lineEnd + 2;
      if (this.buffered.length < start + size + 2) return undefined;
      this.chunks.push(this.buffered.subarray(start, start + size));
      this.buffered = this.buffered.subarray(start + size + 2);
    }
  }

  private answer(body: Buffer): ApiAnswer {
    return { status: this.status, headers: this.headers!, body: body.toString('utf8') };
  }
}
