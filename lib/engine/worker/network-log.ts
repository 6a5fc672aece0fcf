import type { FailedFetch } from '../shared/errors';

/**
 * Wraps fetch for transformers.js: remembers which files really came over the
 * network (cache reads never call fetch) and how each request failed, so a
 * failed load can be told apart as offline, not found or blocked.
 */
export class NetworkLog {
  private readonly fetched = new Map<string, number>(); // url → bytes (content-length)
  private readonly failures: FailedFetch[] = [];

  wrap(fetcher: typeof fetch): typeof fetch {
    return async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      // One-byte Range probes (file sizes for the total progress) are not downloads.
      const probe = new Headers(init?.headers).has('range');
      let response: Response;
      try {
        response = await fetcher(input, init);
      } catch (err) {
        this.failures.push({ url, network: true });
        throw err;
      }
      if (!response.ok) this.failures.push({ url, status: response.status });
      else if (!probe) this.fetched.set(url, Number(response.headers.get('content-length') ?? 0));
      return response;
    };
  }

  fetchedFromNetwork(file: string): boolean {
    for (const url of this.fetched.keys()) if (url.endsWith(`/${file}`)) return true;
    return false;
  }

  size(file: string): number {
    for (const [url, size] of this.fetched) if (url.endsWith(`/${file}`)) return size;
    return 0;
  }

  /** The last request that failed since the previous call (the one a failed load is classified by). */
  takeLastFailure(): FailedFetch | undefined {
    const last = this.failures.at(-1);
    this.failures.length = 0;
    return last;
  }
}
