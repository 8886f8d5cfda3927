// HTTP requests to what a lesson deployed (function URLs, API Gateway stages).
import type { ActionResult } from '../../shared/lessonResults';
import type { LabSession } from '../session';

export interface HttpExchange {
  url: string;
  method: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  durationMs: number;
}

export async function httpRequest(
  session: LabSession,
  spec: { url: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<HttpExchange> {
  const url = session.expand(spec.url);
  const method = (spec.method ?? 'GET').toUpperCase();
  const headers = session.expandDeep(spec.headers ?? {});
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: spec.body === undefined || method === 'GET' || method === 'HEAD' ? undefined : session.expand(spec.body),
      signal: AbortSignal.timeout(30_000),
      redirect: 'manual',
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new Error(`${method} ${url} could not connect (${cause}); is it deployed on ${session.target.kind}?`);
  }
  const body = await res.text();
  if (/execute-api|restapis/.test(url)) session.usage.apiRequests.rest++;
  return {
    url,
    method,
    status: res.status,
    headers: Object.fromEntries(res.headers.entries()),
    body,
    durationMs: performance.now() - started,
  };
}

export async function httpAction(
  session: LabSession,
  a: { id: string; url: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<ActionResult> {
  const x = await httpRequest(session, a);
  return {
    actionId: a.id,
    ok: x.status < 500,
    summary: `${x.method} ${x.url} → ${x.status}: ${x.body.slice(0, 200)}`,
    outcome: { kind: 'http', ...x },
  };
}
