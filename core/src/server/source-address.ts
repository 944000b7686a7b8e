import type { IncomingMessage } from 'node:http';
import net from 'node:net';

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) as "10.0.0.1". */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1] : trimmed)?.toLowerCase() ?? '';
}

/** The comma-separated `api.trusted.proxies` setting as a set of addresses. */
export function parseTrustedProxies(setting: string | undefined): Set<string> {
  return new Set(
    (setting ?? '')
      .split(',')
      .map((a) => normalizeAddress(a))
      .filter((a) => a.length > 0),
  );
}

/**
 * The address a request came from: the connection's, unless that is a trusted proxy; then the
 * X-Forwarded-For entry nearest to us that is not a trusted proxy (entries further left are the
 * client's word and can be forged). Off by default: no proxy is trusted.
 */
export function sourceAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string | undefined {
  const peer = req.socket.remoteAddress ? normalizeAddress(req.socket.remoteAddress) : undefined;
  if (!peer || !trustedProxies.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => normalizeAddress(h))
    .filter((h) => net.isIP(h) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trustedProxies.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}
