// Every change to IAM state is one of these events: applied to memory, then journaled, so a
// restart replays the same code.
import type { RoleRecord } from './role';

export type IamEvent =
  | { t: 'createRole'; role: RoleRecord }
  | { t: 'deleteRole'; name: string }
  | { t: 'updateRole'; name: string; description?: string; maxSessionDuration?: number }
  | { t: 'assumeRolePolicy'; name: string; document: string }
  | { t: 'tagRole'; name: string; tags: Array<{ Key: string; Value: string }> }
  | { t: 'untagRole'; name: string; keys: string[] }
  | { t: 'putRolePolicy'; name: string; policyName: string; document: string }
  | { t: 'deleteRolePolicy'; name: string; policyName: string }
  | { t: 'attachRolePolicy'; name: string; policyArn: string }
  | { t: 'detachRolePolicy'; name: string; policyArn: string }
  | { t: 'permissionsBoundary'; name: string; policyArn?: string };
