/** One paragraph's state as the reader sees it: shared by the translator, its corrections and the UI. */
import type { SegmentKind } from '@/lib/content/types';
import type { CorrectionRecord } from '@/lib/store/types';
import type { EngineError, SentenceTranslation } from './protocol';

export interface SourceSegment {
  id: string;
  text: string;
  kind?: SegmentKind;
}

export type SegmentStatus = 'waiting' | 'translating' | 'done' | 'error';

export interface SegmentState {
  status: SegmentStatus;
  /** The machine translation (or, while translating, its partial text). */
  text: string;
  sentences: SentenceTranslation[] | null;
  error: EngineError | null;
  /** The reader's correction of this Dutch text, if any: shown instead of the machine text. */
  correction: CorrectionRecord | null;
  /** The correction was made for the same Dutch text elsewhere: a translation-memory match. */
  fromMemory: boolean;
  canUndo: boolean;
}

export const WAITING: SegmentState = { status: 'waiting', text: '', sentences: null, error: null, correction: null, fromMemory: false, canUndo: false };

/** The reader's own text is shown: there is a correction and it was not reverted to the machine text. */
export function isCorrected(state: SegmentState): boolean {
  return state.correction !== null && state.correction.status !== 'machine';
}

/** What the reader sees for a paragraph: the correction unless it was reverted, else the machine text. */
export function shownText(state: SegmentState): string {
  if (state.correction && isCorrected(state)) return state.correction.text;
  return state.text || state.correction?.text || '';
}

/** The machine text a correction replaces (or a revert goes back to). */
export function machineTextOf(state: SegmentState): string {
  return state.text || state.correction?.machineText || '';
}
