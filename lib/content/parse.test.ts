import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceHash } from './block-id';
import { parseArticleFile } from './parse';
import { segmentsOf } from './types';

const root = path.resolve(__dirname, '../..');
const seedMd = readFileSync(path.join(root, 'content/amerikaanse-troepen-oostflank.md'), 'utf8');
// The seed exactly as delivered; the shipped Markdown must reproduce it word for word.
const seedTxt = readFileSync(path.join(root, 'tests/fixtures/seed-000_9d66e33e2d99ebe9.txt'), 'utf8');

describe('the seed article', () => {
  const article = parseArticleFile('amerikaanse-troepen-oostflank.md', seedMd);
  const segments = segmentsOf(article.blocks);

  it('gives the exact block list: kinds and texts, in order, word for word', () => {
    const seedParagraphs = seedTxt.split(/\n\n/).map((p) => p.trim());
    expect(segments.map((s) => s.text)).toEqual(seedParagraphs);
    expect(segments.map((s) => s.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'aside-label',
      'aside-title',
      'aside-paragraph',
    ]);
  });

  it('groups the "Lees ook:" box as one aside after the body', () => {
    expect(article.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'aside',
    ]);
    const aside = article.blocks.at(-1);
    expect(aside?.kind === 'aside' && aside.items.map((i) => i.text)).toEqual([
      'Lees ook:',
      'Rutte in Kiev: Het Westen kan niet toekijken en rustig een sigaar opsteken',
      expect.stringMatching(/^Concrete afspraken werden niet gemaakt in Kiev\./),
    ]);
  });

  it('reads the front matter', () => {
    expect(article).toMatchObject({
      slug: 'amerikaanse-troepen-oostflank',
      title: 'Amerikaanse troepen versterken de oostflank van Europa',
      published: '2022-02-02',
      format: 'md',
      paragraphCount: 5,
      segmentCount: 9,
    });
    expect(article.source).toBeTruthy();
  });

  it('has unique ids derived from the text', () => {
    const ids = segments.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of segments) expect(s.id).toBe(`s-${sourceHash(s.text)}`);
  });
});

describe('stable ids', () => {
  const md = (body: string) => `---\ntitle: T\nsource: S\npublished: 2024-01-01\n---\n\n${body}\n`;
  const ids = (body: string) => segmentsOf(parseArticleFile('x.md', md(body)).blocks).map((s) => s.id);

  it('do not change when other paragraphs are added, removed or reordered', () => {
    const [a, b] = ids('Eerste alinea.\n\nTweede alinea.');
    expect(ids('Nieuw begin.\n\nTweede alinea.\n\nEerste alinea.')).toEqual([expect.any(String), b, a]);
  });

  it('ignore line wrapping and spacing, but change with the words', () => {
    expect(ids('Een   zin\nover twee regels.')).toEqual(ids('Een zin over twee regels.'));
    expect(ids('Een zin.')).not.toEqual(ids('Een zinnetje.'));
  });

  it('stay unique when a text repeats in one article', () => {
    const list = ids('Zelfde.\n\nAnders.\n\nZelfde.');
    expect(new Set(list).size).toBe(3);
    expect(list[2]).toBe(`${list[0]}-2`);
  });
});

describe('front-matter and content errors name the file and the reason', () => {
  const cases: [string, string, RegExp][] = [
    ['no front matter', 'Gewoon tekst.', /^kapot\.md: missing front matter/],
    ['unclosed', '---\ntitle: T\nsource: S\n\nTekst.', /^kapot\.md: front matter is not closed/],
    [
      'invalid YAML',
      '---\ntitle: [T\nsource: S\npublished: 2024-01-01\n---\nTekst.',
      /^kapot\.md: front matter is not valid YAML/,
    ],
    [
      'missing title',
      '---\nsource: S\npublished: 2024-01-01\n---\nTekst.',
      /^kapot\.md: front matter needs a non-empty "title"/,
    ],
    ['missing source', '---\ntitle: T\npublished: 2024-01-01\n---\nTekst.', /"source"/],
    ['bad date', '---\ntitle: T\nsource: S\npublished: gisteren\n---\nTekst.', /"published"/],
    ['impossible date', '---\ntitle: T\nsource: S\npublished: 2024-02-30\n---\nTekst.', /not a real date/],
    ['bad url', '---\ntitle: T\nsource: S\npublished: 2024-01-01\nurl: javascript:alert(1)\n---\nTekst.', /"url"/],
    [
      'unknown field',
      '---\ntitle: T\nsource: S\npublished: 2024-01-01\nauteur: X\n---\nTekst.',
      /unknown front-matter field "auteur"/,
    ],
    ['no text', '---\ntitle: T\nsource: S\npublished: 2024-01-01\n---\n\n   \n', /^kapot\.md: the article has no text/],
  ];
  it.each(cases)('%s', (_name, raw, message) => {
    expect(() => parseArticleFile('kapot.md', raw)).toThrow(message);
  });

  it('rejects file names that would make unsafe or ugly URLs', () => {
    expect(() => parseArticleFile('Mijn Artikel.txt', 'Tekst.')).toThrow(/^Mijn Artikel\.txt: the file name/);
    expect(() => parseArticleFile('leeg.txt', '\n\n  \n')).toThrow(/^leeg\.txt: the article has no text/);
  });
});

describe('plain-text articles', () => {
  it('take the title from a title-like first line', () => {
    const a = parseArticleFile(
      'over-fietsen.txt',
      'Fietsen in Utrecht\n\nDe stad telt veel fietsers.\nHet worden er meer.\n\nParkeren\n\nDe stalling is vol.',
    );
    expect(a.title).toBe('Fietsen in Utrecht');
    expect(segmentsOf(a.blocks).map((s) => [s.kind, s.text])).toEqual([
      ['paragraph', 'De stad telt veel fietsers. Het worden er meer.'],
      ['heading', 'Parkeren'],
      ['paragraph', 'De stalling is vol.'],
    ]);
  });

  it('fall back to the file name for the title', () => {
    const a = parseArticleFile('over-fietsen.txt', 'De stad telt veel fietsers.\n\nHet worden er meer.');
    expect(a.title).toBe('Over fietsen');
    expect(a.paragraphCount).toBe(2);
  });
});
