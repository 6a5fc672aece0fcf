import { createIdAllocator } from './block-id';
import type { Block } from './types';

/**
 * A line that reads as a title or subheading of prose: one short line ending in a word or a number, with no
 * sentence ending inside it and no emoji (a short social-media post is a paragraph, whatever it ends with).
 */
function looksLikeHeading(paragraph: string): boolean {
  return (
    !paragraph.includes('\n') &&
    paragraph.length <= 100 &&
    paragraph.split(/\s+/).length <= 14 &&
    /[\p{L}\p{N}]$/u.test(paragraph) &&
    !/[.!?…]\s/u.test(paragraph) &&
    !/[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]/u.test(paragraph)
  );
}

const ENDS_SENTENCE = /[.!?:;…"”’)]$/;

/**
 * A block of lines with no blank line between them: a hard-wrapped paragraph (an e-mail, a text saved at 72
 * columns: most lines long, few ending a sentence) is one paragraph; otherwise each line is one (pasted
 * web text, a list), except that a line going on in lower case after a long unfinished one continues it.
 */
function linesOf(block: string): string[] {
  const lines = block
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length < 2) return lines;
  const body = lines.slice(0, -1);
  const wrapped = body.filter((l) => l.length >= 40 && !ENDS_SENTENCE.test(l)).length;
  if (lines.length >= 3 && wrapped >= 0.8 * body.length) return [lines.join(' ')];
  const out: string[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    // A long line that stops mid-sentence, followed by lower case: one sentence wrapped (short lines are a list).
    if (previous !== undefined && previous.length >= 30 && !ENDS_SENTENCE.test(previous) && /^[\p{Ll}\d(,]/u.test(line))
      out[out.length - 1] = `${previous} ${line}`;
    else out.push(line);
  }
  return out;
}

export interface PlainTextOptions {
  /** Single line breaks: `join` (the shipped .txt articles: only blank lines separate paragraphs) or `lines` (a reader's own text). */
  lineBreaks?: 'join' | 'lines';
  /** Take a heading-like first line as the title (never when the reader typed one: then every line is text). */
  titleFromText?: boolean;
}

/**
 * A `.txt` text: paragraphs are separated by blank lines (and, for a reader's own text, by line breaks). The
 * first paragraph is the title when it looks like one; later heading-like lines become subheadings. A text
 * that is all short lines (a word list) is paragraphs, not headings, and keeps its first line.
 */
export function plainTextToBlocks(
  raw: string,
  { lineBreaks = 'join', titleFromText = true }: PlainTextOptions = {},
): { title: string | null; blocks: Block[] } {
  const blocks = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const paragraphs = lineBreaks === 'lines' ? blocks.flatMap(linesOf) : blocks;
  const list = paragraphs.every(looksLikeHeading);

  let title: string | null = null;
  if (titleFromText && !list && paragraphs.length > 1 && paragraphs[0] && looksLikeHeading(paragraphs[0]))
    title = paragraphs.shift() ?? null;

  const allocate = createIdAllocator();
  // A subheading introduces prose: one followed by nothing, or by another heading-like line, is a paragraph.
  const heading = (i: number) =>
    !list && looksLikeHeading(paragraphs[i]!) && i + 1 < paragraphs.length && !looksLikeHeading(paragraphs[i + 1]!);
  return {
    title,
    blocks: paragraphs.map((p, i) => {
      const text = p.replace(/\s+/g, ' ');
      return heading(i)
        ? { id: allocate(text), kind: 'heading', text, level: 2 }
        : { id: allocate(text), kind: 'paragraph', text };
    }),
  };
}
