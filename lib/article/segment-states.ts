/**
 * What the reader sees of an article's translation: each paragraph's state and the progress line, for the UI
 * (useSyncExternalStore-style: immutable snapshots, per-paragraph subscriptions, so one paragraph's streaming
 * does not re-render a thousand others). Free of React; the translator, its queue, storage and corrections
 * ask for named transitions (transitions.ts), the UI reads.
 */
import { sourceHash } from '@/lib/content/block-id';
import type { DownloadEvent, ReadyInfo } from '../engine/client/client';
import { doubtfulCount } from './confidence';
import type { EngineError } from '../engine/shared/protocol';
import { shownText, WAITING, type SegmentState, type SourceSegment } from './segment-state';
import { next, type TransitionArgs, type TransitionName } from './transitions';

export type Phase = 'idle' | 'starting' | 'downloading' | 'translating' | 'done' | 'failed';

export interface Progress {
  phase: Phase;
  /** Model files fetched over the network in this visit (empty when everything came from the browser cache). */
  files: Record<string, DownloadEvent>;
  error: EngineError | null;
  done: number;
  total: number;
  wordsPerSecond: number | null;
  engine: ReadyInfo | null;
  /** Where translations and corrections are kept: null until known; 'memory' means lost on reload; 'failing': a write just failed. */
  storage: 'persistent' | 'memory' | 'failing' | null;
  /** Shown machine sentences with a word the model was unsure of (confidence.ts). */
  doubtful: number;
}

export const IDLE: Progress = {
  phase: 'idle',
  files: {},
  error: null,
  done: 0,
  total: 0,
  wordsPerSecond: null,
  engine: null,
  storage: null,
  doubtful: 0,
};

/** What the article's collaborators (corrections, drafts, assist) may see and do of its paragraphs. */
export type ArticleParagraphs = Pick<SegmentStates, 'segments' | 'hashes' | 'indexOf' | 'get' | 'move'>;

export class SegmentStates {
  /** Each segment's Dutch hash (sourceHash(text)), by index: the key of everything stored about it. */
  readonly hashes: readonly string[];
  /** Called once when the article is all translated (the quick-open copy is kept then). */
  onFinished: (() => void) | null = null;
  private readonly states = new Map<string, SegmentState>();
  private readonly index = new Map<string, number>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly progressListeners = new Set<() => void>();
  private current: Progress;

  constructor(readonly segments: readonly SourceSegment[]) {
    segments.forEach((s, i) => {
      this.index.set(s.id, i);
      this.states.set(s.id, WAITING);
    });
    this.hashes = segments.map((s) => sourceHash(s.text));
    this.current = { ...IDLE, total: segments.length };
  }

  indexOf = (id: string): number | undefined => this.index.get(id);
  get = (id: string): SegmentState => this.states.get(id) ?? WAITING;

  /** The one way a paragraph's state changes: a named transition (transitions.ts). */
  move<N extends TransitionName>(id: string, name: N, ...args: TransitionArgs<N>) {
    const before = this.states.get(id);
    if (!before) return;
    const state = next(before, name, ...args);
    if (state === before) return;
    this.states.set(id, state);
    this.listeners.get(id)?.forEach((l) => l());
    // Kept as paragraphs change (translated, corrected, reverted), not recounted over the whole article.
    if (
      before.sentences !== state.sentences ||
      before.correction !== state.correction ||
      before.memory !== state.memory ||
      before.status !== state.status
    ) {
      const change = doubtfulCount(state) - doubtfulCount(before);
      if (change !== 0) this.setProgress({ doubtful: this.current.doubtful + change });
    }
  }

  subscribe(id: string, listener: () => void): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  get progress(): Progress {
    return this.current;
  }

  setProgress(patch: Partial<Progress>) {
    const finished = patch.phase === 'done' && this.current.phase !== 'done';
    this.current = { ...this.current, ...patch };
    this.progressListeners.forEach((l) => l());
    if (finished) this.onFinished?.();
  }

  subscribeProgress = (listener: () => void): (() => void) => {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  };

  countDone() {
    this.setProgress({ done: [...this.states.values()].filter((s) => s.status === 'done').length });
  }

  /** The article as the reader sees it now: each Dutch segment with its English (correction, memory or machine). */
  shownArticle(): { id: string; text: string; kind?: SourceSegment['kind']; english: string }[] {
    return this.segments.map((s) => ({ ...s, english: shownText(this.get(s.id)) }));
  }
}
