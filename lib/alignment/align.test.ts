import { describe, expect, it } from 'vitest';
import type { SentenceTranslation } from '@/lib/engine/shared/protocol';
import { dutchSpans, englishSpans, pieces } from './align';

const nl = 'Dhr. Jansen komt morgen. Hij blijft o.a. twee dagen. Dan gaat hij weer.';
const dutch = dutchSpans(nl);
const machine: SentenceTranslation[] = dutch.map((s, i) => ({
  source: nl.slice(s.start, s.end),
  start: s.start,
  end: s.end,
  target: ['Mr Jansen comes tomorrow.', 'He stays two days, among others.', 'Then he goes again.'][i]!,
}));
const shown = machine.map((m) => m.target).join(' ');

const texts = (text: string, spans: ReturnType<typeof englishSpans>) =>
  spans?.map((s) => [s.index, text.slice(s.start, s.end)]) ?? null;

describe('sentence alignment', () => {
  it('splits the Dutch as the engine does, abbreviations inside their sentence', () => {
    expect(dutch.map((s) => nl.slice(s.start, s.end))).toEqual([
      'Dhr. Jansen komt morgen.',
      'Hij blijft o.a. twee dagen.',
      'Dan gaat hij weer.',
    ]);
  });

  it('pairs each machine sentence with its Dutch sentence by index', () => {
    expect(texts(shown, englishSpans(shown, machine, dutch, false))).toEqual([
      [0, 'Mr Jansen comes tomorrow.'],
      [1, 'He stays two days, among others.'],
      [2, 'Then he goes again.'],
    ]);
  });

  it('keeps sentence alignment for a correction with as many sentences, and falls back to the paragraph otherwise', () => {
    const same = 'Mr. Jansen arrives tomorrow. He stays for two days. Then he leaves.';
    expect(texts(same, englishSpans(same, machine, dutch, true))?.map(([i]) => i)).toEqual([0, 1, 2]);
    expect(englishSpans('Mr Jansen arrives tomorrow for two days, then leaves.', machine, dutch, true)).toBeNull();
  });

  it('falls back to the paragraph when the engine’s boundaries differ from the ones on the page', () => {
    const shifted = machine.map((m, i) => (i === 1 ? { ...m, start: m.start + 1 } : m));
    expect(englishSpans(shown, shifted, dutch, false)).toBeNull();
  });

  it('skips a sentence the model left empty: it has no partner to light', () => {
    const gap = machine.map((m, i) => (i === 1 ? { ...m, target: '' } : m));
    const text = gap
      .map((m) => m.target)
      .filter(Boolean)
      .join(' ');
    expect(texts(text, englishSpans(text, gap, dutch, false))?.map(([i]) => i)).toEqual([0, 2]);
  });

  it('cuts text into runs that put it back together exactly', () => {
    const runs = pieces(nl, dutch);
    expect(runs.map((r) => r.text).join('')).toBe(nl);
    expect(runs.filter((r) => r.index !== null)).toHaveLength(3);
  });
});

describe('a correction keeps the engine’s sentence boundaries', () => {
  // The English segmenter cuts "Mr. Jansen" after "Mr.": counted afresh, this text has four sentences, not three.
  const abbreviated: SentenceTranslation[] = machine.map((m, i) => ({
    ...m,
    target: ['Mr. Jansen comes tomorrow.', 'He stays two days, e.g. at home.', 'Then he goes again.'][i]!,
  }));
  const text = abbreviated.map((m) => m.target).join(' ');

  it('a confirmed text (unchanged) keeps every sentence where the engine put it', () => {
    expect(texts(text, englishSpans(text, abbreviated, dutch, true))).toEqual([
      [0, 'Mr. Jansen comes tomorrow.'],
      [1, 'He stays two days, e.g. at home.'],
      [2, 'Then he goes again.'],
    ]);
  });

  it('an edited sentence is the text between its unchanged neighbours', () => {
    const edited = 'Mr. Jansen comes tomorrow. He will stay for two days, mostly at home. Then he goes again.';
    expect(texts(edited, englishSpans(edited, abbreviated, dutch, true))).toEqual([
      [0, 'Mr. Jansen comes tomorrow.'],
      [1, 'He will stay for two days, mostly at home.'],
      [2, 'Then he goes again.'],
    ]);
    const lastEdited = 'Mr. Jansen comes tomorrow. He stays two days, e.g. at home. After that he leaves.';
    expect(texts(lastEdited, englishSpans(lastEdited, abbreviated, dutch, true))?.at(-1)).toEqual([
      2,
      'After that he leaves.',
    ]);
  });

  it('two edited sentences in a row are cut in two, and a deleted sentence has no partner', () => {
    const two = 'Mr. Jansen comes tomorrow. He stays for two days. Then he leaves.';
    expect(texts(two, englishSpans(two, abbreviated, dutch, true))).toEqual([
      [0, 'Mr. Jansen comes tomorrow.'],
      [1, 'He stays for two days.'],
      [2, 'Then he leaves.'],
    ]);
    const deleted = 'Mr. Jansen comes tomorrow. Then he goes again.';
    expect(texts(deleted, englishSpans(deleted, abbreviated, dutch, true))).toEqual([
      [0, 'Mr. Jansen comes tomorrow.'],
      [2, 'Then he goes again.'],
    ]);
  });

  it('a text rewritten through falls back to cutting it afresh, or to the whole paragraph', () => {
    const rewritten = 'Jansen arrives tomorrow. He stays for two days. Then he leaves.';
    expect(texts(rewritten, englishSpans(rewritten, abbreviated, dutch, true))?.map(([i]) => i)).toEqual([0, 1, 2]);
    expect(englishSpans('Jansen arrives tomorrow for two days, then leaves.', abbreviated, dutch, true)).toBeNull();
  });
});
