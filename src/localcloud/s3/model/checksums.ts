// The additional checksums S3 stores and verifies (x-amz-checksum-*), base64 like the wire.
// CRC32 comes from zlib; CRC32C and CRC64NVME are small table-driven implementations.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { ChecksumAlgorithm } from './types';

const CRC32C_TABLE = makeCrc32Table(0x82f63b78);
/** CRC64/NVME: reflected polynomial 0x9A6C9329AC4BC9B5, split into 32-bit halves for speed. */
const [CRC64_HI, CRC64_LO] = makeCrc64Tables(0x9a6c9329ac4bc9b5n);

function makeCrc32Table(poly: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
}

function makeCrc64Tables(poly: bigint): [Uint32Array, Uint32Array] {
  const hi = new Uint32Array(256);
  const lo = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = BigInt(i);
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ poly : c >> 1n;
    hi[i] = Number(c >> 32n);
    lo[i] = Number(c & 0xffffffffn);
  }
  return [hi, lo];
}

/** Incremental checksum over a stream of chunks. */
export interface Checksummer {
  update(chunk: Uint8Array): void;
  /** Raw digest bytes. */
  digest(): Buffer;
}

export function createChecksummer(algorithm: ChecksumAlgorithm): Checksummer {
  switch (algorithm) {
    case 'SHA1':
    case 'SHA256': {
      const hash = createHash(algorithm === 'SHA1' ? 'sha1' : 'sha256');
      return { update: (c) => void hash.update(c), digest: () => hash.digest() };
    }
    case 'CRC32': {
      let value = 0;
      return { update: (c) => void (value = crc32(c, value)), digest: () => uint32Bytes(value) };
    }
    case 'CRC32C': {
      let value = 0xffffffff;
      return {
        update: (c) => {
          for (let i = 0; i < c.length; i++) value = CRC32C_TABLE[(value ^ c[i]!) & 0xff]! ^ (value >>> 8);
        },
        digest: () => uint32Bytes(~value >>> 0),
      };
    }
    case 'CRC64NVME': {
      let hi = 0xffffffff;
      let lo = 0xffffffff;
      return {
        update: (c) => {
          for (let i = 0; i < c.length; i++) {
            const idx = (lo ^ c[i]!) & 0xff;
            lo = ((lo >>> 8) | ((hi & 0xff) << 24)) ^ CRC64_LO[idx]!;
            hi = (hi >>> 8) ^ CRC64_HI[idx]!;
          }
        },
        digest: () => Buffer.concat([uint32Bytes(~hi >>> 0), uint32Bytes(~lo >>> 0)]),
      };
    }
  }
}

export function checksumOf(algorithm: ChecksumAlgorithm, data: Uint8Array): string {
  const c = createChecksummer(algorithm);
  c.update(data);
  return c.digest().toString('base64');
}

/** S3's composite multipart checksum: the checksum of the parts' raw checksums, then `-N`. */
export function compositeChecksum(algorithm: ChecksumAlgorithm, partChecksums: string[]): string {
  const c = createChecksummer(algorithm);
  for (const value of partChecksums) c.update(Buffer.from(value, 'base64'));
  return `${c.digest().toString('base64')}-${partChecksums.length}`;
}

function uint32Bytes(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}
