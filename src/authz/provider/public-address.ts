import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Loopback, private, link-local and other special-use ranges (RFC 6890): what an outbound fetch
 * of the production authorization server must never reach (SSRF). oidc-provider guards its own
 * fetches the same way; this guards the fetches Ponte makes itself.
 */
const SPECIAL_USE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) SPECIAL_USE.addSubnet(net, prefix, 'ipv4'); // prettier-ignore
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  SPECIAL_USE.addSubnet(net, prefix, 'ipv6');
}

export function isSpecialUseAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return SPECIAL_USE.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return SPECIAL_USE.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** Throws unless the URL is https and every address its host resolves to is public. */
export async function assertPublicHttpsUrl(
  url: string,
  resolve: (host: string) => Promise<string[]> = async (host) =>
    (await lookup(host, { all: true })).map((a) => a.address),
): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new Error('only https URLs are fetched');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) === 0 ? await resolve(host) : [host];
  if (addresses.length === 0 || addresses.some(isSpecialUseAddress)) {
    throw new Error(`refusing to fetch ${parsed.host}: not a public address`);
  }
}
