// What to do about the AWS errors students meet most when deploying.

const HINTS: Record<string, string> = {
  QueueDeletedRecently:
    'AWS needs 60 seconds after a queue is deleted before one with the same name is created; wait a minute and deploy again.',
  'AWS.SimpleQueueService.QueueDeletedRecently':
    'AWS needs 60 seconds after a queue is deleted before one with the same name is created; wait a minute and deploy again.',
  BucketAlreadyExists:
    'bucket names are global on AWS and someone else has this one; set a name suffix (your initials) in the settings or with --suffix.',
  BucketAlreadyOwnedByYou:
    'the bucket already exists in your account (perhaps in another region); delete it or set a name suffix.',
  AccessDenied:
    "your AWS credentials may not do this; on AWS Academy use the lab's credentials (the role LabRole is used for functions).",
  AccessDeniedException:
    "your AWS credentials may not do this; on AWS Academy use the lab's credentials (the role LabRole is used for functions).",
  ExpiredToken:
    'your AWS session has expired; sign in again (aws sso login --profile NAME, or fresh AWS Academy credentials).',
  ExpiredTokenException:
    'your AWS session has expired; sign in again (aws sso login --profile NAME, or fresh AWS Academy credentials).',
  UnrecognizedClientException: 'AWS does not recognise these credentials; check the profile or the keys.',
  InvalidClientTokenId: 'AWS does not recognise these credentials; check the profile or the keys.',
  CredentialsProviderError:
    'no AWS credentials were found; run aws configure (or aws sso login --profile NAME) or choose a profile.',
  TooManyRequestsException: 'AWS is throttling requests; wait a little and deploy again.',
};

export function hintFor(error: unknown): string | undefined {
  const name = (error as { name?: string; Code?: string })?.name ?? (error as { Code?: string })?.Code;
  return name ? HINTS[name] : undefined;
}
