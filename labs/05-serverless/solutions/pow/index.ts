// pow over HTTP: GET ?x=2&y=10 → {"x":2,"y":10,"result":1024}. Works behind a function URL
// (payload format 2.0) and behind an API Gateway Lambda proxy integration (format 1.0):
// both put the query string in event.queryStringParameters.

interface HttpEvent {
  queryStringParameters?: Record<string, string | undefined> | null;
}

interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

function reply(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

/** A finite number from a query parameter, or a sentence saying what is wrong. */
function parseNumber(name: string, raw: string | undefined): number | string {
  if (raw === undefined || raw.trim() === '') return `Query parameter '${name}' is required, e.g. ?x=2&y=10.`;
  const value = Number(raw);
  if (!Number.isFinite(value)) return `Query parameter '${name}' must be a number, not '${raw}'.`;
  return value;
}

export const handler = async (event: HttpEvent): Promise<HttpResult> => {
  const query = event.queryStringParameters ?? {};
  const x = parseNumber('x', query.x);
  const y = parseNumber('y', query.y);
  if (typeof x === 'string') return reply(400, { error: x });
  if (typeof y === 'string') return reply(400, { error: y });
  const result = x ** y;
  if (!Number.isFinite(result)) return reply(400, { error: `${x}^${y} is too large to represent.` });
  return reply(200, { x, y, result });
};
