// pow for the web front end in web/: the pow you wrote for the function URL (functions/pow),
// answered with the headers that let a page from another origin read it — or the browser
// blocks the answer (CORS). Deploying bundles your functions/pow/index.ts into this function.
// TODO (CORS step): add the CORS headers to CORS_HEADERS below, then deploy again.
import { handler as pow } from '../pow/index';

const CORS_HEADERS: Record<string, string> = {};

export const handler = async (event: Parameters<typeof pow>[0]) => {
  const answer = await pow(event);
  // Every answer, errors too: a page must be able to read why its request was refused.
  return { ...answer, headers: { ...answer.headers, ...CORS_HEADERS } };
};
