// State machine operations: create (idempotent as AWS), describe, update, delete, list, tags
// and definition validation.
import { randomUUID } from 'node:crypto';
import { stateMachineArn, requireArnType, validateName, type ArnContext } from './arns';
import {
  InvalidArn,
  InvalidDefinition,
  InvalidLoggingConfiguration,
  ResourceNotFound,
  StateMachineAlreadyExists,
  StateMachineDoesNotExist,
  ValidationException,
} from '../errors';
import type { MachineType, SfnStore, StateMachineRecord } from './store';
import { TIME_SCALE_TAG, parseTimeScale } from './timeScale';
import { describeProblems, diagnose, type Diagnostic } from './validation';
import { logGroupOf } from './executionLogs';

export interface CreateMachineInput {
  name?: unknown;
  definition?: unknown;
  roleArn?: unknown;
  type?: unknown;
  tags?: unknown;
  loggingConfiguration?: unknown;
  tracingConfiguration?: unknown;
  description?: unknown;
}

export class MachineOps {
  constructor(
    private readonly arns: ArnContext,
    private readonly store: SfnStore,
  ) {}

  get(arn: unknown): StateMachineRecord {
    requireArnType(arn, 'stateMachine');
    const m = this.store.machines.get(arn as string);
    if (!m) throw new StateMachineDoesNotExist(String(arn));
    return m;
  }

  find(arn: string): StateMachineRecord | undefined {
    return this.store.machines.get(arn);
  }

  create(input: CreateMachineInput): StateMachineRecord {
    const name = validateName(input.name);
    const type = parseType(input.type);
    const definition = requireDefinition(input.definition, type);
    const roleArn = requireRole(input.roleArn);
    const tags = parseTags(input.tags);
    const arn = stateMachineArn(this.arns, name);
    const existing = this.store.machines.get(arn);
    if (existing) {
      // Same name and same configuration: AWS answers with the existing machine.
      if (existing.definition === definition && existing.roleArn === roleArn && existing.type === type) return existing;
      throw new StateMachineAlreadyExists(arn);
    }
    const machine: StateMachineRecord = {
      arn,
      name,
      type,
      definition,
      roleArn,
      description: typeof input.description === 'string' ? input.description : undefined,
      creationDate: Date.now(),
      revisionId: randomUUID(),
      loggingConfiguration: parseLogging(input.loggingConfiguration) ?? { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: (input.tracingConfiguration as Record<string, unknown>) ?? { enabled: false },
      tags,
    };
    this.store.commit({ t: 'machinePut', machine });
    return machine;
  }

  update(input: {
    stateMachineArn?: unknown;
    definition?: unknown;
    roleArn?: unknown;
    loggingConfiguration?: unknown;
    tracingConfiguration?: unknown;
  }): StateMachineRecord {
    const current = this.get(input.stateMachineArn);
    if (
      input.definition === undefined &&
      input.roleArn === undefined &&
      input.loggingConfiguration === undefined &&
      input.tracingConfiguration === undefined
    ) {
      throw new ValidationException(
        'Either the definition, the roleArn, the loggingConfiguration or the tracingConfiguration must be specified',
      );
    }
    const next: StateMachineRecord = {
      ...current,
      definition:
        input.definition === undefined ? current.definition : requireDefinition(input.definition, current.type),
      roleArn: input.roleArn === undefined ? current.roleArn : requireRole(input.roleArn),
      loggingConfiguration: parseLogging(input.loggingConfiguration) ?? current.loggingConfiguration,
      tracingConfiguration: (input.tracingConfiguration as Record<string, unknown>) ?? current.tracingConfiguration,
      updateDate: Date.now(),
      revisionId: randomUUID(),
    };
    this.store.commit({ t: 'machinePut', machine: next });
    return next;
  }

  delete(arn: unknown): void {
    requireArnType(arn, 'stateMachine');
    // Deleting a machine that does not exist succeeds on AWS.
    if (this.store.machines.has(arn as string)) this.store.commit({ t: 'machineDelete', arn: arn as string });
  }

  list(): StateMachineRecord[] {
    return [...this.store.machines.values()].sort((a, b) => a.creationDate - b.creationDate);
  }

  tag(arn: unknown, tags: unknown): void {
    const m = this.getForTags(arn);
    this.store.commit({ t: 'machinePut', machine: { ...m, tags: { ...m.tags, ...parseTags(tags) } } });
  }

  untag(arn: unknown, keys: unknown): void {
    const m = this.getForTags(arn);
    if (!Array.isArray(keys)) throw new ValidationException('tagKeys must be a list of strings');
    const tags = { ...m.tags };
    for (const k of keys) delete tags[String(k)];
    this.store.commit({ t: 'machinePut', machine: { ...m, tags } });
  }

  getForTags(arn: unknown): StateMachineRecord {
    const m = typeof arn === 'string' ? this.store.machines.get(arn) : undefined;
    if (!m) throw new ResourceNotFound(String(arn));
    return m;
  }

  validate(definition: unknown, type: unknown): Diagnostic[] {
    if (typeof definition !== 'string')
      throw new ValidationException(
        "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must not be null",
      );
    return diagnose(definition, parseType(type));
  }
}

function parseLogging(config: unknown): Record<string, unknown> | undefined {
  if (config === undefined || config === null) return undefined;
  const c = config as { level?: unknown; includeExecutionData?: unknown; destinations?: unknown };
  const level = c.level ?? 'OFF';
  if (!['ALL', 'ERROR', 'FATAL', 'OFF'].includes(String(level))) {
    throw new ValidationException(
      `1 validation error detected: Value '${String(level)}' at 'loggingConfiguration.level' failed to satisfy constraint: Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]`,
    );
  }
  const destinations = Array.isArray(c.destinations) ? c.destinations : [];
  if (level !== 'OFF' && (destinations.length !== 1 || logGroupOf({ level: 'ALL', destinations }) === undefined)) {
    throw new InvalidLoggingConfiguration(
      'Must specify exactly one Log Destination, a CloudWatch Logs log group ARN (arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*).',
    );
  }
  return {
    level,
    includeExecutionData: c.includeExecutionData === true,
    ...(destinations.length ? { destinations } : {}),
  };
}

function parseType(type: unknown): MachineType {
  if (type === undefined || type === null) return 'STANDARD';
  if (type !== 'STANDARD' && type !== 'EXPRESS')
    throw new ValidationException(
      `1 validation error detected: Value '${String(type)}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]`,
    );
  return type;
}

function requireDefinition(definition: unknown, type: MachineType): string {
  if (typeof definition !== 'string')
    throw new ValidationException(
      "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null",
    );
  const problems = diagnose(definition, type);
  if (problems.some((p) => p.severity === 'ERROR')) throw new InvalidDefinition(describeProblems(problems));
  return definition;
}

function requireRole(roleArn: unknown): string {
  if (typeof roleArn !== 'string' || !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(roleArn)) {
    throw new InvalidArn(String(roleArn), `Invalid Role Arn: '${String(roleArn)}'`);
  }
  return roleArn;
}

function parseTags(tags: unknown): Record<string, string> {
  if (tags === undefined || tags === null) return {};
  if (!Array.isArray(tags)) throw new ValidationException('tags must be a list of {key, value}');
  const out: Record<string, string> = {};
  for (const t of tags as Array<{ key?: unknown; value?: unknown }>) {
    if (typeof t?.key !== 'string') throw new ValidationException('Every tag needs a key');
    const value = typeof t.value === 'string' ? t.value : '';
    if (t.key === TIME_SCALE_TAG && parseTimeScale(value) === undefined) {
      throw new ValidationException(
        `The tag '${TIME_SCALE_TAG}' must be a non-negative number (e.g. 0.01 makes Wait states 100 times faster), not '${value}'.`,
      );
    }
    out[t.key] = value;
  }
  return out;
}
