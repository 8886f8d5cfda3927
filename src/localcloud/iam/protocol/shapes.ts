// Model records → IAM output shapes (botocore 1.43.11 data/iam/2010-05-08, read 2026-12-03).
import type { RoleRecord } from '../model/role';

/**
 * IAM returns policy documents URL-encoded (RFC 3986); clients decode them (IAM API
 * Reference, GetRolePolicy and Role: "Policies returned by this operation are URL-encoded
 * compliant with RFC 3986", read 2026-12-03).
 */
export function encodePolicy(document: string): string {
  return encodeURIComponent(document).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `full` adds what GetRole returns beyond ListRoles: tags, boundary, last use. */
export function roleShape(role: RoleRecord, full: boolean): Record<string, unknown> {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: new Date(role.createdAt),
    AssumeRolePolicyDocument: encodePolicy(role.assumeRolePolicy),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    ...(full && role.permissionsBoundary
      ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: role.permissionsBoundary } }
      : {}),
    ...(full && role.tags.length > 0 ? { Tags: role.tags } : {}),
    ...(full ? { RoleLastUsed: {} } : {}),
  };
}

/**
 * One page of `items` for Marker/MaxItems pagination (MaxItems 1–1000, default 100). The
 * marker is opaque to clients; here it is the index of the next item.
 */
export function page<T>(
  items: T[],
  marker: string | undefined,
  maxItems: number | undefined,
): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const start = marker !== undefined && /^\d+$/.test(marker) ? Number(marker) : 0;
  const size = Math.min(Math.max(maxItems ?? 100, 1), 1000);
  const slice = items.slice(start, start + size);
  const truncated = start + size < items.length;
  return { items: slice, IsTruncated: truncated, ...(truncated ? { Marker: String(start + size) } : {}) };
}
