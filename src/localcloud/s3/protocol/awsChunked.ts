// The `aws-chunked` content encoding SDKs use for streaming uploads:
//   STREAMING-UNSIGNED-PAYLOAD-TRAILER          <hex>\r\n<data>\r\n … 0\r\n<trailers>\r\n
//   STREAMING-AWS4-HMAC-SHA256-PAYLOAD          <hex>;chunk-signature=<sig>\r\n<data>\r\n … 0;chunk-signature=<sig>\r\n\r\n
//   STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER  as above, then trailers and x-amz-trailer-signature
import { IncompleteBody, InvalidArgument } from '../errors';

export interface AwsChunk {
  data: Buffer;
  signature?: string;
}

export interface DecodedChunks {
  body: Buffer;
  chunks: AwsChunk[];
  /** Trailer headers, names lower-case, in order (x-amz-trailer-signature excluded). */
  trailers: Array<[string, string]>;
  trailerSignature?: string;
}

const CRLF = Buffer.from('\r\n');

export function decodeAwsChunked(raw: Buffer): DecodedChunks {
  const chunks: AwsChunk[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = raw.indexOf(CRLF, pos);
    if (lineEnd === -1) throw new IncompleteBody();
    const header = raw.subarray(pos, lineEnd).toString('latin1');
    const [sizeText, ...extensions] = header.split(';');
    const size = Number.parseInt(sizeText!.trim(), 16);
    if (!/^[0-9a-fA-F]+$/.test(sizeText!.trim()) || !Number.isSafeInteger(size)) {
      throw new InvalidArgument('The aws-chunked body has a malformed chunk header.', 'chunk', header.slice(0, 80));
    }
    const signature = extensions.map((e) => /^chunk-signature=([0-9a-f]+)$/i.exec(e.trim())?.[1]).find(Boolean);
    const start = lineEnd + 2;
    if (start + size > raw.length) throw new IncompleteBody();
    chunks.push({ data: raw.subarray(start, start + size), signature });
    pos = start + size;
    if (size === 0) break;
    if (!raw.subarray(pos, pos + 2).equals(CRLF)) throw new IncompleteBody();
    pos += 2;
  }
  const trailers: Array<[string, string]> = [];
  let trailerSignature: string | undefined;
  while (pos < raw.length) {
    let lineEnd = raw.indexOf(CRLF, pos);
    if (lineEnd === -1) lineEnd = raw.length;
    const line = raw.subarray(pos, lineEnd).toString('latin1');
    pos = lineEnd + 2;
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon === -1)
      throw new InvalidArgument('The aws-chunked body has a malformed trailer.', 'trailer', line.slice(0, 80));
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'x-amz-trailer-signature') trailerSignature = value;
    else trailers.push([name, value]);
  }
  return { body: Buffer.concat(chunks.map((c) => c.data)), chunks, trailers, trailerSignature };
}
