/**
 * A page → the article in it, as Firefox's Reader View finds it (@mozilla/readability) on a server-side DOM
 * (linkedom): no scripts run, and navigation, adverts and cookie banners are left behind. What comes out is
 * the article's HTML, which the browser turns into paragraphs exactly as it does an HTML file of the reader's.
 * The parsing and Readability run in a worker thread with caps and a time limit (extract-pool.ts).
 */
import { WebImportError } from './errors';
import { extractInWorker, type ExtractOptions } from './extract-pool';
import { guessLanguage } from './language';

export interface WebArticle {
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** As the page gives it (ISO 8601 usually), or null. */
  published: string | null;
  /** The article's HTML: headings, paragraphs, lists; no scripts, styles or attributes that matter. */
  html: string;
}

/** Fewer words than this is a landing page or a paywall's teaser, not an article to read. */
const MIN_WORDS = 30;

/** The page's article, found in a worker thread (extract-pool.ts), then checked: long enough, and in Dutch. */
export async function extractArticle(html: string, url: string, options?: ExtractOptions): Promise<WebArticle> {
  const { article, declared, published } = await extractInWorker(html, url, options);
  const text = article?.textContent?.trim() ?? '';
  if (!article?.content || (text.match(/\p{L}+/gu)?.length ?? 0) < MIN_WORDS) throw new WebImportError('noArticle');
  const language = guessLanguage(text, declared);
  if (language && language !== 'nl') throw new WebImportError('notDutch', { lang: language });
  return {
    url,
    title: article.title.trim(),
    byline: article.byline?.trim() || null,
    siteName: article.siteName?.trim() || null,
    published: article.publishedTime ?? published,
    html: article.content,
  };
}
