import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module shared with the browser tests' web server
import { start } from '../../tests/fixtures/web/server.mjs';
import { checkUrl, isPublicAddress, withScheme } from './address';
import type { WebImportError } from './errors';
import { RateLimit } from './rate-limit';
import { readFeed, readPage } from './read';

let server: Server;
let site: string;
let allow: Set<string>;

beforeAll(async () => {
  server = await start(0);
  const { port } = server.address() as AddressInfo;
  site = `http://127.0.0.1:${port}`;
  allow = new Set([`127.0.0.1:${port}`]);
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** The code a read is refused with (fails the test if it is not refused). */
async function refusal(read: Promise<unknown>): Promise<string> {
  try {
    await read;
  } catch (err) {
    return (err as WebImportError).code;
  }
  throw new Error('not refused');
}

describe('a Dutch news page', () => {
  it('comes through as its article alone: no scripts, cookie banner, adverts, navigation or footer', async () => {
    const article = await readPage(`${site}/nieuws.html`, { allow });
    expect(article.title).toBe('Fietsers krijgen meer ruimte in de binnenstad');
    expect(article.siteName).toBe('Het Stadsblad');
    expect(article.published).toBe('2026-11-28T09:30:00+01:00');
    expect(article.html).toContain('<h2>Winkeliers zijn verdeeld</h2>');
    expect(article.html).toContain('De gemeenteraad praat volgende maand over het voorstel.');
    for (const noise of [
      'cookies',
      'Advertentie',
      'Voorpagina',
      'Alle rechten',
      'Script-tekst',
      'dataLayer',
      '<script',
    ])
      expect(article.html).not.toContain(noise);
  });

  it('follows a redirect on the same site, and says where the article finally was', async () => {
    expect((await readPage(`${site}/to-article`, { allow })).url).toBe(`${site}/nieuws.html`);
  });

  it('a page that is clearly English is refused as not Dutch', async () => {
    expect(await refusal(readPage(`${site}/english.html`, { allow }))).toBe('notDutch');
  });
});

describe('what the server refuses to fetch', () => {
  it.each([
    ['http://127.0.0.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'private'],
    ['http://[::1]/', 'private'],
    ['http://[::ffff:127.0.0.1]/', 'private'],
    ['http://[::ffff:7f00:1]/', 'private'],
    ['http://2130706433/', 'private'], // decimal 127.0.0.1
    ['http://0177.0.0.1/', 'private'], // octal
    ['http://0x7f.1/', 'private'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://100.64.0.1/', 'private'], // CGNAT
    ['http://224.0.0.1/', 'private'], // multicast
    ['http://0.0.0.0/', 'private'],
    ['http://240.0.0.1/', 'private'], // reserved
    ['http://[fe80::1]/', 'private'],
    ['http://[fc00::1]/', 'private'],
    ['http://[ff02::1]/', 'private'],
    ['http://[::127.0.0.1]/', 'private'], // IPv4-compatible (::/96), which ipaddr.js calls unicast
    ['http://[::169.254.169.254]/', 'private'],
    ['http://[::ffff:0:a00:1]/', 'private'], // IPv4-translated 10.0.0.1
    ['http://[64:ff9b::7f00:1]/', 'private'], // NAT64 of 127.0.0.1
    ['http://[64:ff9b:1::a00:1]/', 'private'], // local-use NAT64
    ['http://[2002:a9fe:a9fe::1]/', 'private'], // 6to4 of 169.254.169.254
    ['http://[2001:db8::1]/', 'private'], // documentation
    ['http://[100::1]/', 'private'], // discard-only
    ['ftp://example.org/', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['http://user:secret@example.org/', 'credentials'],
    ['http://example.org:8080/', 'port'],
    ['https://example.org:22/', 'port'],
    ['not a url', 'invalid'],
    ['127.0.0.1/admin', 'private'], // a bare host gets https://, and is judged as that
    ['localhost:8080/', 'port'],
  ])('%s → %s', (url, code) => {
    let got = 'accepted';
    try {
      checkUrl(url);
    } catch (err) {
      got = (err as WebImportError).code;
    }
    expect(got).toBe(code);
  });

  it('an address typed without a scheme is read as https://, as a browser does', () => {
    expect(checkUrl('nos.nl/nieuws/2500000-artikel').href).toBe('https://nos.nl/nieuws/2500000-artikel');
    expect(checkUrl('  www.nu.nl/economie/123/titel.html ').href).toBe('https://www.nu.nl/economie/123/titel.html');
    expect(checkUrl('www.nu.nl:443/x').href).toBe('https://www.nu.nl/x');
    expect(withScheme('//example.org/a')).toBe('https://example.org/a');
    expect(withScheme('http://example.org/')).toBe('http://example.org/');
    expect(withScheme('mailto:a@b.nl')).toBe('mailto:a@b.nl');
  });

  it('public addresses pass; an IPv6 address carrying an IPv4 one is judged as that IPv4 address', () => {
    expect(isPublicAddress('93.184.215.14')).toBe(true);
    expect(isPublicAddress('2606:4700::6810:84e5')).toBe(true);
    expect(isPublicAddress('::ffff:93.184.215.14')).toBe(true);
    expect(isPublicAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isPublicAddress('::93.184.215.14')).toBe(true); // compatible, to a public host
    expect(isPublicAddress('64:ff9b::5db8:d70e')).toBe(true); // NAT64 of 93.184.215.14
    expect(isPublicAddress('2002:5db8:d70e::1')).toBe(true); // 6to4 of 93.184.215.14
    expect(isPublicAddress('::')).toBe(false);
    expect(isPublicAddress('fec0::1')).toBe(false); // outside 2000::/3
  });

  it('no refusal tells what a name resolved to: only the host as typed', async () => {
    const resolve = async () => ['10.11.12.13'];
    const err = await readPage('http://intranet.example/', { allow, resolve }).catch((e: WebImportError) => e);
    expect(err).toMatchObject({ code: 'private', detail: { host: 'intranet.example' } });
    expect(JSON.stringify((err as WebImportError).detail)).not.toContain('10.11.12.13');
    const redirected = await readPage(`${site}/to-loopback`, { allow }).catch((e: WebImportError) => e);
    expect(JSON.stringify((redirected as WebImportError).detail)).not.toMatch(/address/);
  });

  it('a name that resolves to a private address (localhost) is refused before any connection', async () => {
    expect(await refusal(readPage('http://localhost/', { allow }))).toBe('private');
  });

  it('one private address among a name’s public ones is enough to refuse', async () => {
    const resolve = async () => ['93.184.215.14', '10.0.0.7'];
    expect(await refusal(readPage('http://news.example/', { allow, resolve }))).toBe('private');
  });

  it('the name is resolved once and the connection goes to that checked address (no DNS rebinding)', async () => {
    const { port } = server.address() as AddressInfo;
    const answers = ['127.0.0.1', '10.0.0.1'];
    const asked: string[] = [];
    const resolve = async (host: string) => {
      asked.push(host);
      return [answers.shift()!];
    };
    const article = await readPage(`http://fixture.test:${port}/nieuws.html`, {
      allow: new Set([`fixture.test:${port}`]),
      resolve,
    });
    expect(article.title).toBe('Fietsers krijgen meer ruimte in de binnenstad');
    expect(asked).toEqual(['fixture.test']);
  });

  it('a redirect to a private address is refused, loopback and cloud metadata alike', async () => {
    expect(await refusal(readPage(`${site}/to-loopback`, { allow }))).toBe('private');
    expect(await refusal(readPage(`${site}/to-metadata`, { allow }))).toBe('private');
  });

  it('more than 5 redirects are refused', async () => {
    expect(await refusal(readPage(`${site}/loop`, { allow }))).toBe('redirects');
  });

  it('a page over 5 MB is refused while it is read, not after', async () => {
    expect(await refusal(readPage(`${site}/big`, { allow }))).toBe('tooLarge');
  });

  it('a page that takes too long is given up (10 s in all; shortened here)', async () => {
    expect(await refusal(readPage(`${site}/slow`, { allow, timeoutMs: 1500 }))).toBe('timeout');
  });

  it('what is not HTML or text is refused by its type', async () => {
    expect(await refusal(readPage(`${site}/image.png`, { allow }))).toBe('type');
  });

  it('a missing page says so by its status', async () => {
    expect(await refusal(readPage(`${site}/missing`, { allow }))).toBe('status');
  });

  it('the fixture site itself is refused without the test-only allow list', async () => {
    expect(await refusal(readPage(`${site}/nieuws.html`))).toBe('port');
  });
});

describe('feeds', () => {
  it('RSS: items newest first, with absolute addresses and dates', async () => {
    const feed = await readFeed(`${site}/feed.xml`, { allow });
    expect(feed.title).toBe('Het Stadsblad');
    expect(feed.items.map((i) => i.title)).toEqual([
      'Fietsers krijgen meer ruimte in de binnenstad',
      'Oud nieuws: de markt gaat weer open',
    ]);
    expect(feed.items[0]).toMatchObject({
      url: `${site}/nieuws.html`,
      published: Date.parse('2026-11-28T09:30:00+01:00'),
    });
  });

  it('Atom: the alternate link, published or updated', async () => {
    const feed = await readFeed(`${site}/atom.xml`, { allow });
    expect(feed.items.map((i) => [i.title, i.url])).toEqual([
      ['Tweede bericht', 'https://example.org/tweede'],
      ['Fietsers krijgen meer ruimte in de binnenstad', `${site}/nieuws.html`],
    ]);
  });

  it('a page is not a feed', async () => {
    expect(await refusal(readFeed(`${site}/nieuws.html`, { allow }))).toBe('type');
  });
});

describe('the rate limit', () => {
  it('lets a client make 20 reads a minute, then refuses until the window moves on; others are not affected', () => {
    let now = 0;
    const limit = new RateLimit(20, 60_000, () => now);
    for (let i = 0; i < 20; i++) expect(limit.take('a')).toBe(true);
    expect(limit.take('a')).toBe(false);
    expect(limit.take('b')).toBe(true);
    now = 60_001;
    expect(limit.take('a')).toBe(true);
  });
});
