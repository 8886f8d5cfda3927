// Who is calling: the local cloud has one account (000000000000) and one set of credentials,
// those of its root user. For the root user AWS gives the account id as the user id and
// `arn:aws:iam::ACCOUNT:root` as the ARN (IAM User Guide, "Policy variables" principal
// table, aws:userid; STS API Reference GetCallerIdentity; read 2026-12-03).
export interface CallerIdentity {
  UserId: string;
  Account: string;
  Arn: string;
}

export function callerIdentity(accountId: string): CallerIdentity {
  return { UserId: accountId, Account: accountId, Arn: `arn:aws:iam::${accountId}:root` };
}

/**
 * The account an access key belongs to. Every key the local cloud accepts is its own, so the
 * answer is its one account (GetAccessKeyInfo answers for any syntactically valid key id).
 */
export function accessKeyAccount(accountId: string): { Account: string } {
  return { Account: accountId };
}
