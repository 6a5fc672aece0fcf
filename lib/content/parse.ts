import { ContentError } from './errors';
import { splitFrontMatter } from './front-matter';
import { markdownToBlocks } from './markdown';
import { plainTextToBlocks } from './plain-text';
import { segmentsOf, type Article, type Block } from './types';

/** Lowercase words joined by single dashes: safe in a URL and never a path. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Parses one file of content/. Throws ContentError (file name + reason) for anything that cannot be published. */
export function parseArticleFile(fileName: string, raw: string): Article {
  const match = /^(.+)\.(md|txt)$/.exec(fileName);
  if (!match) throw new ContentError(fileName, 'only .md and .txt files are articles');
  const slug = match[1] ?? '';
  const format = match[2] as 'md' | 'txt';
  if (!SLUG_PATTERN.test(slug)) {
    throw new ContentError(
      fileName,
      'the file name must be lowercase letters, digits and single dashes (it becomes the URL)',
    );
  }
  if (raw.includes('\u0000')) throw new ContentError(fileName, 'the file is binary, not text');

  let title: string;
  let source: string | null = null;
  let published: string | null = null;
  let url: string | null = null;
  let blocks: Block[];

  if (format === 'md') {
    try {
      const { data, body } = splitFrontMatter(raw);
      ({ title, source, published, url } = data);
      blocks = markdownToBlocks(body);
    } catch (err) {
      throw new ContentError(fileName, err instanceof Error ? err.message : String(err));
    }
  } else {
    const parsed = plainTextToBlocks(raw);
    title = parsed.title ?? titleFromSlug(slug);
    blocks = parsed.blocks;
  }

  const segments = segmentsOf(blocks);
  if (segments.length === 0) throw new ContentError(fileName, 'the article has no text');

  return {
    slug,
    title,
    source,
    published,
    url,
    format,
    blocks,
    paragraphCount: segments.filter((s) => s.kind === 'paragraph').length,
    segmentCount: segments.length,
  };
}

function titleFromSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
