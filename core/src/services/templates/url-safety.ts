import dns from 'node:dns';
import net from 'node:net';
import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';

/**
 * Where a template or ISO may be downloaded from: an http(s) URL whose host resolves only to
 * public addresses. Loopback, link-local, private (RFC 1918, unique-local), CGNAT, unspecified
 * and multicast addresses are refused, as CloudStack's secstorage.allowed.internal.sites refuses
 * them, unless the address is inside one of that setting's CIDRs. Every address the name resolves
 * to is checked (a name with one public and one internal address is refused).
 */

const INTERNAL: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const internalList = (() => {
  const list = new net.BlockList();
  for (const [address, prefix, type] of INTERNAL) list.addSubnet(address, prefix, type);
  return list;
})();

/** An IPv4-mapped IPv6 address ("::ffff:10.0.0.1") as its IPv4 address. */
function unmapped(address: string): { address: string; type: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { address: mapped[1]!, type: 'ipv4' };
  return { address, type: net.isIPv6(address) ? 'ipv6' : 'ipv4' };
}

/** Whether an address is loopback, link-local, private or otherwise not on the internet. */
export function isInternalAddress(address: string): boolean {
  const a = unmapped(address);
  return internalList.check(a.address, a.type);
}

/** The CIDR list of secstorage.allowed.internal.sites (comma-separated; bad entries are skipped). */
export function allowedSites(text: string): net.BlockList {
  const list = new net.BlockList();
  for (const entry of text.split(',').map((e) => e.trim())) {
    if (entry === '') continue;
    const [address = '', prefixText] = entry.split('/');
    const type = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined;
    if (!type) continue;
    const prefix = prefixText === undefined ? (type === 'ipv4' ? 32 : 128) : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (type === 'ipv4' ? 32 : 128)) continue;
    list.addSubnet(address, prefix, type);
  }
  return list;
}

/** Resolves a host name to all its addresses ([] when it does not resolve). */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) => {
  try {
    return (await dns.promises.lookup(host, { all: true, verbatim: true })).map((r) => r.address);
  } catch {
    return [];
  }
};

const refuse = (code: string, m: ReturnType<typeof message>) => invalidParameter(`TEMPLATE.${code}`, m);

/**
 * Checks a download URL (registerTemplate / registerIso `url`) and returns it parsed: http or
 * https only, a host that resolves, and no address outside the allowed internal sites that is
 * internal. Throws CloudStack's 431 naming the URL and, for an internal address, the address.
 */
export async function checkDownloadUrl(text: string, allowedInternal: string, resolve: Resolver): Promise<URL> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw refuse('URL', message('error.template.badUrl', { url: text }));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refuse('URL', message('error.template.badUrlScheme', { url: text }));
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = net.isIP(host) ? [host] : await resolve(host);
  if (addresses.length === 0) throw refuse('URL', message('error.template.urlUnresolved', { url: text, host }));
  const allowed = allowedSites(allowedInternal);
  for (const address of addresses) {
    const a = unmapped(address);
    if (isInternalAddress(address) && !allowed.check(a.address, a.type)) {
      throw refuse('URL_INTERNAL', message('error.template.urlInternal', { url: text, address }));
    }
  }
  return url;
}
