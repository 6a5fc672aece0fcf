/**
 * Who is asking, for the rate limit: an address the client cannot write. The peer address is what the server's
 * own socket sees (scripts/serve.mjs hands it to the route in a header only it can sign); a forwarding header
 * counts only as far as the hops that wrote it are proxies the operator trusts (WEB_IMPORT_TRUSTED_PROXIES),
 * read from the right: the right-most address that is not a trusted proxy is the client.
 */
import ipaddr from 'ipaddr.js';

/** Set by scripts/serve.mjs on every request, overwriting whatever a client sent: `<token> <address>`. */
export const PEER_HEADER = 'x-tweetalig-peer';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

const normalise = (address: string): ipaddr.IPv4 | ipaddr.IPv6 | null => {
  const bare = address
    .trim()
    .replace(/^\[(.*)\](:\d+)?$/, '$1')
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
  if (!ipaddr.isValid(bare)) return null;
  const ip = ipaddr.parse(bare);
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress() ? (ip as ipaddr.IPv6).toIPv4Address() : ip;
};

/** "127.0.0.1, 10.0.0.0/8, ::1" → ranges; anything unreadable is left out (and trusted for nothing). */
export function parseTrustedProxies(raw = process.env.WEB_IMPORT_TRUSTED_PROXIES ?? ''): Range[] {
  return raw.split(',').flatMap((entry): Range[] => {
    const text = entry.trim();
    if (!text) return [];
    try {
      if (text.includes('/')) return [ipaddr.parseCIDR(text)];
      const ip = normalise(text);
      return ip ? [[ip, ip.kind() === 'ipv4' ? 32 : 128]] : [];
    } catch {
      return [];
    }
  });
}

const trusted = (ip: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]) =>
  ranges.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range as never, bits));

/** The peer address the server saw, if serve.mjs vouched for it with this process's token. */
export function peerAddress(headers: Headers, token = process.env.TWEETALIG_PEER_TOKEN): string | null {
  const value = headers.get(PEER_HEADER);
  if (!token || !value) return null;
  const [given, address] = value.split(' ');
  return given === token && address ? address : null;
}

/**
 * The client's address: the peer, or, where the peer is a trusted proxy, the right-most X-Forwarded-For hop that
 * is not one. Null when the server does not know its peer (run by plain `next start`).
 */
export function clientAddress(
  headers: Headers,
  ranges: Range[] = parseTrustedProxies(),
  token?: string,
): string | null {
  const peer = peerAddress(headers, token);
  if (!peer) return null;
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length; i >= 0; i--) {
    const ip = normalise(client);
    if (!ip || !trusted(ip, ranges) || i === 0) break;
    client = hops[i - 1]!;
  }
  const ip = normalise(client);
  return ip ? ip.toNormalizedString() : client;
}
