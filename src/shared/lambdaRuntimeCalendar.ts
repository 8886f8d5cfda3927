// The Lambda runtimes the local cloud runs, with AWS's deprecation calendar: the one table the
// local cloud (CreateFunction / UpdateFunctionConfiguration), `hoc lab validate` and the deployer
// all read, so none of them teaches a runtime AWS no longer accepts.
//
// Source: AWS Lambda Developer Guide, "Lambda runtimes" — supported and deprecated runtime tables
// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html). Its tables could not be
// opened here, so the rows come from the copy AWS's CloudFormation linter keeps of them:
// cfn-lint's src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json, last updated
// 2026-06-02 "from AWS docs" (AWS extended many block dates to 2027-02-01 / 2027-03-03) and
// unchanged in the repository as of 2026-08-19; read 2026-12-03. An AWS re:Post answer quoting
// the AWS table gives the same dates for python3.9. Earlier rows of this file followed the
// older calendar (nodejs20.x, python3.9–3.11 and provided.al2 blocked from 2026-08-31), which
// AWS has since moved: these runtimes are deprecated but can still be created until 2027-02-01.
// Kept in src/shared because the local cloud, the deployer and `hoc lab validate` all read it.
// Dates are the first day on which the phase applies (AWS: "starts at midnight, Pacific time").

export interface RuntimeLifecycle {
  /** Runtime identifier, as in CreateFunction's Runtime. */
  id: string;
  /** Lambda stops patching it (and support ends). */
  deprecation: string;
  /** CreateFunction with this runtime is refused from this day. */
  blockCreate: string;
  /** UpdateFunctionConfiguration / UpdateFunctionCode is refused from this day. */
  blockUpdate: string;
}

export const RUNTIME_CALENDAR_SOURCE = {
  title: 'AWS Lambda Developer Guide, "Lambda runtimes"',
  url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
  read: '2026-12-03',
} as const;

export const RUNTIME_CALENDAR = [
  { id: 'nodejs24.x', deprecation: '2028-04-30', blockCreate: '2028-06-01', blockUpdate: '2028-07-01' },
  { id: 'nodejs22.x', deprecation: '2027-04-30', blockCreate: '2027-06-01', blockUpdate: '2027-07-01' },
  { id: 'nodejs20.x', deprecation: '2026-04-30', blockCreate: '2027-02-01', blockUpdate: '2027-03-03' },
  { id: 'nodejs18.x', deprecation: '2025-09-01', blockCreate: '2027-02-01', blockUpdate: '2027-03-03' },
  { id: 'nodejs16.x', deprecation: '2024-06-12', blockCreate: '2027-02-01', blockUpdate: '2027-03-03' },
  { id: 'nodejs14.x', deprecation: '2023-12-04', blockCreate: '2024-01-09', blockUpdate: '2027-03-03' },
  { id: 'nodejs12.x', deprecation: '2023-03-31', blockCreate: '2023-03-31', blockUpdate: '2023-04-30' },
  { id: 'python3.14', deprecation: '2029-06-30', blockCreate: '2029-07-31', blockUpdate: '2029-08-31' },
  { id: 'python3.13', deprecation: '2029-06-30', blockCreate: '2029-07-31', blockUpdate: '2029-08-31' },
  { id: 'python3.12', deprecation: '2028-10-31', blockCreate: '2028-11-30', blockUpdate: '2029-01-10' },
  { id: 'python3.11', deprecation: '2027-06-30', blockCreate: '2027-07-31', blockUpdate: '2027-08-31' },
  { id: 'python3.10', deprecation: '2026-10-31', blockCreate: '2027-02-01', blockUpdate: '2027-03-03' },
  { id: 'python3.9', deprecation: '2025-12-15', blockCreate: '2027-02-01', blockUpdate: '2027-03-03' },
  { id: 'python3.8', deprecation: '2024-10-14', blockCreate: '2027-02-01', blockUpdate: '2027-03-03' },
  { id: 'python3.7', deprecation: '2023-12-04', blockCreate: '2024-01-09', blockUpdate: '2027-03-03' },
  { id: 'python3.6', deprecation: '2022-07-18', blockCreate: '2022-07-18', blockUpdate: '2022-08-29' },
  { id: 'provided.al2023', deprecation: '2029-06-30', blockCreate: '2029-07-31', blockUpdate: '2029-08-31' },
  { id: 'provided.al2', deprecation: '2026-07-31', blockCreate: '2027-02-01', blockUpdate: '2027-03-03' },
  { id: 'provided', deprecation: '2024-01-08', blockCreate: '2024-02-08', blockUpdate: '2027-03-03' },
] as const satisfies readonly RuntimeLifecycle[];

export type KnownRuntime = (typeof RUNTIME_CALENDAR)[number]['id'];

/** Every runtime identifier the table knows (the local cloud can run each of them). */
export const KNOWN_RUNTIMES: readonly KnownRuntime[] = RUNTIME_CALENDAR.map((r) => r.id);

export function runtimeLifecycle(id: string): RuntimeLifecycle | undefined {
  return RUNTIME_CALENDAR.find((r) => r.id === id);
}

/** `YYYY-MM-DD` of a moment, in UTC (the calendar's days). */
export function dayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** Is `operation` with this runtime refused on `today`? Unknown runtimes are not judged here. */
export function runtimeBlocked(id: string, operation: 'create' | 'update', today: Date = new Date()): boolean {
  const r = runtimeLifecycle(id);
  if (!r) return false;
  return dayOf(today) >= (operation === 'create' ? r.blockCreate : r.blockUpdate);
}

/** The newest runtime of the same language that can still be created on `today` (AWS names it in its error). */
export function recommendedRuntime(id: string, today: Date = new Date()): string | undefined {
  const family = /^(nodejs|python|provided)/.exec(id)?.[1];
  if (!family) return undefined;
  return RUNTIME_CALENDAR.find((r) => r.id.startsWith(family) && !runtimeBlocked(r.id, 'create', today))?.id;
}

/**
 * AWS's InvalidParameterValueException message for a blocked runtime, e.g. "The runtime parameter of
 * nodejs12.x is no longer supported for creating or updating AWS Lambda functions. We recommend you
 * use the new runtime (nodejs18.x) while creating or updating functions." (as quoted by users from
 * CloudFormation/Terraform failures, e.g. github.com/pgarbe/cdk-ecr-sync/issues/715; read 2026-12-03).
 */
export function blockedRuntimeMessage(id: string, today: Date = new Date()): string {
  const next = recommendedRuntime(id, today);
  return (
    `The runtime parameter of ${id} is no longer supported for creating or updating AWS Lambda functions.` +
    (next ? ` We recommend you use the new runtime (${next}) while creating or updating functions.` : '')
  );
}
