import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PEER_HEADER } from '@/lib/web-import/client-address';

// The route as scripts/serve.mjs runs it: each request carries the peer the socket saw, signed with the process's token.
const TOKEN = 'route-test-token';
let POST: (request: Request) => Promise<Response>;
beforeAll(async () => {
  process.env.TWEETALIG_PEER_TOKEN = TOKEN;
  ({ POST } = await import('./route'));
});
afterEach(() => delete process.env.WEB_IMPORT_TRUSTED_PROXIES);

const ask = (peer: string, body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request('http://app.test/api/web', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers, [PEER_HEADER]: `${TOKEN} ${peer}` },
      body: JSON.stringify(body),
    }),
  );

describe('POST /api/web', () => {
  it('a client rotating X-Forwarded-For is limited all the same (30 a minute), and another client is not', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 31; n++)
      statuses.push((await ask('203.0.113.1', {}, { 'x-forwarded-for': `198.51.100.${n}` })).status);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true); // counted, then refused as an invalid body
    expect(statuses[30]).toBe(429);
    expect((await ask('203.0.113.2', {})).status).toBe(400);
  });

  it('behind a trusted proxy each reader has their own bucket; an untrusted one is one client', async () => {
    process.env.WEB_IMPORT_TRUSTED_PROXIES = '10.0.0.0/8';
    for (let n = 0; n < 31; n++)
      expect((await ask('10.0.0.5', {}, { 'x-forwarded-for': `203.0.113.${100 + n}` })).status).toBe(400);
    delete process.env.WEB_IMPORT_TRUSTED_PROXIES;
    const statuses: number[] = [];
    for (let n = 0; n < 31; n++)
      statuses.push((await ask('10.0.0.6', {}, { 'x-forwarded-for': `203.0.113.${n}` })).status);
    expect(statuses[30]).toBe(429);
  });

  it('a refusal names the host as typed and never an address it resolved to; ::/96 forms are refused', async () => {
    for (const url of ['http://[::127.0.0.1]/', 'http://[::169.254.169.254]/latest/meta-data/', 'http://localhost/']) {
      const response = await ask('203.0.113.3', { kind: 'page', url });
      expect(response.status, url).toBe(422);
      const body = (await response.json()) as { error: string; detail: Record<string, unknown> };
      expect(body.error, url).toBe('private');
      expect(Object.keys(body.detail), url).toEqual(['host']);
      expect(JSON.stringify(body), url).not.toMatch(/"address"|127\.0\.0\.1"|::1"/);
    }
  });
});
