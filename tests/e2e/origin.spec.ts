import { expect, test, type APIResponse } from '@playwright/test';
import { ortFolder } from '../../scripts/ort-files.mjs';
import { SEED_SLUG } from './helpers';

const SELF = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
const HUB_CONFIG = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

/** The directives of a Content-Security-Policy header, by name. */
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

function expectHardened(response: APIResponse, connect: string[]) {
  const headers = response.headers();
  const where = `${response.url()} (${response.status()})`;
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('no-referrer');
  expect(headers['permissions-policy'], where).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
  expect(headers['cross-origin-opener-policy'], where).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy'], where).toBe('credentialless');
  const csp = directives(headers['content-security-policy'] ?? '');
  expect(csp.get('object-src'), where).toEqual(["'none'"]);
  expect(csp.get('base-uri'), where).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(csp.get('form-action'), where).toEqual(["'self'"]);
  expect(csp.get('worker-src'), where).toEqual(["'self'", 'blob:']);
  expect(csp.get('connect-src'), where).toEqual(["'self'", ...connect]);
  expect(csp.get('script-src'), where).not.toContain("'unsafe-eval'");
}

test('every response carries the protection headers, with connect-src for this origin and the model host only', async ({
  page,
  request,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${SELF}/nl/read/${SEED_SLUG}`);
  await expect.poll(() => workers.length, { timeout: 60_000 }).toBeGreaterThan(0);
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
  const ort = `/ort/${ortFolder()}/ort-wasm-simd-threaded.wasm`;

  const paths = [
    '/',
    '/nl',
    `/en/read/${SEED_SLUG}`,
    '/nl/data',
    '/nl/no-such-page',
    '/api/translation-config',
    script!,
    new URL(workers[0]!).pathname,
    ort,
    '/models/tiny-marian-nl-en/config.json',
  ];
  for (const path of paths) expectHardened(await request.get(`${SELF}${path}`, { maxRedirects: 0 }), []);
  // With the model on the Hub: the Hub and its CDN, which serves its large files.
  for (const path of ['/en', `/nl/read/${SEED_SLUG}`])
    expectHardened(await request.get(`${HUB_CONFIG}${path}`), ['https://huggingface.co', 'https://*.hf.co']);

  // ONNX Runtime's files: under a folder named after their version and content, cached for good.
  const runtime = await request.get(`${SELF}${ort}`);
  expect(runtime.ok()).toBe(true);
  expect(runtime.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(ort).toMatch(/^\/ort\/\d+\.\d+\.\d+[^/]*-[0-9a-f]{10}\//);
});

test('the policy is enforced: the page cannot reach any other origin', async ({ page }) => {
  await page.goto(`${SELF}/en`);
  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
    );
    const fetched = await fetch('https://example.org/collect').then(
      () => 'fetched',
      () => 'refused',
    );
    return { fetched, violation: await violation };
  });
  expect(outcome).toEqual({ fetched: 'refused', violation: 'connect-src' });
});
