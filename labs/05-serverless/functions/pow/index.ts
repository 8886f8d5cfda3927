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

export const handler = async (event: HttpEvent): Promise<HttpResult> => {
  const query = event.queryStringParameters ?? {};
  // TODO: answer x to the power y.
  // - query.x and query.y are strings, or undefined when the request leaves them out.
  // - Both present and numbers: reply(200, { x, y, result }) with result = x ** y.
  // - Missing, empty or not a number (e.g. ?x=abc): reply(400, { error: '...' }) with a sentence
  //   that says which parameter is wrong. A function URL forwards every request, so checking
  //   the input is the function's job.
  return reply(501, { error: 'pow is not written yet', query });
};
