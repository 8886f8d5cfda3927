// ARNs and names of state machines and executions.
import { InvalidArn, InvalidName } from '../errors';

export interface ArnContext {
  region: string;
  accountId: string;
}

export const stateMachineArn = (c: ArnContext, name: string) =>
  `arn:aws:states:${c.region}:${c.accountId}:stateMachine:${name}`;
export const executionArn = (c: ArnContext, machine: string, name: string) =>
  `arn:aws:states:${c.region}:${c.accountId}:execution:${machine}:${name}`;
export const expressExecutionArn = (c: ArnContext, machine: string, name: string, id: string) =>
  `arn:aws:states:${c.region}:${c.accountId}:express:${machine}:${name}:${id}`;

const ARN = /^arn:aws[a-z-]*:states:([a-z0-9-]+):(\d{12}):([A-Za-z]+):(.+)$/;

export interface ParsedArn {
  region: string;
  accountId: string;
  resourceType: string;
  /** The parts after the resource type. */
  parts: string[];
}

export function parseArn(arn: unknown): ParsedArn {
  if (typeof arn !== 'string') throw new InvalidArn(String(arn));
  const m = ARN.exec(arn);
  if (!m) throw new InvalidArn(arn);
  return { region: m[1]!, accountId: m[2]!, resourceType: m[3]!, parts: m[4]!.split(':') };
}

/** Checks the ARN names a resource of `type` (stateMachine, execution). */
export function requireArnType(arn: unknown, type: string): ParsedArn {
  const parsed = parseArn(arn);
  if (parsed.resourceType !== type)
    throw new InvalidArn(String(arn), `Resource type not valid in this context: ${parsed.resourceType}`);
  return parsed;
}

// Names: 1–80 characters without whitespace, brackets, wildcards, punctuation or control characters.
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/;

export function validateName(name: unknown): string {
  if (typeof name !== 'string' || name.length < 1 || name.length > 80 || FORBIDDEN.test(name))
    throw new InvalidName(String(name));
  return name;
}
