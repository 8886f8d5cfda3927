// GreetFunction: answers a request on its function URL.
interface UrlEvent {
  queryStringParameters?: Record<string, string>;
}

export const handler = async (event: UrlEvent) => {
  // TODO: read `name` from event.queryStringParameters and answer `Hello, ${name}!`.
  return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'TODO' };
};
