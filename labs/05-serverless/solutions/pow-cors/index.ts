// pow for the web front end in web/: the pow you wrote for the function URL (functions/pow),
// answered with the headers that let a page from another origin read it — or the browser
// blocks the answer (CORS). Deploying bundles your functions/pow/index.ts into this function.
// CORS step solution: any origin may read the answer (fine for a public, read-only API).
import { handler as pow } from '../pow/index';

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET,OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
};

export const handler = async (event: Parameters<typeof pow>[0]) => {
  const answer = await pow(event);
  // Every answer, errors too: a page must be able to read why its request was refused.
  return { ...answer, headers: { ...answer.headers, ...CORS_HEADERS } };
};
