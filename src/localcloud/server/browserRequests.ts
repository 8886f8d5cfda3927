// Recognising a web page's cross-site request from its headers alone. `--no-auth` relaxes
// *credentials* (any access key works, LocalStack-style), never *origin*: a page on another
// site must not create or invoke functions through the student's local cloud. The AWS CLI,
// the SDKs and Terraform send no Origin, Referer or Sec-Fetch-* headers and always sign, so
// they are never mistaken for a page.
import type { IncomingHttpHeaders } from 'node:http';
import { isAllowedHost } from './hostCheck';

/**
 * Content types a page may POST cross-site without a CORS preflight (the Fetch standard's
 * CORS-safelisted request header `content-type`); a POST with no content type is simple too.
 */
const SIMPLE_CONTENT_TYPES = ['text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded'];

/** Whether an origin (`scheme://host[:port]`) is a page served from this machine. */
export function isLocalOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isAllowedHost(url.host);
  } catch {
    return false; // `null` (sandboxed frames, file: pages) and anything unparsable
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Why the request looks like a web page's cross-site request, or undefined when it does not.
 * `signed`: whether it carries a SigV4 signature (header or presigned query).
 */
export function crossSiteReason(method: string, headers: IncomingHttpHeaders, signed: boolean): string | undefined {
  const origin = header(headers, 'origin');
  if (origin !== undefined && !isLocalOrigin(origin)) return `it comes from a web page on ${origin}`;
  // Fetch Metadata: sent by every current browser, on navigations and subresources too.
  const site = header(headers, 'sec-fetch-site');
  if (site === 'cross-site') return 'it comes from a web page on another site (Sec-Fetch-Site: cross-site)';
  const mode = header(headers, 'sec-fetch-mode');
  if ((mode === 'no-cors' || mode === 'navigate') && site !== undefined && site !== 'same-origin' && site !== 'none') {
    return `it is a ${mode} request from a web page (Sec-Fetch-Site: ${site})`;
  }
  const referer = header(headers, 'referer');
  if (origin === undefined && referer !== undefined && !isLocalOrigin(referer))
    return `it comes from a web page on ${referer}`;
  // Browsers older than Fetch Metadata: a form or text POST needs no preflight, and no SDK
  // sends one unsigned.
  if (!signed && method === 'POST') {
    const type = (header(headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === '' || SIMPLE_CONTENT_TYPES.includes(type))
      return `an unsigned POST with ${type === '' ? 'no content type' : `Content-Type: ${type}`} is what a web form sends`;
  }
  return undefined;
}
