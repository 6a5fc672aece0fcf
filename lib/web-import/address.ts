/**
 * Which addresses the server may fetch for a reader. Strangers type these, so everything that is not the
 * public internet is refused: loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT,
 * multicast, reserved, and the IPv6 forms of all of them. ipaddr.js names the ranges; we only allow the
 * one it calls "unicast" (global). The WHATWG URL parser has already turned decimal, octal and hex
 * spellings (http://2130706433/, http://0177.0.0.1/) into dotted IPv4 by the time we look.
 */
import ipaddr from 'ipaddr.js';
import { WebImportError } from './errors';

const PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Host:port pairs the fixture sites of the tests listen on. Inlined at build time (next.config.mjs) and
 * empty unless the build was made for the browser tests: no setting at run time can turn it on.
 */
export function testAllowList(raw = process.env.WEB_IMPORT_TEST_ALLOW ?? ''): ReadonlySet<string> {
  return new Set(raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
}

/**
 * An address as typed, with https:// put in front of a bare host ("nos.nl/…", "www.nu.nl:443/…"), as a
 * browser's address bar does. Anything that names a scheme ("ftp:", "javascript:") is left as it is, so
 * it is refused for its scheme.
 */
export function withScheme(typed: string): string {
  const text = typed.trim();
  if (text.startsWith('//')) return `https:${text}`;
  return /^[a-z][a-z\d+.-]*:(?!\d)/i.test(text) ? text : `https://${text}`;
}

/** The address as a URL the server may try, or a refusal. Checks what the text alone tells. */
export function checkUrl(raw: string, allow: ReadonlySet<string> = new Set()): URL {
  let url: URL;
  try {
    url = new URL(withScheme(raw));
  } catch {
    throw new WebImportError('invalid');
  }
  if (!(url.protocol in PORTS)) throw new WebImportError('scheme', { scheme: url.protocol.replace(/:$/, '') });
  if (url.username || url.password) throw new WebImportError('credentials');
  const port = url.port || PORTS[url.protocol]!;
  if (allow.has(`${hostOf(url)}:${port}`)) return url;
  if (port !== PORTS[url.protocol]) throw new WebImportError('port', { port });
  const literal = ipLiteral(url);
  if (literal && !isPublicAddress(literal)) throw new WebImportError('private', { address: literal });
  return url;
}

export const isAllowedForTests = (url: URL, allow: ReadonlySet<string>) => allow.has(`${hostOf(url)}:${url.port || PORTS[url.protocol]}`);

/** The host as written in the URL, without IPv6 brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/** The IP address a URL names directly, if it names one. */
export function ipLiteral(url: URL): string | null {
  const host = hostOf(url);
  return ipaddr.isValid(host) ? host : null;
}

/** True only for globally routable unicast addresses; IPv4-mapped IPv6 is judged as the IPv4 it maps. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}
