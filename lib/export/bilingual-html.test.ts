import { describe, expect, it } from 'vitest';
import { bilingualHtml } from './bilingual-html';

const labels = { lang: 'en', dutch: 'Dutch', english: 'English', note: 'Exported' } as const;

describe('bilingualHtml', () => {
  it('pairs every Dutch block with its English, each marked with its language', () => {
    const html = bilingualHtml(
      'Titel',
      [
        { kind: 'heading', nl: 'Kop', en: 'Head' },
        { kind: 'paragraph', nl: 'Een zin.', en: 'A sentence.' },
      ],
      labels,
    );
    expect(html).toContain('<div class="pair"><h2 lang="nl">Kop</h2><h2 lang="en">Head</h2></div>');
    expect(html).toContain('<div class="pair"><p lang="nl">Een zin.</p><p lang="en">A sentence.</p></div>');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it('writes text as text: markup in an article or a correction cannot run', () => {
    const html = bilingualHtml(
      '<script>alert(1)</script>',
      [{ kind: 'paragraph', nl: 'a < b & "c"', en: '<img src=x onerror=alert(1)>' }],
      labels,
    );
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('a &lt; b &amp; &quot;c&quot;');
    // And even if something slipped through, the file's own policy forbids scripts.
    expect(html).toContain(`default-src 'none'`);
  });

  it('marks a paragraph that has no English yet instead of leaving a hole', () => {
    const html = bilingualHtml('T', [{ kind: 'paragraph', nl: 'Nog niet.', en: '' }], labels);
    expect(html).toContain('<p lang="en" class="missing">—</p>');
  });

  it('says under the title how many paragraphs had no English yet', () => {
    const html = bilingualHtml('T', [{ kind: 'paragraph', nl: 'Nog niet.', en: '' }], {
      ...labels,
      untranslated: '1 of 1 paragraphs were not translated yet.',
    });
    expect(html).toContain('<p class="note" role="note">1 of 1 paragraphs were not translated yet.</p>');
    expect(bilingualHtml('T', [{ kind: 'paragraph', nl: 'Ja.', en: 'Yes.' }], labels)).not.toContain('role="note"');
  });
});
