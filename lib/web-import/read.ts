/**
 * What the server's web route does for a reader: fetch safely, then make an article or a feed of it.
 */
import { parseFeed, type ParsedFeed } from '@/lib/web-import/feed-parse';
import { testAllowList } from './address';
import { WebImportError } from './errors';
import { extractArticle, type WebArticle } from './extract';
import type { ExtractOptions } from './extract-pool';
import { safeFetch, type FetchOptions } from './fetch';

type Options = Omit<FetchOptions, 'accept'> & { extract?: ExtractOptions };

const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'];
const FEED_TYPES = [
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
];

/** Off when WEB_IMPORT=off: then the server fetches nothing for anyone. */
export const webImportEnabled = () => (process.env.WEB_IMPORT ?? 'on').toLowerCase() !== 'off';

const defaults = (options: Options): Options => ({ allow: testAllowList(), ...options });

export async function readPage(url: string, options: Options = {}): Promise<WebArticle> {
  const page = await safeFetch(url, { ...defaults(options), accept: PAGE_TYPES });
  if (page.type === 'text/plain') {
    // A plain text is its own article: paragraphs are its blank-line-separated blocks.
    const html = page.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => `<p>${p.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</p>`)
      .join('');
    return extractArticle(`<html><body><article>${html}</article></body></html>`, page.url, options.extract);
  }
  return extractArticle(page.text, page.url, options.extract);
}

export async function readFeed(url: string, options: Options = {}): Promise<ParsedFeed & { url: string }> {
  const feed = await safeFetch(url, { ...defaults(options), accept: FEED_TYPES });
  try {
    return { ...parseFeed(feed.text, feed.url), url: feed.url };
  } catch (err) {
    throw err instanceof WebImportError ? err : new WebImportError('notFeed');
  }
}
