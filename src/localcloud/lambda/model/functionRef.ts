// Function references as the API accepts them: a name, `name:qualifier`, a full ARN or a
// partial ARN (`123456789012:function:name`), each with an optional version or alias.
import { InvalidParameterValueException, ValidationException } from '../errors';

export interface FunctionRef {
  name: string;
  qualifier?: string;
}

const ARN = /^arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9-_]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;
const PARTIAL = /^(\d{12}):function:([a-zA-Z0-9-_]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;
const NAME = /^([a-zA-Z0-9-_]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;

export function parseFunctionRef(ref: string, qualifier?: string): FunctionRef {
  let m: RegExpExecArray | null;
  let name: string;
  let q: string | undefined;
  if ((m = ARN.exec(ref))) [name, q] = [m[3]!, m[4]];
  else if ((m = PARTIAL.exec(ref))) [name, q] = [m[2]!, m[3]];
  else if ((m = NAME.exec(ref)) && m[1]!.length <= 64) [name, q] = [m[1]!, m[2]];
  else {
    throw new ValidationException(
      `1 validation error detected: Value '${ref}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
    );
  }
  if (q !== undefined && qualifier !== undefined && q !== qualifier) {
    throw new InvalidParameterValueException(
      'The derived qualifier from the function name does not match the specified qualifier.',
    );
  }
  return { name, qualifier: qualifier ?? q };
}

export function functionArn(region: string, account: string, name: string, qualifier?: string): string {
  return `arn:aws:lambda:${region}:${account}:function:${name}${qualifier ? `:${qualifier}` : ''}`;
}
