/**
 * Translates one article's segments through the worker, in the order the
 * Scheduler picks, and holds their state for the UI (useSyncExternalStore-style:
 * immutable snapshots, per-segment subscriptions so one paragraph's streaming
 * does not re-render a thousand others). Free of React.
 */
import { EngineFailure, TranslationClient, type DownloadEvent, type ReadyInfo } from './client';
import type { EngineConfig } from './config';
import type { EngineError, ParagraphTranslation, SentenceTranslation } from './protocol';
import { Scheduler } from './scheduler';

export interface SourceSegment {
  id: string;
  text: string;
}

export type SegmentStatus = 'waiting' | 'translating' | 'done' | 'error';

export interface SegmentState {
  status: SegmentStatus;
  text: string;
  sentences: SentenceTranslation[] | null;
  error: EngineError | null;
}

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
}

export interface TranslatorDeps {
  fetchConfig: () => Promise<EngineConfig>;
  createClient?: (config: EngineConfig) => TranslationClient;
}

const LOAD_ERRORS = new Set(['offline', 'not-found', 'blocked', 'load']);
/** A paragraph that takes the worker down this many times is marked failed instead of retried forever. */
const MAX_CRASHES = 2;
/** Requests kept at the worker at once: the one it runs and the next. More would delay re-prioritising. */
const PIPELINE_DEPTH = 2;
const WAITING: SegmentState = { status: 'waiting', text: '', sentences: null, error: null };

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

export class ArticleTranslator {
  private readonly states = new Map<string, SegmentState>();
  private readonly segmentListeners = new Map<string, Set<() => void>>();
  private readonly progressListeners = new Set<() => void>();
  private readonly scheduler: Scheduler;
  private readonly indexOf = new Map<string, number>();
  private readonly crashes = new Map<number, number>();
  private readonly abort = new AbortController();
  private client: TranslationClient | null = null;
  private inFlight = 0;
  private started = false;
  private words = 0;
  private ms = 0;
  private progress: Progress;

  constructor(
    private readonly segments: readonly SourceSegment[],
    private readonly deps: TranslatorDeps,
  ) {
    this.scheduler = new Scheduler(segments.length);
    segments.forEach((s, i) => {
      this.indexOf.set(s.id, i);
      this.states.set(s.id, WAITING);
      this.scheduler.enqueue(i);
    });
    this.progress = { phase: 'idle', files: {}, error: null, done: 0, total: segments.length, wordsPerSecond: null, engine: null };
  }

  // ---- subscriptions -------------------------------------------------------------------

  getSegment = (id: string): SegmentState => this.states.get(id) ?? WAITING;
  getProgress = (): Progress => this.progress;

  subscribeSegment(id: string, listener: () => void): () => void {
    let set = this.segmentListeners.get(id);
    if (!set) this.segmentListeners.set(id, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  subscribeProgress = (listener: () => void): (() => void) => {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  };

  // ---- commands ------------------------------------------------------------------------

  start() {
    if (this.started) return;
    this.started = true;
    void this.boot();
  }

  /** After a failed model load: try the whole load again. */
  retry() {
    if (this.progress.phase !== 'failed') return;
    void this.boot();
  }

  /** Queue one failed paragraph again. */
  retrySegment(id: string) {
    const index = this.indexOf.get(id);
    if (index === undefined || this.getSegment(id).status !== 'error') return;
    this.crashes.delete(index);
    this.setSegment(id, WAITING);
    this.scheduler.enqueue(index);
    if (this.progress.phase === 'done') this.setProgress({ phase: 'translating' });
    this.pump();
  }

  setVisible(id: string, visible: boolean) {
    const index = this.indexOf.get(id);
    if (index !== undefined) this.scheduler.setVisible(index, visible);
  }

  dispose() {
    this.abort.abort();
    this.client?.dispose();
    this.client = null;
  }

  // ---- work ----------------------------------------------------------------------------

  private async boot() {
    this.setProgress({ phase: 'starting', error: null });
    try {
      if (!this.client) {
        const config = await this.deps.fetchConfig();
        this.client = (this.deps.createClient ?? ((c) => new TranslationClient(c)))(config);
      }
      const engine = await this.client.load((event) => {
        this.setProgress({ phase: 'downloading', files: { ...this.progress.files, [event.file]: event } });
      });
      if (this.abort.signal.aborted) return;
      this.setProgress({ phase: 'translating', engine });
      this.pump();
    } catch (err) {
      if (this.abort.signal.aborted) return;
      // Whatever broke while the browser is offline (a file, the runtime, the worker), "offline" is what helps.
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      const error = toEngineError(err);
      this.setProgress({ phase: 'failed', error: offline ? { code: 'offline', message: error.message } : error });
    }
  }

  /**
   * Keeps PIPELINE_DEPTH requests at the worker: while the page is busy rendering one result, the
   * worker is already on the next paragraph instead of idling until the main thread answers.
   */
  private pump() {
    if (!this.client || this.progress.phase === 'failed' || this.abort.signal.aborted) return;
    while (this.inFlight < PIPELINE_DEPTH) {
      const index = this.scheduler.next();
      if (index === null) break;
      this.scheduler.remove(index);
      const segment = this.segments[index];
      if (!segment) continue;
      this.inFlight++;
      void this.translateOne(index, segment).then((outcome) => {
        this.inFlight--;
        if (outcome === 'next') this.pump();
        if (this.inFlight === 0 && this.scheduler.next() === null && this.progress.phase === 'translating') {
          this.setProgress({ phase: 'done' });
        }
      });
    }
  }

  private async translateOne(index: number, segment: SourceSegment): Promise<'next' | 'stop'> {
    try {
      // Marked as translating when the worker starts on it (its first partial), not while it waits there.
      const result = await this.client!.translate(segment.text, {
        signal: this.abort.signal,
        onPartial: (text) => this.setSegment(segment.id, { status: 'translating', text, sentences: null, error: null }),
      });
      this.finish(segment, result);
      return 'next';
    } catch (err) {
      const error = toEngineError(err);
      if (error.code === 'cancelled') return 'stop';
      if (error.code === 'crashed') {
        // The worker died; the client starts a new one on the next request. Put this paragraph back.
        const crashes = (this.crashes.get(index) ?? 0) + 1;
        this.crashes.set(index, crashes);
        if (crashes < MAX_CRASHES) {
          this.setSegment(segment.id, WAITING);
          this.scheduler.enqueue(index);
        } else {
          this.setSegment(segment.id, { ...WAITING, status: 'error', error });
        }
        return 'next';
      }
      if (LOAD_ERRORS.has(error.code)) {
        // A restarted worker could not load the model again: the whole engine is down.
        this.setSegment(segment.id, WAITING);
        this.scheduler.enqueue(index);
        this.setProgress({ phase: 'failed', error });
        return 'stop';
      }
      this.setSegment(segment.id, { ...WAITING, status: 'error', error });
      return 'next';
    }
  }

  private finish(segment: SourceSegment, result: ParagraphTranslation) {
    const state: SegmentState = { status: 'done', text: result.text, sentences: result.sentences, error: null };
    this.setSegment(segment.id, state);
    this.words += countWords(segment.text);
    this.ms += result.ms;
    // The same Dutch text elsewhere in the article needs no second run.
    this.segments.forEach((other, i) => {
      if (other.text === segment.text && this.getSegment(other.id).status === 'waiting') {
        this.scheduler.remove(i);
        this.setSegment(other.id, state);
      }
    });
    this.setProgress({
      done: [...this.states.values()].filter((s) => s.status === 'done').length,
      wordsPerSecond: this.ms > 0 ? (this.words * 1000) / this.ms : null,
    });
  }

  private setSegment(id: string, state: SegmentState) {
    this.states.set(id, state);
    this.segmentListeners.get(id)?.forEach((l) => l());
  }

  private setProgress(patch: Partial<Progress>) {
    this.progress = { ...this.progress, ...patch };
    this.progressListeners.forEach((l) => l());
  }
}

function toEngineError(err: unknown): EngineError {
  if (err instanceof EngineFailure) return err.error;
  if (err instanceof DOMException && err.name === 'AbortError') return { code: 'cancelled', message: 'cancelled' };
  return { code: 'load', message: err instanceof Error ? err.message : String(err) };
}
