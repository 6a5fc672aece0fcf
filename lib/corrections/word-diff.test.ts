import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('marks the words a reader replaced, added and removed', () => {
    expect(wordDiff('The troops go to Poland today', 'The soldiers go to Poland and Germany')).toEqual([
      { kind: 'same', text: 'The' },
      { kind: 'removed', text: 'troops' },
      { kind: 'added', text: 'soldiers' },
      { kind: 'same', text: 'go to Poland' },
      { kind: 'removed', text: 'today' },
      { kind: 'added', text: 'and Germany' },
    ]);
  });
  it('gives one unchanged part for identical texts, and handles empty ones', () => {
    expect(wordDiff('a b c', 'a  b\nc')).toEqual([{ kind: 'same', text: 'a b c' }]);
    expect(wordDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(wordDiff('old', '')).toEqual([{ kind: 'removed', text: 'old' }]);
  });
});
