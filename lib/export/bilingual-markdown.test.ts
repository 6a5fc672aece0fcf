import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { bilingualMarkdown } from './bilingual-markdown';

/** What a Markdown renderer shows for each top-level block: its type and its text. */
const rendered = (md: string) =>
  (unified().use(remarkParse).parse(md) as Root).children.map((node) => [
    node.type,
    node.type === 'blockquote' ? toString(node.children[0]) : toString(node),
  ]);

describe('bilingualMarkdown', () => {
  it('pairs each Dutch block with its English, headings as headings', () => {
    const md = bilingualMarkdown('Een *titel*', [
      { kind: 'paragraph', nl: 'Eerste alinea.', en: 'First paragraph.' },
      { kind: 'heading', nl: 'Kruisraketten', en: 'Cruise missiles' },
      { kind: 'paragraph', nl: 'Met <b>html</b> en # teken.', en: '' },
    ]);
    expect(md).toContain('## Kruisraketten\n\n> Cruise missiles\n');
    expect(rendered(md)).toEqual([
      ['heading', 'Een *titel*'],
      ['paragraph', 'Eerste alinea.'],
      ['blockquote', 'First paragraph.'],
      ['heading', 'Kruisraketten'],
      ['blockquote', 'Cruise missiles'],
      ['paragraph', 'Met <b>html</b> en # teken.'],
      ['blockquote', '—'],
    ]);
  });

  it('shows every text exactly, whatever it starts with or holds', () => {
    const tricky = [
      '- not a list',
      '1. not a list either',
      '# not a heading',
      '> not a quote',
      '*not emphasis*',
      '_nor this_',
      '[not](a link)',
      '`not code`',
      'back\\slash \\*',
      '+ plus',
      '***',
      '<div>raw</div>',
      '2) also not',
    ];
    const md = bilingualMarkdown(
      'Titel',
      tricky.map((text) => ({ kind: 'paragraph' as const, nl: text, en: text })),
    );
    expect(rendered(md).slice(1)).toEqual(
      tricky.flatMap((text) => [
        ['paragraph', text],
        ['blockquote', text],
      ]),
    );
  });

  it('keeps the line breaks of a correction', () => {
    const md = bilingualMarkdown('Titel', [{ kind: 'paragraph', nl: 'Een gedicht.', en: 'First line\nsecond line' }]);
    const quote = (unified().use(remarkParse).parse(md) as Root).children[2];
    expect(quote?.type).toBe('blockquote');
    expect(JSON.stringify(quote)).toContain('"type":"break"');
  });

  it('says in the file how many paragraphs had no English yet when it was exported', () => {
    const items = [
      { kind: 'paragraph' as const, nl: 'Vertaald.', en: 'Translated.' },
      { kind: 'paragraph' as const, nl: 'Nog niet.', en: '' },
    ];
    expect(rendered(bilingualMarkdown('Titel', items, '1 of 2 paragraphs were not translated yet.'))).toEqual([
      ['heading', 'Titel'],
      ['paragraph', '1 of 2 paragraphs were not translated yet.'],
      ['paragraph', 'Vertaald.'],
      ['blockquote', 'Translated.'],
      ['paragraph', 'Nog niet.'],
      ['blockquote', '—'],
    ]);
  });
});
