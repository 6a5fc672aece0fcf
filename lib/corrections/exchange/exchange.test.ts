import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { corrections, record } from './test-records';
import { parseJson, toJson } from './json';
import { bilingualHtml } from '@/lib/export/bilingual-html';
import { bilingualMarkdown } from '@/lib/export/bilingual-markdown';
import { parseImportFile } from './import-file';
import { parseTmx, toTmx } from './tmx';

describe('JSON export', () => {
  it('round-trips every field and every earlier version exactly', () => {
    expect(parseJson(toJson(corrections)).corrections).toEqual(corrections);
  });
  it.each([
    ['not JSON', '{', /not JSON/],
    ['another format', JSON.stringify({ format: 'other', version: 1, exportedAt: '', corrections: [] }), /format/],
    [
      'a future version',
      JSON.stringify({ format: 'tweetalig-corrections', version: 2, exportedAt: '', corrections: [] }),
      /version/,
    ],
    ['a bad status', toJson([{ ...corrections[0]!, status: 'great' as never }]), /corrections\.0\.status/],
    [
      'a missing text',
      JSON.stringify({
        format: 'tweetalig-corrections',
        version: 1,
        exportedAt: '',
        corrections: [{ sourceHash: 'x' }],
      }),
      /corrections\.0/,
    ],
  ])('rejects %s with a message naming the problem', (_name, text, message) => {
    expect(() => parseJson(text)).toThrow(message);
  });
});

describe('an import file', () => {
  const items = [{ kind: 'paragraph' as const, nl: 'Kruisraketten', en: 'Cruise missiles' }];
  it("refuses the app's own reading exports by name and by content, saying what they are", () => {
    const html = bilingualHtml('Titel', items, { lang: 'en', dutch: 'Dutch', english: 'English', note: 'n' });
    for (const [name, text, kind] of [
      ['artikel.nl-en.md', bilingualMarkdown('Titel', items), 'Markdown'],
      ['renamed.txt', bilingualMarkdown('Titel', items), 'Markdown'],
      ['artikel.nl-en.html', html, 'HTML'],
      ['renamed.json', html, 'HTML'],
    ] as const) {
      expect(() => parseImportFile(name, text), name).toThrow(
        expect.objectContaining({ code: 'readingExport', detail: kind }),
      );
    }
  });
  it('reads JSON and TMX, by name or by content', () => {
    expect(parseImportFile('c.json', toJson(corrections)).records).toEqual(corrections);
    expect(parseImportFile('c.tmx', toTmx(corrections)).records.map((r) => r.text)).toEqual(
      corrections.map((c) => c.text),
    );
    expect(parseImportFile('c', toTmx(corrections)).records).toHaveLength(2);
  });
});

describe('TMX 1.4b export', () => {
  it('round-trips source, translation, status, origin, machine text and dates', () => {
    const tmx = toTmx(corrections);
    expect(tmx).toContain('<tmx version="1.4">');
    expect(tmx).toContain('srclang="nl"');
    expect(tmx).toContain('<tuv xml:lang="en"><seg>Read also: "quotes" &amp; &lt;tags&gt;</seg></tuv>');
    expect(parseTmx(tmx).records).toEqual(corrections.map((c) => ({ ...c, history: [] })));
  });

  it('is well-formed XML 1.0 whatever a text holds: forbidden characters dropped or made line breaks, in segments and props', () => {
    const pasted = record('Kruis\u0001raketten', 'Cruise\u000bmissiles\u000c\u0007 \ud800 ok', {
      machineText: 'machine\u001ftext',
      origin: { article: 'a\u0002', segment: 's' },
    });
    const tmx = toTmx([pasted]);
    expect(tmx).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const [back] = parseTmx(tmx).records;
    expect(back).toMatchObject({
      source: 'Kruisraketten',
      text: 'Cruise\nmissiles\n\ufffd ok',
      machineText: 'machinetext',
      origin: { article: 'a' },
    });
  });
  it.each([
    ['broken XML', '<tmx><body><tu></body>', /not well-formed XML/],
    ['not TMX', '<?xml version="1.0"?><html/>', /not a TMX file/],
    ['an unknown status', toTmx(corrections).replace('>confirmed<', '>great<'), /translation unit 2: unknown status/],
  ])('rejects %s', (_name, xml, message) => {
    expect(() => parseTmx(xml)).toThrow(message);
  });
});

describe('TMX import from CAT tools', () => {
  const tmx = (header: string, units: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header ${header} datatype="plaintext" segtype="sentence" adminlang="en" creationtool="x" creationtoolversion="1" o-tmf="x"/><body>${units}</body></tmx>`;
  const tu = (nl: string | null, en: string | null, nlLang = 'nl-NL', enLang = 'en-GB') =>
    `<tu>${nl === null ? '' : `<tuv xml:lang="${nlLang}"><seg>${nl}</seg></tuv>`}${en === null ? '' : `<tuv xml:lang="${enLang}"><seg>${en}</seg></tuv>`}</tu>`;

  it('reads languages by primary subtag in any case, and lets the units’ own languages win over the header', () => {
    const file = tmx(
      'srclang="en"',
      tu('Kruisraketten', 'Cruise missiles') +
        tu('Lees ook:', 'Read also:', 'NL', 'EN-US') +
        tu('De kat.', 'The cat.', 'nl_BE', 'en'),
    );
    expect(parseTmx(file).records.map((r) => [r.source, r.text])).toEqual([
      ['Kruisraketten', 'Cruise missiles'],
      ['Lees ook:', 'Read also:'],
      ['De kat.', 'The cat.'],
    ]);
  });

  it('skips and counts a unit without English or without Dutch, and never fails the file for it', () => {
    const parsed = parseTmx(
      tmx(
        'srclang="nl"',
        tu('Kruisraketten', 'Cruise missiles') + tu('Zonder Engels', null) + tu('Leeg', '') + tu(null, 'Without Dutch'),
      ),
    );
    expect(parsed.records).toHaveLength(1);
    expect(parsed.skipped).toEqual({ noDutch: 1, noEnglish: 2 });
  });

  it('reduces inline markup to its text', () => {
    const parsed = parseTmx(
      tmx(
        'srclang="nl-NL"',
        tu(
          '<bpt i="1" x="1">&lt;b&gt;</bpt>Kruisraketten<ept i="1">&lt;/b&gt;</ept> en <ph x="2">&lt;br/&gt;</ph>meer',
          '<it pos="begin">&lt;i&gt;</it>Cruise <hi type="x">missiles</hi> and more',
        ),
      ),
    );
    expect(parsed.records.map((r) => [r.source, r.text])).toEqual([
      ['Kruisraketten en meer', 'Cruise missiles and more'],
    ]);
  });
});
