// GreetFunction: answers a request on its function URL.
interface UrlEvent {
  queryStringParameters?: Record<string, string>;
}

export const handler = async (event: UrlEvent) => {
  const name = event.queryStringParameters?.name ?? 'world';
  return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: `Hello, ${name}!` };
};
