// GetFunction's Code.Location. AWS answers "a presigned URL that you can use to download the
// deployment package", valid for 10 minutes (Lambda API reference, FunctionCodeLocation, read
// 2026-12-03). Here it is a URL of the local cloud presigned with its own credentials, so
// fetching it needs no SDK, and nobody without the credentials can read a function's code.
import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../server/presignSigner';
import type { CloudContext } from '../../server/types';

const VALID_SECONDS = 600;

export async function codeLocation(ctx: CloudContext, functionName: string, version: string): Promise<string> {
  const url = new URL(
    `${ctx.endpoint}/_localcloud/lambda/code/${encodeURIComponent(functionName)}/${encodeURIComponent(version)}`,
  );
  const signer = new SignatureV4({
    service: 'lambda',
    region: ctx.region,
    credentials: ctx.credentials,
    sha256: NodeSha256,
    uriEscapePath: true,
  });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      query: {},
      headers: { host: url.host },
    },
    { expiresIn: VALID_SECONDS },
  );
  for (const [k, v] of Object.entries(presigned.query ?? {})) {
    for (const one of Array.isArray(v) ? v : [v])
      if (one !== null && one !== undefined) url.searchParams.append(k, one);
  }
  return url.toString();
}
