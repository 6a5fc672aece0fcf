/**
 * The reader's glossary terms in a paragraph's English, as the reader sees them marked: where each term the
 * model was made to use stands in its sentence, and the terms it could not use (reported, never dropped in
 * silence). Only the model's English is marked: a correction is the reader's own words.
 */
import type { PlacedTerm } from '@/lib/engine/shared/terms';
import { isCorrected, shownSentences, type SegmentState } from './segment-state';

export interface TermMark {
  start: number;
  end: number;
  source: string;
  target: string;
}

const letter = /[\p{L}\p{N}]/u;

/** Where `target` stands in `text` as a whole word (its capitalisation first, then any), at or after `from`. */
function find(text: string, target: string, from: number): number {
  for (const hay of [text, text.toLocaleLowerCase('en')]) {
    const needle = hay === text ? target : target.toLocaleLowerCase('en');
    for (let at = hay.indexOf(needle, from); at >= 0; at = hay.indexOf(needle, at + 1)) {
      const before = at > 0 ? text[at - 1]! : ' ';
      const after = text[at + target.length] ?? ' ';
      if (!letter.test(before) && !letter.test(after)) return at;
    }
  }
  return -1;
}

export function termMarks(state: SegmentState): { marks: Map<number, TermMark[]>; unplaced: PlacedTerm[] } {
  const marks = new Map<number, TermMark[]>();
  const unplaced: PlacedTerm[] = [];
  if (isCorrected(state)) return { marks, unplaced };
  (shownSentences(state) ?? []).forEach((sentence, i) => {
    const found: TermMark[] = [];
    for (const term of sentence.terms ?? []) {
      if (!term.placed) {
        unplaced.push(term);
        continue;
      }
      const start = find(sentence.target, term.target, 0);
      if (start < 0 || found.some((m) => start < m.end && start + term.target.length > m.start)) continue;
      found.push({ start, end: start + term.target.length, source: term.source, target: term.target });
    }
    if (found.length > 0)
      marks.set(
        i,
        found.sort((a, b) => a.start - b.start),
      );
  });
  return { marks, unplaced };
}
