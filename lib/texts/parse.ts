/**
 * A reader's text (pasted, or a .txt, .md or .html file) → reader blocks, with
 * the same parsers the shipped articles use. Browser and Node alike; HTML needs
 * a DOMParser, which the caller passes in (the browser's own).
 */
import { createIdAllocator } from '@/lib/content/block-id';
import { markdownToBlocks } from '@/lib/content/markdown';
import { plainTextToBlocks } from '@/lib/content/plain-text';
import { segmentsOf, type Block } from '@/lib/content/types';
import { htmlToText } from './html';
import { checkSize, fitTitle, MAX_PARAGRAPHS, TextInputError, withoutControls } from './limits';
import type { TextFormat } from '../store/text-types';

export interface ParsedText {
  title: string | null;
  blocks: Block[];
  paragraphCount: number;
  segmentCount: number;
}

export interface ParseOptions {
  /** Take the title from the text (a first line, a first heading). Off when the reader typed one: then every word is text. */
  titleFromText?: boolean;
}

/** The format a file name says it is, or null for one we do not read. */
export function formatOfFile(name: string): Exclude<TextFormat, 'paste'> | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  return null;
}

function markdown(raw: string, titleFromText: boolean): { title: string | null; blocks: Block[] } {
  let body = raw;
  let title: string | null = null;
  // Front matter, if any: its title is used, the rest is not text to read.
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(raw);
  if (fm) {
    body = raw.slice(fm[0].length);
    title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(fm[1] ?? '')?.[1] ?? null;
  }
  // A document's own "# Title" is its title, not its first subheading.
  const h1 = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(body);
  if (titleFromText && !title && h1 && body.slice(0, h1.index).trim() === '') {
    title = h1[1] ?? null;
    body = body.slice(h1.index + h1[0].length);
  }
  return { title, blocks: markdownToBlocks(body) };
}

function html(
  raw: string,
  parseHtml: (html: string) => Document,
  titleFromText: boolean,
): { title: string | null; blocks: Block[] } {
  // Straight to blocks, not through Markdown: text like "<b>" or "1." stays exactly as written.
  const { title, paragraphs } = htmlToText(parseHtml(raw));
  const allocate = createIdAllocator();
  const blocks: Block[] = paragraphs.map(({ heading, text }) =>
    heading ? { id: allocate(text), kind: 'heading', text, level: 2 } : { id: allocate(text), kind: 'paragraph', text },
  );
  // The first heading repeating the <title> is the title, not a subheading.
  const first = blocks[0];
  if (titleFromText && first && first.kind === 'heading' && (!title || first.text === title)) blocks.shift();
  return { title: title ?? (titleFromText && first?.kind === 'heading' ? first.text : null), blocks };
}

export function parseUserText(
  input: string,
  format: TextFormat,
  parseHtml?: (html: string) => Document,
  { titleFromText = true }: ParseOptions = {},
): ParsedText {
  checkSize(input);
  const raw = withoutControls(input);
  if (!raw.trim()) throw new TextInputError('empty');
  let parsed: { title: string | null; blocks: Block[] };
  if (format === 'md') parsed = markdown(raw, titleFromText);
  else if (format === 'html') {
    if (!parseHtml) throw new TextInputError('unsupported');
    parsed = html(raw, parseHtml, titleFromText);
  } else parsed = plainTextToBlocks(raw, { lineBreaks: 'lines', titleFromText });

  const segments = segmentsOf(parsed.blocks);
  if (segments.length === 0) throw new TextInputError('empty');
  const paragraphCount = segments.filter((s) => s.kind === 'paragraph').length;
  if (segments.length > MAX_PARAGRAPHS)
    throw new TextInputError('tooManyParagraphs', { max: MAX_PARAGRAPHS, count: segments.length });
  return {
    title: parsed.title === null ? null : fitTitle(parsed.title),
    blocks: parsed.blocks,
    paragraphCount,
    segmentCount: segments.length,
  };
}

/** A title for a text that brought none: its first words. */
export function titleFromBlocks(blocks: Block[], fallback: string): string {
  const first = segmentsOf(blocks)[0]?.text ?? '';
  const words = first.split(/\s+/).slice(0, 8).join(' ');
  return fitTitle(words ? (words.length < first.length ? `${words}…` : words) : fallback);
}
