/**
 * Every way a paragraph's state changes, by name: the one place that writes a SegmentState. Code elsewhere asks
 * SegmentStates to `move(id, 'translated', result)`; what each move keeps and clears is read here, in one file.
 */
import type { CorrectionRecord } from '@/lib/store/types';
import type { EngineError, ParagraphTranslation } from '../engine/shared/protocol';
import type { SegmentState } from './segment-state';
import type { MemorySentence } from './sentence-memory';

/** Back to waiting for the engine; the reader's correction, memory and draft stay. */
const waiting = { status: 'waiting', text: '', sentences: null, error: null } as const;

export const transitions = {
  /** The engine started on it: its English so far. */
  translating: (s: SegmentState, partial: string): SegmentState => ({
    ...s,
    status: 'translating',
    text: partial,
    sentences: null,
    error: null,
  }),
  /** The model's English for this Dutch text arrived (for it, or for the same text elsewhere). */
  translated: (s: SegmentState, result: Pick<ParagraphTranslation, 'text' | 'sentences'>): SegmentState => ({
    ...s,
    status: 'done',
    text: result.text,
    sentences: result.sentences,
    error: null,
  }),
  /** Queued again (a retry, a crashed worker, an engine that must load again). */
  reset: (s: SegmentState): SegmentState => ({ ...s, ...waiting }),
  /** This paragraph failed; the others go on. */
  failed: (s: SegmentState, error: EngineError): SegmentState => ({ ...s, ...waiting, status: 'error', error }),
  /** Opened from storage: its stored machine translation, and its correction if it has one. */
  restored: (
    s: SegmentState,
    stored: { text: string; sentences: SegmentState['sentences'] },
    correction: CorrectionRecord | null,
    fromMemory: boolean,
  ): SegmentState => ({
    ...s,
    status: 'done',
    text: stored.text,
    sentences: stored.sentences,
    correction,
    fromMemory,
  }),
  /** Opened from storage with the reader's own text and no machine translation: nothing to translate. */
  restoredCorrected: (s: SegmentState, correction: CorrectionRecord, fromMemory: boolean): SegmentState => ({
    ...s,
    status: 'done',
    text: correction.machineText,
    sentences: null,
    correction,
    fromMemory,
  }),
  /** A correction record is known (a revert to the machine's text, say), the machine translation still to come. */
  correctionKnown: (s: SegmentState, correction: CorrectionRecord): SegmentState => ({ ...s, correction }),
  /** The reader saved, reverted or undid, here or in another tab; or a memory match arrived. */
  corrected: (s: SegmentState, correction: CorrectionRecord, fromMemory: boolean, canUndo: boolean): SegmentState => ({
    ...s,
    correction,
    fromMemory,
    canUndo,
  }),
  undoable: (s: SegmentState, canUndo: boolean): SegmentState => (s.canUndo === canUndo ? s : { ...s, canUndo }),
  /** Sentences of the reader's translation memory for it (null: none any more). All of them: nothing to translate. */
  memory: (s: SegmentState, memory: MemorySentence[] | null, complete: boolean): SegmentState =>
    complete && s.status !== 'done'
      ? { ...s, status: 'done', memory, fromMemory: true }
      : { ...s, memory, fromMemory: complete },
  /** Unsaved text of an editor, kept for when it reopens. */
  draftKept: (s: SegmentState, text: string): SegmentState => ({ ...s, draft: text }),
  draftDropped: (s: SegmentState): SegmentState => (s.draft === null ? s : { ...s, draft: null }),
  /** Its machine text is being made on demand (a revert waits for it), or is done being made. */
  machinePending: (s: SegmentState, pending: boolean): SegmentState => ({ ...s, machinePending: pending }),
};

type Transitions = typeof transitions;
export type TransitionName = keyof Transitions;
type Rest<F> = F extends (s: SegmentState, ...args: infer A) => SegmentState ? A : never;
export type TransitionArgs<N extends TransitionName> = Rest<Transitions[N]>;

export function next<N extends TransitionName>(state: SegmentState, name: N, ...args: TransitionArgs<N>): SegmentState {
  return (transitions[name] as (s: SegmentState, ...a: TransitionArgs<N>) => SegmentState)(state, ...args);
}
