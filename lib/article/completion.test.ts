import { describe, expect, it } from 'vitest';
import { ghostText, nextWord, typedSentence } from './completion';

describe('the sentence a reader is typing', () => {
  it('is the one the caret ends, numbered across the paragraph', () => {
    const text = 'The first one is done. The gov';
    expect(typedSentence(text, text.length)).toEqual({ index: 1, start: 23, typed: 'The gov' });
    expect(typedSentence('Trains', 6)).toEqual({ index: 0, start: 0, typed: 'Trains' });
    const lines = 'One. Two.\nThree is';
    expect(typedSentence(lines, lines.length)).toMatchObject({ index: 2, typed: 'Three is' });
  });

  it('may be followed by the next sentence or line, never by the rest of itself', () => {
    const text = 'The gov Next sentence stays.';
    expect(typedSentence(text, 7)).toMatchObject({ index: 0, typed: 'The gov' });
    expect(typedSentence('The government plans', 7)).toBeNull(); // mid-word: the sentence goes on
    expect(typedSentence('The gov and more', 7)).toBeNull();
    expect(typedSentence('Done.\nNext', 5)).toBeNull(); // a finished sentence
    expect(typedSentence('Done. ', 6)).toBeNull();
    expect(typedSentence('', 0)).toBeNull();
  });
});

describe('the ghost text', () => {
  it('is the rest of the model sentence when it begins with what was typed', () => {
    expect(ghostText('The gov', 'The government plans more.')).toBe('ernment plans more.');
    expect(ghostText('The gov', 'A government plans more.')).toBeNull();
    expect(ghostText('Done.', 'Done.')).toBeNull();
  });

  it('is taken a word at a time, with its space and punctuation', () => {
    expect(nextWord('ernment plans more.')).toBe('ernment');
    expect(nextWord(' plans more.')).toBe(' plans');
    expect(nextWord(' more.')).toBe(' more.');
  });
});
