import { describe, expect, it } from 'vitest';
import { chunkSentence } from './chunk';

describe('chunkSentence', () => {
  const perChar = (w: string) => w.length; // a stand-in tokenizer: one token per character
  it('keeps a sentence that fits whole', () => {
    expect(chunkSentence('kort en goed', perChar, 20)).toEqual(['kort en goed']);
  });
  it('cuts at clause punctuation once a piece is half full, and loses no word', () => {
    const s = 'eerst dit, dan dat; en verder nog veel meer woorden hier';
    const chunks = chunkSentence(s, perChar, 24);
    expect(chunks.join(' ')).toBe(s);
    expect(chunks[0]).toBe('eerst dit, dan dat;');
    for (const c of chunks) expect(c.split(' ').reduce((n, w) => n + w.length, 0)).toBeLessThanOrEqual(23);
  });
  it('splits a single over-long word', () => {
    const chunks = chunkSentence('x'.repeat(50), perChar, 20);
    expect(chunks.join('')).toBe('x'.repeat(50));
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(19);
  });
});
