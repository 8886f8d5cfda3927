// IAM actions on roles, their inline policies and managed policy attachments: read the
// query input, call the model, return the output shape (undefined = no result element).
import type { QueryInputReader, QueryOutput } from '../../server/awsQuery';
import type { IamBackend } from '../model/backend';
import { policyNameOf } from '../model/role';
import { page, roleShape, encodePolicy } from './shapes';

export type IamAction = (input: QueryInputReader, backend: IamBackend) => QueryOutput | undefined;

export const ROLE_ACTIONS: Record<string, IamAction> = {
  CreateRole: (i, b) => ({
    Role: roleShape(
      b.createRole({
        name: i.string('RoleName'),
        path: i.optionalString('Path'),
        assumeRolePolicy: i.string('AssumeRolePolicyDocument'),
        description: i.optionalString('Description'),
        maxSessionDuration: i.optionalInt('MaxSessionDuration'),
        permissionsBoundary: i.optionalString('PermissionsBoundary'),
        tags: i.tags(),
      }),
      true,
    ),
  }),
  GetRole: (i, b) => ({ Role: roleShape(b.role(i.string('RoleName')), true) }),
  ListRoles: (i, b) => {
    const prefix = i.optionalString('PathPrefix') ?? '/';
    const roles = [...b.roles.values()]
      .filter((r) => r.path.startsWith(prefix))
      .sort((x, y) => x.name.localeCompare(y.name));
    const { items, ...rest } = page(roles, i.optionalString('Marker'), i.optionalInt('MaxItems'));
    return { Roles: items.map((r) => roleShape(r, false)), ...rest };
  },
  DeleteRole: (i, b) => void b.deleteRole(i.string('RoleName')),
  UpdateRole: (i, b) => {
    b.updateRole(i.string('RoleName'), i.optionalString('Description'), i.optionalInt('MaxSessionDuration'));
    return {};
  },
  UpdateRoleDescription: (i, b) => {
    const name = i.string('RoleName');
    b.updateRole(name, i.string('Description'), undefined);
    return { Role: roleShape(b.role(name), true) };
  },
  UpdateAssumeRolePolicy: (i, b) => void b.updateAssumeRolePolicy(i.string('RoleName'), i.string('PolicyDocument')),
  PutRolePermissionsBoundary: (i, b) =>
    void b.setPermissionsBoundary(i.string('RoleName'), i.string('PermissionsBoundary')),
  DeleteRolePermissionsBoundary: (i, b) => void b.setPermissionsBoundary(i.string('RoleName'), undefined),
  TagRole: (i, b) => void b.tagRole(i.string('RoleName'), i.tags()),
  UntagRole: (i, b) => void b.untagRole(i.string('RoleName'), i.stringList('TagKeys')),
  ListRoleTags: (i, b) => {
    const { items, ...rest } = page(
      b.role(i.string('RoleName')).tags,
      i.optionalString('Marker'),
      i.optionalInt('MaxItems'),
    );
    return { Tags: items, ...rest };
  },
  // The local cloud has no instance profiles (no EC2): every role has none.
  ListInstanceProfilesForRole: (i, b) => {
    b.role(i.string('RoleName'));
    return { InstanceProfiles: [], IsTruncated: false };
  },

  PutRolePolicy: (i, b) =>
    void b.putRolePolicy(i.string('RoleName'), i.string('PolicyName'), i.string('PolicyDocument')),
  GetRolePolicy: (i, b) => {
    const RoleName = i.string('RoleName');
    const PolicyName = i.string('PolicyName');
    return { RoleName, PolicyName, PolicyDocument: encodePolicy(b.getRolePolicy(RoleName, PolicyName)) };
  },
  DeleteRolePolicy: (i, b) => void b.deleteRolePolicy(i.string('RoleName'), i.string('PolicyName')),
  ListRolePolicies: (i, b) => {
    const names = Object.keys(b.role(i.string('RoleName')).inline).sort();
    const { items, ...rest } = page(names, i.optionalString('Marker'), i.optionalInt('MaxItems'));
    return { PolicyNames: items, ...rest };
  },

  AttachRolePolicy: (i, b) => void b.attachRolePolicy(i.string('RoleName'), i.string('PolicyArn')),
  DetachRolePolicy: (i, b) => void b.detachRolePolicy(i.string('RoleName'), i.string('PolicyArn')),
  ListAttachedRolePolicies: (i, b) => {
    const prefix = i.optionalString('PathPrefix') ?? '/';
    const arns = b
      .role(i.string('RoleName'))
      .attached.filter((arn) => arn.slice(arn.indexOf(':policy') + ':policy'.length).startsWith(prefix));
    const { items, ...rest } = page(arns, i.optionalString('Marker'), i.optionalInt('MaxItems'));
    return { AttachedPolicies: items.map((arn) => ({ PolicyName: policyNameOf(arn), PolicyArn: arn })), ...rest };
  },
};
