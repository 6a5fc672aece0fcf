/**
 * Where the reader sees English the model was unsure of: the doubtful words (engine/words.ts) of each machine
 * sentence that is shown as the machine made it. A correction shows none (it is the reader's own text); a
 * sentence taken from translation memory shows none either.
 */
import { hasOwnText } from '@/lib/store/versioning';
import type { CorrectionRecord, MachineRecord } from '@/lib/store/types';
import { doubtfulWords } from '../engine/shared/words';
import { isCorrected, type SegmentState } from './segment-state';

/** Each shown machine sentence with doubtful words: its index, and those words' offsets in its English and probabilities. */
export function doubts(state: SegmentState): { sentence: number; words: [number, number, number][] }[] {
  if (state.status !== 'done' || isCorrected(state) || !state.sentences) return [];
  return state.sentences.flatMap((s, sentence) => {
    if (state.memory?.[sentence]?.target != null) return [];
    const words = doubtfulWords(s.words, s.target);
    return words.length > 0 ? [{ sentence, words }] : [];
  });
}

/** How many of a paragraph's shown sentences have a doubtful word. */
export const doubtfulCount = (state: SegmentState): number => doubts(state).length;

/** Stored machine sentences with a doubtful word, counted once per Dutch sentence; corrected paragraphs have none. */
export function storedDoubtful(machine: readonly MachineRecord[], corrections: readonly CorrectionRecord[]): number {
  const corrected = new Set(corrections.filter(hasOwnText).map((c) => c.sourceHash));
  const seen = new Set<string>();
  for (const record of machine) {
    if (corrected.has(record.sourceHash)) continue;
    for (const s of record.sentences)
      if (doubtfulWords(s.words, s.target).length > 0) seen.add(`${record.sourceHash}|${s.source}`);
  }
  return seen.size;
}
