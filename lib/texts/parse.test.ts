import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { segmentsOf } from '@/lib/content/types';
import { checkTitle, decodeText, MAX_BYTES, MAX_PARAGRAPHS, MAX_TITLE, TextInputError } from './limits';
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
    expect(segmentsOf(parsed.blocks).map((s) => s.text)).toEqual([
      'Eerste alinea, met een zin.',
      'Tweede alinea. Nog een zin.',
    ]);
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

  it('reads UTF-16 (Notepad’s “Unicode”, little- or big-endian, with or without a BOM)', () => {
    const text = 'Één café, ’s avonds.\nTweede regel.';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le]))).toBe(text);
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]))).toBe(text);
    expect(decodeText(new Uint8Array(le))).toBe(text);
    expect(decodeText(new Uint8Array(be))).toBe(text);
  });

  it('refuses a binary file and one over 5 MB', () => {
    expect(code(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).toBe(
      'binary',
    );
    expect(code(() => decodeText(new Uint8Array(200).map((_, i) => (i % 7) + 1)))).toBe('binary');
    expect(code(() => decodeText(new Uint8Array(MAX_BYTES + 1).fill(0x61)))).toBe('tooLarge');
  });
});

describe('file names', () => {
  it('knows .txt, .md and .html, and nothing else', () => {
    expect(['a.txt', 'b.MD', 'c.markdown', 'd.htm', 'e.html', 'f.pdf', 'g'].map(formatOfFile)).toEqual([
      'txt',
      'md',
      'md',
      'html',
      'html',
      null,
      null,
    ]);
  });

  it('titles an untitled text by its first words', () => {
    const { blocks } = parseUserText(
      'De Amerikaanse president stuurt extra troepen naar Oost-Europa vandaag.',
      'paste',
    );
    expect(titleFromBlocks(blocks, 'x')).toBe('De Amerikaanse president stuurt extra troepen naar Oost-Europa…');
  });
});

describe('every word of a reader’s text is kept', () => {
  const texts = (raw: string, options?: { titleFromText?: boolean }) => {
    const parsed = parseUserText(raw, 'paste', undefined, options);
    return {
      title: parsed.title,
      blocks: segmentsOf(parsed.blocks).map((s) => [s.kind, s.text]),
      paragraphs: parsed.paragraphCount,
    };
  };

  it('with a typed title, the text’s first line stays text; without one, a heading-like first line is the title', () => {
    const raw = 'Inleiding\nDe kat zit op de mat.\nTot slot\nDe hond blaft.';
    expect(texts(raw, { titleFromText: false })).toEqual({
      title: null,
      blocks: [
        ['heading', 'Inleiding'],
        ['paragraph', 'De kat zit op de mat.'],
        ['heading', 'Tot slot'],
        ['paragraph', 'De hond blaft.'],
      ],
      paragraphs: 2,
    });
    expect(texts(raw).title).toBe('Inleiding');
    expect(texts(raw).blocks).toHaveLength(3);
  });

  it('short posts ending in an emoji are paragraphs, not headings, and the count says so', () => {
    const posts = 'Wat een dag in Utrecht 🌧️\nDe trein stond weer stil 😤\nMorgen beter 🙏\nEindelijk thuis, koffie ☕';
    expect(texts(posts, { titleFromText: false })).toEqual({
      title: null,
      blocks: [
        ['paragraph', 'Wat een dag in Utrecht 🌧️'],
        ['paragraph', 'De trein stond weer stil 😤'],
        ['paragraph', 'Morgen beter 🙏'],
        ['paragraph', 'Eindelijk thuis, koffie ☕'],
      ],
      paragraphs: 4,
    });
    // A heading-like line is a heading only before prose: two in a row, or one at the end, are paragraphs.
    expect(
      texts('Het weer\nHet verkeer\nDe files staan tot Utrecht.\nTot morgen', { titleFromText: false }).blocks,
    ).toEqual([
      ['paragraph', 'Het weer'],
      ['heading', 'Het verkeer'],
      ['paragraph', 'De files staan tot Utrecht.'],
      ['paragraph', 'Tot morgen'],
    ]);
  });

  it('removes pasted control characters (BEL, ESC, NUL) and keeps line breaks and tabs', () => {
    const parsed = texts('Een\u0007 bel en een \u001b[31mescape\u0000.\u000bTweede\tregel.\u2028Derde regel.', {
      titleFromText: false,
    });
    expect(parsed.blocks).toEqual([
      ['paragraph', 'Een bel en een [31mescape.'],
      ['paragraph', 'Tweede regel.'],
      ['paragraph', 'Derde regel.'],
    ]);
    expect(checkTitle('Titel\u0007 met bel')).toBe('Titel met bel');
  });

  it('reads a list of single words as paragraphs, first word included', () => {
    expect(texts('appel\npeer\nbanaan')).toEqual({
      title: null,
      blocks: [
        ['paragraph', 'appel'],
        ['paragraph', 'peer'],
        ['paragraph', 'banaan'],
      ],
      paragraphs: 3,
    });
  });

  it('keeps line-separated text as paragraphs, and a hard-wrapped paragraph as one', () => {
    expect(
      texts('Eerste alinea.\nTweede alinea die vrij lang is en daarom\ndoorloopt op de volgende regel.').blocks,
    ).toEqual([
      ['paragraph', 'Eerste alinea.'],
      ['paragraph', 'Tweede alinea die vrij lang is en daarom doorloopt op de volgende regel.'],
    ]);
    const wrapped =
      'Dit is een lange zin die netjes is afgebroken op\nongeveer zeventig tekens, zoals in een oude e-mail\nvan iemand die nog met vaste regellengtes werkt.';
    expect(texts(wrapped).blocks).toEqual([['paragraph', wrapped.replace(/\n/g, ' ')]]);
  });
});

describe('an HTML file', () => {
  const parse = (html: string, options?: { titleFromText?: boolean }) => {
    const parsed = parseUserText(
      html,
      'html',
      (raw) => new DOMParser().parseFromString(raw, 'text/html') as unknown as Document,
      options,
    );
    return segmentsOf(parsed.blocks).map((s) => s.text);
  };

  it('keeps all readable text in document order, block boundaries as paragraph breaks', () => {
    const html = `<html><head><title>T</title></head><body><main>
      <p>Een verhaal.</p><div>Tekst in een div naast alinea's.</div>
      <p>gedichtregel een<br>gedichtregel twee<br>gedichtregel drie</p>
      <div>Einde van het verhaal.<div>Dit is de tweede alinea</div></div>
      <ul><li>Eigen tekst van het punt<p>met een alinea erin</p></li></ul>
      <script>alert(1)</script><style>p{}</style><nav>Menu</nav><form><button>Stuur</button></form></main><footer>Voet</footer></body></html>`;
    expect(parse(html)).toEqual([
      'Een verhaal.',
      "Tekst in een div naast alinea's.",
      'gedichtregel een',
      'gedichtregel twee',
      'gedichtregel drie',
      'Einde van het verhaal.',
      'Dit is de tweede alinea',
      'Eigen tekst van het punt',
      'met een alinea erin',
    ]);
  });

  it('keeps the first heading as text when the reader typed a title', () => {
    const html = '<html><head><title>Pagina</title></head><body><h1>Pagina</h1><p>Tekst.</p></body></html>';
    expect(parse(html)).toEqual(['Tekst.']);
    expect(parse(html, { titleFromText: false })).toEqual(['Pagina', 'Tekst.']);
  });
});

describe('titles', () => {
  it('refuses a typed title over 200 characters, and shortens one found in a file', () => {
    expect(code(() => checkTitle('a'.repeat(MAX_TITLE + 1)))).toBe('titleTooLong');
    expect(checkTitle(`  ${'b'.repeat(MAX_TITLE)}  `)).toHaveLength(MAX_TITLE);
    const parsed = parseUserText(`---\ntitle: ${'c'.repeat(5000)}\n---\n\nTekst.`, 'md');
    expect(Array.from(parsed.title ?? '')).toHaveLength(MAX_TITLE);
    expect(parsed.title?.endsWith('…')).toBe(true);
  });
});
