import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { bilingualMarkdown } from './bilingual-markdown';

describe('bilingualMarkdown', () => {
  const md = bilingualMarkdown('Een *titel*', [
    { kind: 'paragraph', nl: 'Eerste alinea.', en: 'First paragraph.' },
    { kind: 'heading', nl: 'Kruisraketten', en: 'Cruise missiles' },
    { kind: 'paragraph', nl: 'Met <b>html</b> en # teken.', en: '' },
  ]);

  it('pairs each Dutch block with its English, headings as headings', () => {
    expect(md).toBe(
      '# Een \\*titel\\*\n\nEerste alinea.\n\n> First paragraph.\n\n## Kruisraketten\n\n> Cruise missiles\n\nMet \\<b\\>html\\</b\\> en \\# teken.\n\n> —\n',
    );
  });

  it('parses back to the same texts with a real Markdown parser', () => {
    const tree = unified().use(remarkParse).parse(md);
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'paragraph', 'blockquote', 'heading', 'blockquote', 'paragraph', 'blockquote']);
  });
});
