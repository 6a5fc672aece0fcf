import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies, PEER_HEADER } from './client-address';
import { RateLimit } from './rate-limit';

const TOKEN = 'this-process-token';
/** What scripts/serve.mjs hands the route: the socket's peer, signed, and whatever headers the client sent. */
const request = (peer: string, headers: Record<string, string> = {}) =>
  new Headers({ ...headers, [PEER_HEADER]: `${TOKEN} ${peer}` });
const client = (headers: Headers, trusted = '') => clientAddress(headers, parseTrustedProxies(trusted), TOKEN);

describe('who a client is, for the rate limit', () => {
  it('with no proxy, the peer the socket sees, whatever X-Forwarded-For says', () => {
    for (let n = 1; n <= 5; n++)
      expect(client(request('203.0.113.9', { 'x-forwarded-for': `198.51.100.${n}` }))).toBe('203.0.113.9');
  });

  it('rotating X-Forwarded-For does not get past the limit', () => {
    const limit = new RateLimit(30, 60_000, () => 0);
    const results = Array.from({ length: 40 }, (_, n) =>
      limit.take(client(request('203.0.113.9', { 'x-forwarded-for': `198.51.100.${n}` }))!),
    );
    expect(results.filter(Boolean)).toHaveLength(30);
    expect(results.slice(30).every((ok) => !ok)).toBe(true);
  });

  it('behind a trusted proxy that appends (nginx), the right-most untrusted hop: a forged first value is ignored', () => {
    const behindNginx = request('10.0.0.2', { 'x-forwarded-for': '198.51.100.77, 203.0.113.9' });
    expect(client(behindNginx, '10.0.0.0/8')).toBe('203.0.113.9');
    // A CDN and then a reverse proxy, both trusted: the hop before them.
    expect(
      client(
        request('127.0.0.1', { 'x-forwarded-for': '1.2.3.4, 203.0.113.9, 192.0.2.10' }),
        '127.0.0.1, 192.0.2.0/24',
      ),
    ).toBe('203.0.113.9');
    // Only trusted hops: the left-most of them is as far as anyone vouches.
    expect(client(request('10.0.0.2', { 'x-forwarded-for': '10.0.0.3' }), '10.0.0.0/8')).toBe('10.0.0.3');
  });

  it('a proxy that is not trusted is the client itself; IPv4 and IPv4-mapped IPv6 are one client', () => {
    expect(client(request('192.0.2.50', { 'x-forwarded-for': '203.0.113.9' }), '10.0.0.0/8')).toBe('192.0.2.50');
    expect(client(request('::ffff:203.0.113.9'))).toBe('203.0.113.9');
    expect(client(request('::1', { 'x-forwarded-for': '[2001:db8::7]:443' }), '::1')).toBe('2001:db8:0:0:0:0:0:7');
  });

  it('a peer header the client wrote (no token, or another one) is never believed', () => {
    expect(clientAddress(new Headers({ [PEER_HEADER]: '203.0.113.9' }), [], TOKEN)).toBeNull();
    expect(clientAddress(new Headers({ [PEER_HEADER]: 'guess 203.0.113.9' }), [], TOKEN)).toBeNull();
    expect(clientAddress(request('203.0.113.9'), [], undefined)).toBeNull();
  });

  it('unreadable trusted-proxy entries trust nothing', () => {
    expect(
      parseTrustedProxies('not-an-ip, 10.0.0.0/33, , 10.1.2.3').map(([ip, bits]) => `${ip.toString()}/${bits}`),
    ).toEqual(['10.1.2.3/32']);
  });
});

describe('the rate limit remembers a bounded number of clients', () => {
  it('forgets the client seen longest ago past the cap', () => {
    const limit = new RateLimit(2, 60_000, () => 0, 100);
    for (let n = 0; n < 1_000; n++) limit.take(`198.51.100.${n}`);
    expect(limit.size).toBe(100);
    // The most recent ones are still counted.
    limit.take('198.51.100.999');
    expect(limit.take('198.51.100.999')).toBe(false);
  });
});
