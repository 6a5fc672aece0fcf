import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebImportError } from './errors';
import { extractArticle } from './extract';
import { EXTRACT_LIMITS } from './extract-pool';

const PROSE =
  'De gemeente wil meer ruimte maken voor fietsers in de binnenstad van Utrecht, zodat iedereen veilig kan rijden. ';
/** A page whose article sits under `depth` nested <div>s: cheap to send, and Readability's slowest kind of page. */
const nested = (depth: number) =>
  `<html lang="nl"><body>${'<div>'.repeat(depth)}<p>${PROSE.repeat(6)}</p>${'</div>'.repeat(depth)}</body></html>`;
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: WebImportError) => e.code,
  );

let server: Server;
let pong: string;
beforeAll(async () => {
  server = createServer((_, res) => res.end('pong'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  pong = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('extracting an article cannot starve the server', () => {
  it('an ordinary page comes through as before', async () => {
    const article = await extractArticle(
      `<html lang="nl"><body><article><h1>Titel</h1><p>${PROSE.repeat(4)}</p></article></body></html>`,
      'https://example.nl/a',
    );
    expect(article.html).toContain('fietsers');
  });

  it('a page nested past the depth cap, or with too many elements, is refused before Readability runs', async () => {
    const start = performance.now();
    expect(await code(extractArticle(nested(5_000), 'https://example.nl/deep'))).toBe('tooComplex');
    const wide = `<html><body>${'<span>x</span>'.repeat(EXTRACT_LIMITS.maxElements + 10)}</body></html>`;
    expect(await code(extractArticle(wide, 'https://example.nl/wide'))).toBe('tooComplex');
    expect(performance.now() - start).toBeLessThan(EXTRACT_LIMITS.timeoutMs);
  });

  it('a page that takes too long is given up at the time limit, its worker ended', async () => {
    const slow = extractArticle(nested(1_500), 'https://example.nl/slow', { maxDepth: 10_000, timeoutMs: 300 });
    expect(await code(slow)).toBe('tooComplex');
  });

  it('while a hostile page is being extracted, another request is answered, before the hostile one finishes', async () => {
    let settled = false;
    const hostile = code(
      extractArticle(nested(1_500), 'https://example.nl/slow', { maxDepth: 10_000, timeoutMs: 4_000 }),
    ).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 100)); // the worker is parsing by now
    expect(await (await fetch(pong)).text()).toBe('pong');
    expect(settled).toBe(false);
    expect(await hostile).toBe('tooComplex');
  });
});
