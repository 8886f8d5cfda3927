// Bounding JSON nesting before anything walks a parsed value: JSON.parse itself copes with
// 200,000 levels, but the recursive code after it (JSON.stringify, schema validators, the
// interpreters) overflows the stack and would answer 500. AWS documents no nesting limit for
// its JSON protocols; 512 levels is far beyond any real request, definition or input.
export const MAX_JSON_NESTING = 512;

/** True when `text` opens more than `limit` arrays/objects inside each other (strings skipped). */
export function jsonTooDeep(text: string, limit = MAX_JSON_NESTING): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string, escapes included (an unterminated one is JSON.parse's error to report).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}
