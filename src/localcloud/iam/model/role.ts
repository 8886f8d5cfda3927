// An IAM role as the local cloud keeps it: stored and returned, never enforced.
import { randomInt } from 'node:crypto';

export interface RoleRecord {
  name: string;
  id: string;
  arn: string;
  path: string;
  createdAt: number;
  /** Trust policy, as sent (JSON text). */
  assumeRolePolicy: string;
  description?: string;
  maxSessionDuration: number;
  tags: Array<{ Key: string; Value: string }>;
  /** Inline policies by name, documents as sent. */
  inline: Record<string, string>;
  /** Managed policy ARNs, in attachment order. */
  attached: string[];
  permissionsBoundary?: string;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Unique ids of roles start with AROA (IAM User Guide, "IAM identifiers", read 2026-12-03). */
export function newRoleId(): string {
  let id = 'AROA';
  for (let i = 0; i < 17; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** The name a managed policy ARN ends with (`…:policy/service-role/Name` → `Name`). */
export function policyNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** Applies `tags` over `current`: same key replaces the value, new keys are appended. */
export function mergeTags(current: RoleRecord['tags'], tags: RoleRecord['tags']): RoleRecord['tags'] {
  const merged = current.map((t) => ({ ...t }));
  for (const tag of tags) {
    const existing = merged.find((t) => t.Key === tag.Key);
    if (existing) existing.Value = tag.Value;
    else merged.push({ ...tag });
  }
  return merged;
}
