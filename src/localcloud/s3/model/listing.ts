// ListObjects(V2)'s walk over a bucket's keys: prefix, delimiter roll-up into common
// prefixes, a start marker and a page size. Keys are ordered by their UTF-8 bytes, as S3 does.
import type { S3Object } from './types';

export interface ListParams {
  prefix: string;
  delimiter?: string;
  maxKeys: number;
  /** Exclusive: only keys (and common prefixes) after this one. */
  after?: string;
}

export interface ListPage {
  contents: S3Object[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix of this page, to continue after. */
  last?: string;
}

/**
 * UTF-8 byte order equals code point order; UTF-16 code units differ from it only where
 * surrogates (D800–DFFF) meet E000–FFFF, so those are remapped instead of encoding keys.
 */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

export function listKeys(objects: Map<string, S3Object>, params: ListParams): ListPage {
  const { prefix, delimiter, maxKeys, after } = params;
  const keys = [...objects.keys()]
    .filter((k) => k.startsWith(prefix) && (after === undefined || compareKeys(k, after) > 0))
    .sort(compareKeys);
  const page: ListPage = { contents: [], commonPrefixes: [], isTruncated: false };
  if (maxKeys === 0) return page;
  let count = 0;
  for (const key of keys) {
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const commonPrefix = cut >= 0 ? key.slice(0, cut + delimiter!.length) : undefined;
    // Keys under a common prefix that ended the previous page were already reported.
    if (commonPrefix !== undefined && (commonPrefix === after || commonPrefix === page.commonPrefixes.at(-1))) continue;
    if (count === maxKeys) {
      page.isTruncated = true;
      break;
    }
    if (commonPrefix !== undefined) page.commonPrefixes.push(commonPrefix);
    else page.contents.push(objects.get(key)!);
    page.last = commonPrefix ?? key;
    count++;
  }
  return page;
}
