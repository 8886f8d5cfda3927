// The four lines `hoc cloud` prints first; tools parse them.
import type { LocalCloud } from './server/localCloud';

export function bannerLines(cloud: LocalCloud): string[] {
  return [
    `endpoint ${cloud.endpoint}`,
    `aws_access_key_id ${cloud.credentials.accessKeyId}`,
    `aws_secret_access_key ${cloud.credentials.secretAccessKey}`,
    `region ${cloud.region}`,
  ];
}

export function parseBanner(
  text: string,
): { endpoint: string; accessKeyId: string; secretAccessKey: string; region: string } | undefined {
  const get = (key: string) => new RegExp(`^${key} (\\S+)$`, 'm').exec(text)?.[1];
  const endpoint = get('endpoint');
  const accessKeyId = get('aws_access_key_id');
  const secretAccessKey = get('aws_secret_access_key');
  const region = get('region');
  if (!endpoint || !accessKeyId || !secretAccessKey || !region) return undefined;
  return { endpoint, accessKeyId, secretAccessKey, region };
}
