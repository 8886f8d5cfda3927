// Resource policy (AddPermission, RemovePermission, GetPolicy), reserved concurrency
// (Put/Get/DeleteFunctionConcurrency) and tags.
import { buildStatement, policyDocument, type PermissionInput } from '../model/policy';
import { accountConcurrency } from '../runtime/environmentPool';
import type { LambdaDeps } from './deps';
import { json, noContent, parseBody, query, type Operation } from './http';
import {
  InvalidParameterValueException,
  ResourceConflictException,
  ResourceNotFoundException,
  ValidationException,
} from '../errors';

/** AWS keeps 100 executions unreserved (all of them in smaller accounts). */
const minUnreserved = () => Math.min(100, accountConcurrency());

export function permissionOps(deps: LambdaDeps): Record<string, Operation> {
  const { model } = deps;

  /** Policies attach to the function, a version or an alias; '' is the unqualified function. */
  const qualifierKey = (name: string, q: string | undefined): string => {
    if (q === undefined || q === '') return '';
    model.resolve(name, q); // throws ResourceNotFoundException for unknown versions/aliases
    return q;
  };

  return {
    AddPermission(req, p) {
      const input = parseBody(req) as Partial<PermissionInput> & { RevisionId?: string };
      for (const key of ['StatementId', 'Action', 'Principal'] as const) {
        if (typeof input[key] !== 'string' || !input[key])
          throw new ValidationException(
            `1 validation error detected: Value null at '${key.charAt(0).toLowerCase()}${key.slice(1)}' failed to satisfy constraint: Member must not be null`,
          );
      }
      if (!/^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/.test(input.Action!))
        throw new ValidationException(
          `1 validation error detected: Value '${input.Action}' at 'action' failed to satisfy constraint: Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])`,
        );
      const record = model.copy(p.FunctionName!);
      const key = qualifierKey(record.name, query(req, 'Qualifier'));
      const statements = record.policies[key] ?? [];
      if (statements.some((s) => s.Sid === input.StatementId)) {
        throw new ResourceConflictException(
          `The statement id (${input.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
        );
      }
      const statement = buildStatement(input as PermissionInput, model.arn(record.name, key || undefined));
      record.policies[key] = [...statements, statement];
      model.save(record);
      return json(201, { Statement: JSON.stringify(statement) });
    },

    RemovePermission(req, p) {
      const record = model.copy(p.FunctionName!);
      const key = qualifierKey(record.name, query(req, 'Qualifier'));
      const statements = record.policies[key] ?? [];
      if (!statements.some((s) => s.Sid === p.StatementId)) {
        throw new ResourceNotFoundException(`Statement ${p.StatementId} is not found in resource policy.`);
      }
      record.policies[key] = statements.filter((s) => s.Sid !== p.StatementId);
      if (record.policies[key]!.length === 0) delete record.policies[key];
      model.save(record);
      return noContent();
    },

    GetPolicy(req, p) {
      const record = model.get(p.FunctionName!);
      const key = qualifierKey(record.name, query(req, 'Qualifier'));
      const statements = record.policies[key];
      if (!statements?.length) throw new ResourceNotFoundException('The resource you requested does not exist.');
      return json(200, { Policy: policyDocument(statements), RevisionId: record.latest.RevisionId });
    },

    PutFunctionConcurrency(req, p) {
      const input = parseBody(req);
      const value = Number(input.ReservedConcurrentExecutions);
      if (!Number.isInteger(value) || value < 0)
        throw new ValidationException(
          `1 validation error detected: Value '${String(input.ReservedConcurrentExecutions)}' at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 0`,
        );
      const record = model.copy(p.FunctionName!);
      const others = [...model.functions.values()]
        .filter((f) => f.name !== record.name)
        .reduce((n, f) => n + (f.reservedConcurrency ?? 0), 0);
      if (accountConcurrency() - others - value < minUnreserved()) {
        throw new InvalidParameterValueException(
          `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${minUnreserved()}].`,
        );
      }
      record.reservedConcurrency = value;
      model.save(record);
      return json(200, { ReservedConcurrentExecutions: value });
    },

    GetFunctionConcurrency(_req, p) {
      const record = model.get(p.FunctionName!);
      return json(
        200,
        record.reservedConcurrency === undefined ? {} : { ReservedConcurrentExecutions: record.reservedConcurrency },
      );
    },

    DeleteFunctionConcurrency(_req, p) {
      const record = model.copy(p.FunctionName!);
      delete record.reservedConcurrency;
      model.save(record);
      return noContent();
    },
  };
}
