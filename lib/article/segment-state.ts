/** One paragraph's state as the reader sees it: shared by the translator, its corrections and the UI. */
import type { SegmentKind } from '@/lib/content/types';
import type { CorrectionRecord } from '@/lib/store/types';
import { hasOwnText } from '@/lib/store/versioning';
import type { EngineError, SentenceTranslation } from '../engine/shared/protocol';
import { joinSentences, mergeMemory, type MemorySentence } from './sentence-memory';

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
  /** Unsaved text of an editor left open (a reload, a language switch): the editor reopens with it. */
  draft: string | null;
  /** The machine text is being made on demand (a revert of a correction that never had one waits for it). */
  machinePending: boolean;
  /** Sentences the reader's translation memory has (sentence-level units from a CAT tool, say): shown instead of the machine's. */
  memory: MemorySentence[] | null;
}

export const WAITING: SegmentState = {
  status: 'waiting',
  text: '',
  sentences: null,
  error: null,
  correction: null,
  fromMemory: false,
  canUndo: false,
  draft: null,
  machinePending: false,
  memory: null,
};

/** The reader's own text is shown: there is a correction, it was not reverted to the machine text, and it is not empty. */
export function isCorrected(state: SegmentState): boolean {
  return hasOwnText(state.correction);
}

/** The sentences the reader sees when it is not their own text: the machine's, with translation memory laid over them. */
export function shownSentences(state: SegmentState): SentenceTranslation[] | null {
  return state.memory ? (mergeMemory(state.memory, state.sentences) ?? state.sentences) : state.sentences;
}

/** What the reader sees for a paragraph: the correction unless it was reverted, else the machine text (with memory). */
export function shownText(state: SegmentState): string {
  if (state.correction && isCorrected(state)) return state.correction.text;
  const merged = state.memory ? mergeMemory(state.memory, state.sentences) : null;
  if (merged) return joinSentences(merged);
  return state.text || (state.correction?.status === 'machine' ? state.correction.text : '');
}

/** The machine text a correction replaces (or a revert goes back to). */
export function machineTextOf(state: SegmentState): string {
  return state.text || state.correction?.machineText || '';
}
