// The target a `hoc lab` command acts on. `local` starts a fresh in-process local cloud unless
// HOC_ENDPOINT names a running one (credentials from HOC_ACCESS_KEY_ID / HOC_SECRET_ACCESS_KEY,
// else AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY — the four lines `hoc cloud` prints).
import { resolveTarget, TARGET_KINDS, type Target, type TargetKind } from '../../cloud';
import { startLocalCloud, type LocalCloud } from '../../localcloud';
import { CliError } from '../command';

export interface TargetArgs {
  target?: string;
  profile?: string;
  region?: string;
  suffix?: string;
  endpoint?: string;
  role?: string;
  /** Template parameter values, already checked against the lesson. */
  parameters?: Record<string, string>;
}

export interface OpenedTarget {
  target: Target;
  /** The in-process local cloud, when this command started one. */
  cloud?: LocalCloud;
  close(): Promise<void>;
}

export function targetKind(value: string | undefined): TargetKind {
  const kind = (value ?? 'local') as TargetKind;
  if (!TARGET_KINDS.includes(kind))
    throw new CliError(`--target must be one of ${TARGET_KINDS.join(', ')}, not '${value}'.`, 2);
  return kind;
}

export async function openTarget(args: TargetArgs, startIfLocal = true): Promise<OpenedTarget> {
  const kind = targetKind(args.target);
  const common = { region: args.region, suffix: args.suffix, parameters: args.parameters };
  try {
    if (kind === 'local') {
      const endpoint = args.endpoint ?? process.env.HOC_ENDPOINT;
      if (endpoint) {
        const accessKeyId = process.env.HOC_ACCESS_KEY_ID ?? process.env.AWS_ACCESS_KEY_ID;
        const secretAccessKey = process.env.HOC_SECRET_ACCESS_KEY ?? process.env.AWS_SECRET_ACCESS_KEY;
        if (!accessKeyId || !secretAccessKey)
          throw new CliError(
            `HOC_ENDPOINT is set but no credentials: set HOC_ACCESS_KEY_ID and HOC_SECRET_ACCESS_KEY to what 'hoc cloud' printed.`,
          );
        return {
          target: resolveTarget({ kind, endpoint, credentials: { accessKeyId, secretAccessKey }, ...common }),
          close: async () => undefined,
        };
      }
      if (!startIfLocal)
        throw new CliError(
          `There is no running local cloud to act on: 'hoc lab run --target local' uses a fresh one each time. Set HOC_ENDPOINT (and HOC_ACCESS_KEY_ID / HOC_SECRET_ACCESS_KEY) to act on a running 'hoc cloud'.`,
        );
      const cloud = await startLocalCloud({ port: 0, log: () => undefined });
      return {
        target: resolveTarget({
          kind,
          endpoint: cloud.endpoint,
          credentials: { ...cloud.credentials },
          region: cloud.region,
          suffix: args.suffix,
          parameters: args.parameters,
        }),
        cloud,
        close: () => cloud.stop(),
      };
    }
    if (kind === 'localstack')
      return { target: resolveTarget({ kind, endpoint: args.endpoint, ...common }), close: async () => undefined };
    return {
      target: resolveTarget({ kind, profile: args.profile, lambdaRole: args.role, ...common }),
      close: async () => undefined,
    };
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError((e as Error).message);
  }
}
