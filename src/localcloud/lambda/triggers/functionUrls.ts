// The function URL data plane: `http://{urlId}.lambda-url.{region}.localhost:{port}/…` and
// path-style `/_aws/lambda-url/{urlId}/…`. AuthType NONE needs a resource policy allowing
// everyone both lambda:InvokeFunctionUrl and lambda:InvokeFunction (as on AWS since October
// 2025, see missingPublicUrlActions); AWS_IAM needs a SigV4-signed request.
import { AwsError } from '../../server/errors';
import type { AwsRequest, AwsResponse, CloudContext } from '../../server/types';
import type { Invocations } from '../invocations';
import type { LambdaModel } from '../model/lambdaModel';
import { missingPublicUrlActions, statementsFor } from '../model/policy';
import type { FunctionRecord, UrlConfig } from '../model/types';
import { preflightHeaders, responseCorsHeaders, stripCorsHeaders } from './cors';
import { urlEvent, urlResponse } from './urlEvent';

const HOST = /^([a-z0-9]{32})\.lambda-url\.([a-z0-9-]+)\.localhost(?::\d+)?$/i;
const PATH = /^\/_aws\/lambda-url\/([a-z0-9]{32})(\/.*)?$/;

export interface UrlMatch {
  urlId: string;
  path: string;
  domainName: string;
}

const message = (status: number, text: string, extra: Record<string, string> = {}): AwsResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...extra },
  body: JSON.stringify({ Message: text }),
});

export class FunctionUrls {
  constructor(
    private readonly ctx: CloudContext,
    private readonly model: LambdaModel,
    private readonly invocations: Invocations,
  ) {}

  match(req: AwsRequest): UrlMatch | undefined {
    const h = HOST.exec(req.host);
    if (h) return { urlId: h[1]!.toLowerCase(), path: req.rawPath || '/', domainName: req.host.replace(/:\d+$/, '') };
    const p = PATH.exec(req.rawPath);
    if (p) return { urlId: p[1]!, path: p[2] ?? '/', domainName: `${p[1]}.lambda-url.${this.ctx.region}.localhost` };
    return undefined;
  }

  private find(urlId: string): { record: FunctionRecord; qualifier: string; url: UrlConfig } | undefined {
    for (const record of this.model.functions.values()) {
      for (const [qualifier, url] of Object.entries(record.urls))
        if (url.urlId === urlId) return { record, qualifier, url };
    }
    return undefined;
  }

  async serve(req: AwsRequest, m: UrlMatch, signed: boolean): Promise<AwsResponse> {
    const found = this.find(m.urlId);
    if (!found) return message(404, 'Not Found');
    const { url, record, qualifier } = found;
    const name = record.name;
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const preflightMethod = req.headers['access-control-request-method'];
    if (url.Cors && req.method === 'OPTIONS' && origin && typeof preflightMethod === 'string') {
      const headers = preflightHeaders(
        url.Cors,
        origin,
        preflightMethod,
        String(req.headers['access-control-request-headers'] ?? ''),
      );
      return { status: 200, headers: { ...headers, 'x-amzn-requestid': req.requestId }, body: '' };
    }
    // AWS answers a refused URL request 403 {"Message":"Forbidden"}, typed AccessDeniedException.
    const forbidden = () => message(403, 'Forbidden', { 'x-amzn-errortype': 'AccessDeniedException' });
    if (url.AuthType === 'AWS_IAM' && !signed) return forbidden();
    const missing = url.AuthType === 'NONE' ? missingPublicUrlActions(statementsFor(record, qualifier)) : [];
    if (missing.length) {
      this.ctx.log(
        `lambda: function URL of ${name} refused an unauthenticated request: its resource policy does not allow ${missing.join(' and ')} for principal "*". ` +
          'A public URL needs both: AddPermission --action lambda:InvokeFunctionUrl --function-url-auth-type NONE, and --action lambda:InvokeFunction --invoked-via-function-url.',
      );
      return forbidden();
    }
    const event = urlEvent(req, {
      urlId: m.urlId,
      domainName: m.domainName,
      accountId: this.ctx.accountId,
      path: m.path,
      iam: signed && req.accessKeyId ? { accessKey: req.accessKeyId, accountId: this.ctx.accountId } : undefined,
    });
    let answer: AwsResponse;
    try {
      const result = await this.invocations.invoke(name, Buffer.from(JSON.stringify(event)), {
        invocationType: 'RequestResponse',
        qualifier: qualifier || undefined,
        signal: req.signal,
      });
      if (result.functionError)
        answer = { status: 502, headers: { 'content-type': 'application/json' }, body: 'Internal Server Error' };
      else {
        const r = urlResponse(result.payload);
        answer = { status: r.status, headers: r.headers, body: r.body };
      }
    } catch (e) {
      if (e instanceof AwsError && e.code === 'TooManyRequestsException') answer = message(429, 'Rate Exceeded.');
      else if (e instanceof AwsError && e.status === 413) answer = message(413, 'Request Entity Too Large');
      else throw e;
    }
    const headers = { ...(answer.headers ?? {}), 'x-amzn-requestid': req.requestId };
    if (url.Cors) {
      stripCorsHeaders(headers);
      Object.assign(headers, responseCorsHeaders(url.Cors, origin));
    }
    return { ...answer, headers };
  }
}
