/**
 * The browser's side of reading the web: asks the app's server (app/api/web) for a page's article or a
 * feed's items. Only the address travels; the article comes back and is kept in this browser.
 */
import type { ParsedFeed } from '@/lib/web-import/feed-parse';
import { WebImportError, type WebImportErrorCode } from './errors';
import type { WebArticle } from './extract';

async function ask<T>(kind: 'page' | 'feed', url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/api/web', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind, url }),
    });
  } catch {
    // No answer at all: offline, or the server is down.
    throw new WebImportError(navigator.onLine === false ? 'offline' : 'unreachable', { host: '' });
  }
  const body = (await response.json().catch(() => null)) as
    ({ error?: WebImportErrorCode; detail?: Record<string, string | number> } & T) | null;
  if (!response.ok || !body)
    throw new WebImportError(
      body?.error ?? (response.status === 404 ? 'disabled' : 'unreachable'),
      body?.detail ?? { host: '' },
    );
  return body;
}

export const fetchArticle = async (url: string) => (await ask<{ article: WebArticle }>('page', url)).article;
export const fetchFeed = async (url: string) => (await ask<{ feed: ParsedFeed & { url: string } }>('feed', url)).feed;
