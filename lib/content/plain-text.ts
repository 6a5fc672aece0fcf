import { createIdAllocator } from './block-id';
import type { Block } from './types';

/** A line that reads as a title or subheading: short, one line, no closing punctuation. */
function looksLikeHeading(paragraph: string): boolean {
  return !paragraph.includes('\n') && paragraph.length <= 100 && !/[.!?:;,…"”’)]$/.test(paragraph);
}

/**
 * A `.txt` article: paragraphs are separated by blank lines. The first paragraph
 * is the title when it looks like one; later heading-like lines become subheadings.
 */
export function plainTextToBlocks(raw: string): { title: string | null; blocks: Block[] } {
  const paragraphs = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

  let title: string | null = null;
  if (paragraphs.length > 1 && paragraphs[0] && looksLikeHeading(paragraphs[0])) title = paragraphs.shift() ?? null;

  const allocate = createIdAllocator();
  const blocks: Block[] = paragraphs.map((p) => {
    const text = p.replace(/\s+/g, ' ');
    return looksLikeHeading(p)
      ? { id: allocate(text), kind: 'heading', text, level: 2 }
      : { id: allocate(text), kind: 'paragraph', text };
  });
  return { title, blocks };
}
