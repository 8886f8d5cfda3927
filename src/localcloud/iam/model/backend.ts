// IAM state of the local cloud's one account: roles with their trust policy, inline
// policies, managed policy attachments and tags. Stored and returned, not enforced: no
// request is ever refused for lack of a permission. Constraints and messages follow the
// IAM API Reference (CreateRole, PutRolePolicy, AttachRolePolicy, DeleteRole; read 2026-12-03).
import {
  DeleteConflict,
  EntityAlreadyExists,
  InvalidInput,
  LimitExceeded,
  MalformedPolicyDocument,
  NoSuchEntity,
  ValidationError,
} from '../errors';
import type { IamEvent } from './events';
import { mergeTags, newRoleId, type RoleRecord } from './role';

export interface IamEnv {
  accountId: string;
  record(event: IamEvent): void;
}

export interface IamSnapshot {
  roles: RoleRecord[];
}

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;
/** AWS managed policies live in account `aws`; customer managed ones in the caller's account. */
const POLICY_ARN = /^arn:aws:iam::(aws|\d{12}):policy\/([\u0021-\u007E]+\/)?[\w+=,.@-]+$/;
const MAX_TAGS = 50;

export class IamBackend {
  readonly roles = new Map<string, RoleRecord>();

  constructor(private readonly env: IamEnv) {}

  private commit(event: IamEvent): void {
    this.apply(event);
    this.env.record(event);
  }

  role(name: string): RoleRecord {
    const role = this.roles.get(name);
    if (!role) throw NoSuchEntity.role(name);
    return role;
  }

  createRole(input: {
    name: string;
    path?: string;
    assumeRolePolicy: string;
    description?: string;
    maxSessionDuration?: number;
    permissionsBoundary?: string;
    tags: RoleRecord['tags'];
  }): RoleRecord {
    checkName('roleName', input.name, 64);
    const path = input.path ?? '/';
    if (path.length > 512 || !PATH.test(path))
      throw new ValidationError(
        `1 validation error detected: Value '${path}' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)`,
      );
    checkPolicyDocument(input.assumeRolePolicy);
    checkDescription(input.description);
    checkSessionDuration(input.maxSessionDuration);
    if (input.permissionsBoundary !== undefined) checkPolicyArn(input.permissionsBoundary);
    checkTags(input.tags);
    if (this.roles.has(input.name)) throw new EntityAlreadyExists(`Role with name ${input.name} already exists.`);
    const role: RoleRecord = {
      name: input.name,
      id: newRoleId(),
      arn: `arn:aws:iam::${this.env.accountId}:role${path}${input.name}`,
      path,
      createdAt: Date.now(),
      assumeRolePolicy: input.assumeRolePolicy,
      ...(input.description !== undefined ? { description: input.description } : {}),
      maxSessionDuration: input.maxSessionDuration ?? 3600,
      tags: mergeTags([], input.tags),
      inline: {},
      attached: [],
      ...(input.permissionsBoundary !== undefined ? { permissionsBoundary: input.permissionsBoundary } : {}),
    };
    this.commit({ t: 'createRole', role });
    return role;
  }

  deleteRole(name: string): void {
    const role = this.role(name);
    if (Object.keys(role.inline).length > 0)
      throw new DeleteConflict('Cannot delete entity, must delete policies first.');
    if (role.attached.length > 0) throw new DeleteConflict('Cannot delete entity, must detach all policies first.');
    this.commit({ t: 'deleteRole', name });
  }

  updateRole(name: string, description: string | undefined, maxSessionDuration: number | undefined): void {
    this.role(name);
    checkDescription(description);
    checkSessionDuration(maxSessionDuration);
    this.commit({
      t: 'updateRole',
      name,
      ...(description !== undefined ? { description } : {}),
      ...(maxSessionDuration !== undefined ? { maxSessionDuration } : {}),
    });
  }

  updateAssumeRolePolicy(name: string, document: string): void {
    this.role(name);
    checkPolicyDocument(document);
    this.commit({ t: 'assumeRolePolicy', name, document });
  }

  tagRole(name: string, tags: RoleRecord['tags']): void {
    const role = this.role(name);
    checkTags(tags);
    if (mergeTags(role.tags, tags).length > MAX_TAGS)
      throw new LimitExceeded(`The number of tags has reached the maximum limit of ${MAX_TAGS}.`);
    this.commit({ t: 'tagRole', name, tags });
  }

  untagRole(name: string, keys: string[]): void {
    this.role(name);
    this.commit({ t: 'untagRole', name, keys });
  }

  putRolePolicy(name: string, policyName: string, document: string): void {
    checkName('policyName', policyName, 128);
    this.role(name);
    checkPolicyDocument(document);
    this.commit({ t: 'putRolePolicy', name, policyName, document });
  }

  getRolePolicy(name: string, policyName: string): string {
    const document = this.role(name).inline[policyName];
    if (document === undefined) throw new NoSuchEntity(`The role policy with name ${policyName} cannot be found.`);
    return document;
  }

  deleteRolePolicy(name: string, policyName: string): void {
    this.getRolePolicy(name, policyName);
    this.commit({ t: 'deleteRolePolicy', name, policyName });
  }

  attachRolePolicy(name: string, policyArn: string): void {
    checkPolicyArn(policyArn);
    const role = this.role(name);
    if (!role.attached.includes(policyArn)) this.commit({ t: 'attachRolePolicy', name, policyArn });
  }

  detachRolePolicy(name: string, policyArn: string): void {
    checkPolicyArn(policyArn);
    if (!this.role(name).attached.includes(policyArn)) throw new NoSuchEntity(`Policy ${policyArn} was not found.`);
    this.commit({ t: 'detachRolePolicy', name, policyArn });
  }

  setPermissionsBoundary(name: string, policyArn: string | undefined): void {
    if (policyArn !== undefined) checkPolicyArn(policyArn);
    this.role(name);
    this.commit({ t: 'permissionsBoundary', name, ...(policyArn !== undefined ? { policyArn } : {}) });
  }

  apply(event: IamEvent): void {
    if (event.t === 'createRole') {
      this.roles.set(event.role.name, structuredClone(event.role));
      return;
    }
    const role = this.roles.get(event.name);
    if (!role) return;
    switch (event.t) {
      case 'deleteRole':
        this.roles.delete(event.name);
        break;
      case 'updateRole':
        if (event.description !== undefined) role.description = event.description;
        if (event.maxSessionDuration !== undefined) role.maxSessionDuration = event.maxSessionDuration;
        break;
      case 'assumeRolePolicy':
        role.assumeRolePolicy = event.document;
        break;
      case 'tagRole':
        role.tags = mergeTags(role.tags, event.tags);
        break;
      case 'untagRole':
        role.tags = role.tags.filter((t) => !event.keys.includes(t.Key));
        break;
      case 'putRolePolicy':
        role.inline[event.policyName] = event.document;
        break;
      case 'deleteRolePolicy':
        delete role.inline[event.policyName];
        break;
      case 'attachRolePolicy':
        role.attached.push(event.policyArn);
        break;
      case 'detachRolePolicy':
        role.attached = role.attached.filter((arn) => arn !== event.policyArn);
        break;
      case 'permissionsBoundary':
        if (event.policyArn === undefined) delete role.permissionsBoundary;
        else role.permissionsBoundary = event.policyArn;
        break;
    }
  }

  load(snapshot: IamSnapshot): void {
    this.roles.clear();
    for (const role of snapshot.roles) this.roles.set(role.name, role);
  }

  snapshot(): IamSnapshot {
    return { roles: [...this.roles.values()].map((r) => structuredClone(r)) };
  }
}

function checkName(member: string, value: string, max: number): void {
  if (value.length < 1 || value.length > max)
    throw new ValidationError(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
    );
  if (!NAME.test(value))
    throw new ValidationError(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
    );
}

function checkPolicyDocument(document: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw new MalformedPolicyDocument('Syntax errors in policy.');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new MalformedPolicyDocument('Syntax errors in policy.');
  if (!('Statement' in parsed))
    throw new MalformedPolicyDocument('Policy document should not be empty: it needs a Statement.');
}

function checkDescription(description: string | undefined): void {
  if (description !== undefined && description.length > 1000)
    throw new ValidationError(
      `1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 1000`,
    );
}

function checkSessionDuration(seconds: number | undefined): void {
  if (seconds !== undefined && (seconds < 3600 || seconds > 43200)) {
    throw new ValidationError(
      `1 validation error detected: Value '${seconds}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value ${seconds < 3600 ? 'greater than or equal to 3600' : 'less than or equal to 43200'}`,
    );
  }
}

function checkPolicyArn(arn: string): void {
  if (!POLICY_ARN.test(arn)) throw new InvalidInput(`ARN ${arn} is not valid.`);
}

function checkTags(tags: RoleRecord['tags']): void {
  if (tags.length > MAX_TAGS)
    throw new LimitExceeded(`The number of tags has reached the maximum limit of ${MAX_TAGS}.`);
  for (const tag of tags) {
    if (tag.Key.length < 1 || tag.Key.length > 128)
      throw new ValidationError(
        `1 validation error detected: Value '${tag.Key}' at 'tags.member.key' failed to satisfy constraint: Member must have length between 1 and 128`,
      );
    if (tag.Value.length > 256)
      throw new ValidationError(
        `1 validation error detected: Value at 'tags.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`,
      );
  }
}
