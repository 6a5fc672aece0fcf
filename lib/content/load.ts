import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError } from './errors';
import { parseArticleFile } from './parse';
import type { Article, ArticleMeta } from './types';

/** content/ by default; the browser tests point CONTENT_DIR at a copy with extra generated articles. */
export function contentDir(): string {
  // turbopackIgnore: the folder is read at build time; tracing it would pull the whole project into the server bundle.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.CONTENT_DIR || 'content');
}

let cache: Map<string, Article> | null = null;

/**
 * Reads every article once per server process. Any bad file throws, which fails
 * `next build` with that file's name and the reason.
 * Slugs from URLs are only ever looked up in this map, never joined into a path.
 */
function articles(): Map<string, Article> {
  if (cache) return cache;
  const dir = contentDir();
  const map = new Map<string, Article>();
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|txt)$/.test(e.name) && e.name !== 'README.md')
    .map((e) => e.name)
    .sort();
  for (const name of files) {
    const article = parseArticleFile(name, readFileSync(path.join(dir, name), 'utf8'));
    if (map.has(article.slug)) throw new ContentError(name, `another file already uses the slug "${article.slug}"`);
    map.set(article.slug, article);
  }
  cache = map;
  return map;
}

export function listArticles(): ArticleMeta[] {
  return [...articles().values()]
    .map((article): ArticleMeta => {
      const meta: Partial<Article> = { ...article };
      delete meta.blocks; // the library needs no text
      return meta as ArticleMeta;
    })
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title));
}

export function getArticle(slug: string): Article | null {
  return articles().get(slug) ?? null;
}

export function articleSlugs(): string[] {
  return [...articles().keys()];
}
