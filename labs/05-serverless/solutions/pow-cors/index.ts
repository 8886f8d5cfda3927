// pow for the web front end in web/. The browser calls this function from another origin,
// so the response must say which origins may read it — or the browser blocks it (CORS).
// CORS step solution: any origin may read the answer (fine for a public, read-only API).

interface HttpEvent {
  queryStringParameters?: Record<string, string | undefined> | null;
}

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET,OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
};

function reply(statusCode: number, body: unknown) {
  return { statusCode, headers: { 'Content-Type': 'application/json', ...CORS_HEADERS }, body: JSON.stringify(body) };
}

export const handler = async (event: HttpEvent) => {
  const query = event.queryStringParameters ?? {};
  const x = Number(query.x);
  const y = Number(query.y);
  if (query.x === undefined || query.y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
    return reply(400, { error: 'Query parameters x and y must be numbers, e.g. ?x=2&y=10.' });
  }
  return reply(200, { x, y, result: x ** y });
};
