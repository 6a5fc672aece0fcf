/**
 * The one way the server fetches an address a reader typed. The host name is resolved once, every address
 * it resolves to is checked, and the connection goes to the checked address itself (the Host header and TLS
 * name stay the host's), so a second DNS answer cannot point the request somewhere else (DNS rebinding).
 * Redirects are followed by hand, each new address checked the same way. Limits: 5 redirects, 5 MB, 10 s
 * for everything together, HTML or plain text (or what the caller accepts) only.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { checkUrl, hostOf, ipLiteral, isAllowedForTests, isPublicAddress } from './address';
import { WebImportError } from './errors';

export const LIMITS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 5 };

export interface FetchOptions {
  /** Media types (without parameters) the caller can read. */
  accept: readonly string[];
  allow?: ReadonlySet<string>;
  /** Resolves a host name to its addresses; the system resolver unless a test injects one. */
  resolve?: (host: string) => Promise<string[]>;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

export interface Fetched {
  /** Where the text came from after redirects. */
  url: string;
  type: string;
  text: string;
}

const systemResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export async function safeFetch(raw: string, options: FetchOptions): Promise<Fetched> {
  const { timeoutMs = LIMITS.timeoutMs } = options;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new WebImportError('timeout', { seconds: Math.round(timeoutMs / 1000) }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([follow(raw, options, abort.signal), deadline]);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

async function follow(raw: string, options: FetchOptions, signal: AbortSignal): Promise<Fetched> {
  const { allow = new Set<string>(), maxRedirects = LIMITS.maxRedirects } = options;
  let url = checkUrl(raw, allow);
  for (let hop = 0; ; hop++) {
    const address = await addressOf(url, allow, options.resolve ?? systemResolve);
    const response = await get(url, address, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= maxRedirects) throw new WebImportError('redirects', { max: maxRedirects });
      url = checkUrl(new URL(response.headers.location, url).href, allow);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new WebImportError('status', { status });
    }
    const [type = '', ...params] = (response.headers['content-type'] ?? '')
      .split(';')
      .map((s) => s.trim().toLowerCase());
    if (!options.accept.includes(type)) {
      response.resume();
      throw new WebImportError('type', { type: type || '?' });
    }
    const bytes = await readAll(response, options.maxBytes ?? LIMITS.maxBytes);
    const charset =
      params
        .find((p) => p.startsWith('charset='))
        ?.slice(8)
        .replace(/"/g, '') ?? sniffCharset(bytes);
    return { url: url.href, type, text: decode(bytes, charset) };
  }
}

/** The one address the request will go to, after checking every address the name has. */
async function addressOf(
  url: URL,
  allow: ReadonlySet<string>,
  resolve: (host: string) => Promise<string[]>,
): Promise<string> {
  const literal = ipLiteral(url);
  if (literal) return literal; // checkUrl has judged it
  let addresses: string[];
  try {
    addresses = await resolve(hostOf(url));
  } catch {
    throw new WebImportError('unresolved', { host: url.hostname });
  }
  if (addresses.length === 0) throw new WebImportError('unresolved', { host: url.hostname });
  if (!isAllowedForTests(url, allow)) {
    // One private address among public ones is enough to refuse: the name is not the public internet's.
    // Said with the host as typed, never what it resolved to: a refusal must not map anyone's internal DNS.
    if (addresses.some((a) => !isPublicAddress(a))) throw new WebImportError('private', { host: url.hostname });
  }
  return addresses[0]!;
}

function get(url: URL, address: string, signal: AbortSignal): Promise<http.IncomingMessage> {
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request({
      host: address,
      family: isIP(address),
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      // TLS checks the certificate against the name the reader typed, not the address we connect to.
      servername: secure && !isIP(hostOf(url)) ? hostOf(url) : undefined,
      headers: {
        host: url.host,
        'user-agent': 'Tweetalig/0.1 (reader import; +https://github.com/)',
        accept:
          'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/xml;q=0.9,text/plain;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
      },
      signal,
    });
    request.on('response', resolve);
    request.on('error', (err) =>
      reject(signal.aborted ? err : new WebImportError('unreachable', { host: url.hostname })),
    );
    request.end();
  });
}

async function readAll(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (declared > maxBytes) {
    response.destroy();
    throw new WebImportError('tooLarge', { max: maxBytes / 1024 / 1024 });
  }
  const encoding = response.headers['content-encoding'];
  const body: Readable =
    encoding === 'gzip'
      ? response.pipe(zlib.createGunzip())
      : encoding === 'deflate'
        ? response.pipe(zlib.createInflate())
        : encoding === 'br'
          ? response.pipe(zlib.createBrotliDecompress())
          : response;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      // Counted after decompression: a small gzip bomb is as large as what it unpacks to.
      if (size > maxBytes) throw new WebImportError('tooLarge', { max: maxBytes / 1024 / 1024 });
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    response.destroy();
    throw err instanceof WebImportError ? err : new WebImportError('unreachable', { host: '' });
  }
  return Buffer.concat(chunks);
}

/** A charset named in the document's first kilobytes (<meta charset>, <?xml encoding>), if any. */
function sniffCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  return (
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)?.[1] ?? null
  );
}

function decode(bytes: Buffer, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
