// Identifiers shaped like API Gateway's: lower-case letters and digits (API and root
// resource ids have 10 characters, child resources and deployments 6).
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newId(length: number, taken: (id: string) => boolean = () => false): string {
  for (;;) {
    const bytes = randomBytes(length);
    let id = '';
    for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
    if (!taken(id)) return id;
  }
}
