import { describe, expect, it } from 'vitest';
import type { CorrectionRecord } from '@/lib/store/types';
import { isCorrected, shownText, WAITING, type SegmentState } from './segment-state';

const correction = (status: CorrectionRecord['status'], text: string): CorrectionRecord => ({
  sourceHash: 'h',
  source: 'Kruisraketten',
  text,
  status,
  machineText: 'old machine text',
  origin: { article: 'a', segment: 's' },
  createdAt: 1,
  updatedAt: 1,
  history: [],
});

describe('what the reader sees', () => {
  const machine: SegmentState = { ...WAITING, status: 'done', text: 'a new machine translation' };
  it('is the correction, whatever the machine made since (a re-translation or another model)', () => {
    expect(shownText({ ...machine, correction: correction('edited', 'Cruise missiles') })).toBe('Cruise missiles');
    expect(shownText({ ...machine, correction: correction('confirmed', 'Cruise missiles') })).toBe('Cruise missiles');
  });
  it('is the machine text after a revert, and the reverted text when no machine text is there yet', () => {
    expect(shownText({ ...machine, correction: correction('machine', 'old machine text') })).toBe(
      'a new machine translation',
    );
    expect(shownText({ ...WAITING, correction: correction('machine', 'old machine text') })).toBe('old machine text');
  });
  it('counts as corrected for an edit or a confirmation, even before any machine text; not after a revert', () => {
    expect(isCorrected({ ...WAITING, correction: correction('edited', 'Cruise missiles') })).toBe(true);
    expect(isCorrected({ ...machine, correction: correction('confirmed', 'a new machine translation') })).toBe(true);
    expect(isCorrected({ ...machine, correction: correction('machine', 'old machine text') })).toBe(false);
    expect(isCorrected(machine)).toBe(false);
  });
});
