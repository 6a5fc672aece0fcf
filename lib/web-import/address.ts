/**
 * Which addresses the server may fetch for a reader. Strangers type these, so everything that is not the
 * public internet is refused: loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT,
 * multicast, reserved, and the IPv6 forms of all of them. ipaddr.js names the ranges; we only allow the
 * one it calls "unicast" (global), and for IPv6 only within 2000::/3, an embedded IPv4 judged as IPv4. The WHATWG URL parser has already turned decimal, octal and hex
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
  return new Set(
    raw
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
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
  if (literal && !isPublicAddress(literal)) throw new WebImportError('private', { host: url.hostname });
  return url;
}

export const isAllowedForTests = (url: URL, allow: ReadonlySet<string>) =>
  allow.has(`${hostOf(url)}:${url.port || PORTS[url.protocol]}`);

/** The host as written in the URL, without IPv6 brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/** The IP address a URL names directly, if it names one. */
export function ipLiteral(url: URL): string | null {
  const host = hostOf(url);
  return ipaddr.isValid(host) ? host : null;
}

/**
 * The IPv4 address an IPv6 address carries, where it is a way of reaching that IPv4 host: mapped (::ffff:0:0/96),
 * compatible (::/96), translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16). Null otherwise.
 */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const b = ip.toByteArray();
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const last = () => new ipaddr.IPv4(b.slice(12, 16));
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return last(); // mapped
  if (zero(0, 12)) return last(); // compatible, ::1 and :: included (judged as 0.0.0.1 / 0.0.0.0: refused)
  if (zero(0, 8) && b[8] === 0xff && b[9] === 0xff && zero(10, 12)) return last(); // translated (SIIT)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return last(); // NAT64
  if (b[0] === 0x20 && b[1] === 0x02) return new ipaddr.IPv4(b.slice(2, 6)); // 6to4
  return null;
}

/**
 * True only for globally routable unicast addresses, judged by what they reach: an IPv6 address that carries an
 * IPv4 one (embeddedIPv4) is judged as that IPv4 address; any other IPv6 address must be global unicast from
 * 2000::/3 (ipaddr.js calls ::/96 "unicast" too: not enough).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  const v6 = ip as ipaddr.IPv6;
  const v4 = embeddedIPv4(v6);
  if (v4) return v4.range() === 'unicast';
  const [first] = v6.toByteArray();
  return (first! & 0xe0) === 0x20 && v6.range() === 'unicast';
}
