// Only local host names may reach the local cloud: a page on another origin that rebinds
// its DNS name to 127.0.0.1 still sends its own Host header, and is refused.
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1).toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

export function isAllowedHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = hostName(host);
  return LOCAL_HOSTS.has(name) || name.endsWith('.localhost');
}
