import type { BrowserContext } from '@playwright/test';

/** Every request a context makes (pages and their workers), for origin checks. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}
