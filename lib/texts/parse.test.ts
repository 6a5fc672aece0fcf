import { describe, expect, it } from 'vitest';
import { segmentsOf } from '@/lib/content/types';
import { decodeText, MAX_BYTES, MAX_PARAGRAPHS, TextInputError } from './limits';
import { formatOfFile, parseUserText, titleFromBlocks } from './parse';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof TextInputError ? err.code : String(err);
  }
  return 'accepted';
};

describe('parseUserText', () => {
  it('reads pasted text as paragraphs separated by blank lines', () => {
    const parsed = parseUserText('Eerste alinea, met een zin.\n\nTweede alinea. Nog een zin.', 'paste');
    expect(segmentsOf(parsed.blocks).map((s) => s.text)).toEqual(['Eerste alinea, met een zin.', 'Tweede alinea. Nog een zin.']);
    expect(parsed.paragraphCount).toBe(2);
  });

  it('takes a Markdown file’s title from its front matter or first heading, and keeps its subheadings', () => {
    const fm = parseUserText('---\ntitle: "Het weer"\n---\n\nHet regent.\n', 'md');
    expect(fm.title).toBe('Het weer');
    const h1 = parseUserText('# Het weer\n\n## Morgen\n\nHet regent *hard*.\n', 'md');
    expect(h1.title).toBe('Het weer');
    expect(segmentsOf(h1.blocks).map((s) => [s.kind, s.text])).toEqual([
      ['heading', 'Morgen'],
      ['paragraph', 'Het regent hard.'],
    ]);
  });

  it('refuses empty input, whitespace and a Markdown file with no prose', () => {
    expect(code(() => parseUserText('', 'paste'))).toBe('empty');
    expect(code(() => parseUserText(' \n\n\t ', 'txt'))).toBe('empty');
    expect(code(() => parseUserText('---\ntitle: x\n---\n\n![](a.png)\n', 'md'))).toBe('empty');
  });

  it('refuses more than 20,000 paragraphs and accepts exactly that many', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `Zin ${i}.`).join('\n\n');
    expect(code(() => parseUserText(many(MAX_PARAGRAPHS + 1), 'paste'))).toBe('tooManyParagraphs');
    expect(parseUserText(many(MAX_PARAGRAPHS), 'paste').segmentCount).toBe(MAX_PARAGRAPHS);
  });

  it('refuses pasted text over 5 MB', () => {
    expect(code(() => parseUserText('a'.repeat(MAX_BYTES + 1), 'paste'))).toBe('tooLarge');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 (with a BOM) and an old Windows-1252 file alike', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Één café')]))).toBe('Één café');
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
  });

  it('refuses a binary file and one over 5 MB', () => {
    expect(code(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).toBe('binary');
    expect(code(() => decodeText(new Uint8Array(200).map((_, i) => (i % 7) + 1)))).toBe('binary');
    expect(code(() => decodeText(new Uint8Array(MAX_BYTES + 1).fill(0x61)))).toBe('tooLarge');
  });
});

describe('file names', () => {
  it('knows .txt, .md and .html, and nothing else', () => {
    expect(['a.txt', 'b.MD', 'c.markdown', 'd.htm', 'e.html', 'f.pdf', 'g'].map(formatOfFile)).toEqual(['txt', 'md', 'md', 'html', 'html', null, null]);
  });

  it('titles an untitled text by its first words', () => {
    const { blocks } = parseUserText('De Amerikaanse president stuurt extra troepen naar Oost-Europa vandaag.', 'paste');
    expect(titleFromBlocks(blocks, 'x')).toBe('De Amerikaanse president stuurt extra troepen naar Oost-Europa…');
  });
});
