import { describe, expect, it } from 'vitest';
import { tidyCorrection } from './tidy';

describe('tidyCorrection', () => {
  it('keeps the line breaks a reader typed, and tidies spaces within lines', () => {
    expect(tidyCorrection('  First  line \r\nsecond\tline\n\n\n\nthird ')).toBe('First line\nsecond line\n\nthird');
  });

  it('turns a pasted vertical tab or form feed into a line break and drops other control characters', () => {
    expect(tidyCorrection('Cruise\u000Bmissiles\u000Cnow\u0001\u0007!')).toBe('Cruise\nmissiles\nnow!');
  });

  it('leaves nothing of a text that is only white space', () => {
    expect(tidyCorrection(' \n\t \n ')).toBe('');
  });
});
