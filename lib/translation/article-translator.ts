/**
 * Translates one article's segments through the worker, in the order the
 * Scheduler picks, and holds their state for the UI (useSyncExternalStore-style:
 * immutable snapshots, per-segment subscriptions so one paragraph's streaming
 * does not re-render a thousand others). Corrections: article-corrections.ts.
 * Free of React.
 */
import { hashText, normalizeText } from '@/lib/content/block-id';
import { MemoryStore } from '@/lib/store/memory-store';
import { storeStamp } from '@/lib/store/snapshot';
import type { CorrectionRecord, DraftRecord, MachineRecord, TranslationStore } from '@/lib/store/types';
import { hasOwnText } from '@/lib/store/versioning';
import { ArticleCorrections } from './article-corrections';
import { EngineFailure, TranslationClient, type DownloadEvent, type ReadyInfo } from './client';
import { translationCacheKey, type EngineConfig } from './config';
import type { EngineError, ParagraphTranslation } from './protocol';
import { QuickOpenCopy } from './quick-open-copy';
import { Scheduler } from './scheduler';
import { isComplete, readSentenceMemory, sentencesOf, type MemorySentence } from './sentence-memory';
import { shownText, WAITING, type SegmentState, type SourceSegment } from './segment-state';

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
}

export interface TranslatorDeps {
  fetchConfig: () => Promise<EngineConfig>;
  createClient?: (config: EngineConfig) => TranslationClient;
  openStore?: () => Promise<TranslationStore>;
  /** The article's slug, recorded with corrections (translation-memory matches elsewhere are marked). */
  article?: string;
  /** What the store holds for these segments, read ahead (during hydration); used if read under the same settings. */
  prefetched?: Promise<StoredRecords | null>;
  /** Keep a quick-open copy of the shown English under this name (lib/store/snapshot.ts): for pages that paint it. */
  quickOpen?: string;
}

/** A read of the store for one article's segments under one configuration. */
export interface StoredRecords {
  cacheKey: string;
  /** The store stamp read before the records: a quick-open copy of them is made under it. */
  stamp: string;
  machine: Map<string, MachineRecord>;
  corrections: Map<string, CorrectionRecord>;
}

/** Reads the stored machine translations (under these settings) and the corrections for these segments. */
export async function readStored(store: TranslationStore, config: EngineConfig, segments: readonly SourceSegment[]): Promise<StoredRecords> {
  const cacheKey = translationCacheKey(config);
  const stamp = storeStamp(); // before the reads: a change stamped after it may not be in them
  const unique = [...new Set(segments.map((s) => hashText(normalizeText(s.text))))];
  const [machine, corrections] = await Promise.all([store.getMachine(cacheKey, unique), store.getCorrections(unique)]);
  return { cacheKey, stamp, machine, corrections };
}

const LOAD_ERRORS = new Set(['offline', 'not-found', 'blocked', 'load']);
/** A paragraph that takes the worker down this many times is marked failed instead of retried forever. */
const MAX_CRASHES = 2;
/** Requests kept at the worker at once: the one it runs and the next. More would delay re-prioritising. */
const PIPELINE_DEPTH = 2;

/** Back to waiting, keeping the paragraph's correction. */
const RESET = { status: 'waiting', text: '', sentences: null, error: null } as const;

export const IDLE: Progress = { phase: 'idle', files: {}, error: null, done: 0, total: 0, wordsPerSecond: null, engine: null, storage: null };

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
  private config: EngineConfig | null = null;
  private store: TranslationStore | null = null;
  private restored = false;
  private readonly hashes: string[];
  private readonly copy: QuickOpenCopy | null;
  private engine: Promise<void> | null = null;
  /** Saving, confirming, reverting, undoing, and the drafts of open editors. */
  readonly corrections: ArticleCorrections;

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
    this.hashes = segments.map((s) => hashText(normalizeText(s.text)));
    this.copy = deps.quickOpen ? new QuickOpenCopy(deps.quickOpen) : null;
    this.corrections = new ArticleCorrections(
      {
        segments,
        hashes: this.hashes,
        article: deps.article ?? '',
        indexOf: (id) => this.indexOf.get(id),
        getSegment: this.getSegment,
        setSegment: (id, state) => this.setSegment(id, state),
        openStore: () => this.openStore(),
        makeMachineText: (id) => this.translateNow(id),
        memoryChanged: (hashes) => this.memoryChanged(hashes),
        saved: this.keepCopy,
        storageFailing: (failing) => {
          const storage = failing ? 'failing' : this.store?.persistent === false ? 'memory' : 'persistent';
          if (this.progress.storage !== storage) this.setProgress({ storage });
        },
      },
      this.copy,
    );
    this.progress = { phase: 'idle', files: {}, error: null, done: 0, total: segments.length, wordsPerSecond: null, engine: null, storage: null };
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

  /** The article as the reader sees it now: each Dutch segment with its English (correction or machine). */
  snapshot(): { id: string; text: string; kind?: SourceSegment['kind']; english: string }[] {
    return this.segments.map((s) => ({ ...s, english: shownText(this.getSegment(s.id)) }));
  }

  subscribeProgress = (listener: () => void): (() => void) => {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  };

  // ---- commands ------------------------------------------------------------------------

  start() {
    if (this.started) return;
    this.started = true;
    if (typeof window !== 'undefined') {
      if (this.copy) window.addEventListener('pagehide', this.keepCopy);
      window.addEventListener('beforeunload', this.askBeforeLeaving);
    }
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
    this.setSegment(id, { ...this.getSegment(id), ...RESET });
    this.scheduler.enqueue(index);
    if (this.progress.phase === 'done') this.setProgress({ phase: 'translating' });
    this.pump();
  }

  setVisible(id: string, visible: boolean) {
    const index = this.indexOf.get(id);
    if (index !== undefined) this.scheduler.setVisible(index, visible);
  }

  dispose() {
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.keepCopy);
      window.removeEventListener('beforeunload', this.askBeforeLeaving);
    }
    this.keepCopy(); // leaving for another page of the app: what was translated so far opens at once
    this.corrections.close();
    this.abort.abort();
    this.client?.dispose();
    this.client = null;
  }

  // ---- work ----------------------------------------------------------------------------

  private async boot() {
    this.setProgress({ phase: 'starting', error: null });
    try {
      // Settings and storage open in parallel: a reopened article shows after one round trip.
      const [config] = await Promise.all([this.config ?? this.deps.fetchConfig(), this.openStore()]);
      this.config = config;
      if (!this.restored) {
        await this.restore(config);
        this.restored = true;
      }
      // Everything stored or corrected: no worker, no model download.
      if (this.scheduler.next() === null) {
        this.setProgress({ phase: 'done' });
        return;
      }
      await this.loadEngine();
      if (this.abort.signal.aborted) return;
      this.pump();
    } catch (err) {
      this.failed(err);
    }
  }

  /** Starts the worker and loads the model, once; after a failure the next call tries again. */
  private loadEngine(): Promise<void> {
    this.engine ??= (async () => {
      const config = this.config ?? (this.config = await this.deps.fetchConfig());
      this.client ??= (this.deps.createClient ?? ((c) => new TranslationClient(c)))(config);
      const engine = await this.client.load((event) => {
        this.setProgress({ phase: 'downloading', files: { ...this.progress.files, [event.file]: event } });
      });
      this.setProgress({ phase: 'translating', engine });
    })();
    this.engine.catch(() => (this.engine = null));
    return this.engine;
  }

  private failed(err: unknown) {
    if (this.abort.signal.aborted) return;
    // Whatever broke while the browser is offline (a file, the runtime, the worker), "offline" is what helps.
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    const error = toEngineError(err);
    this.setProgress({ phase: 'failed', error: offline ? { code: 'offline', message: error.message } : error });
  }

  /**
   * A paragraph's machine translation, made now, ahead of the queue: a correction imported without one
   * has nothing to revert to until it exists. Starts the engine if the article did not need it.
   */
  private async translateNow(id: string): Promise<string> {
    const index = this.indexOf.get(id);
    const segment = index === undefined ? undefined : this.segments[index];
    if (!segment) throw new Error('no such paragraph');
    this.setSegment(id, { ...this.getSegment(id), machinePending: true });
    try {
      await this.loadEngine();
      const result = await this.client!.translate(segment.text, { signal: this.abort.signal });
      this.finish(segment, result);
      return result.text;
    } catch (err) {
      if (this.progress.phase !== 'failed' && LOAD_ERRORS.has(toEngineError(err).code)) this.failed(err);
      throw err;
    } finally {
      this.setSegment(id, { ...this.getSegment(id), machinePending: false });
      if (this.progress.phase === 'translating' && this.inFlight === 0 && this.scheduler.next() === null) this.setProgress({ phase: 'done' });
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
        onPartial: (text) => this.setSegment(segment.id, { ...this.getSegment(segment.id), status: 'translating', text, sentences: null, error: null }),
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
          this.setSegment(segment.id, { ...this.getSegment(segment.id), ...RESET });
          this.scheduler.enqueue(index);
        } else {
          this.setSegment(segment.id, { ...this.getSegment(segment.id), ...RESET, status: 'error', error });
        }
        return 'next';
      }
      if (LOAD_ERRORS.has(error.code)) {
        // A restarted worker could not load the model again: the whole engine is down.
        this.setSegment(segment.id, { ...this.getSegment(segment.id), ...RESET });
        this.scheduler.enqueue(index);
        this.setProgress({ phase: 'failed', error });
        return 'stop';
      }
      this.setSegment(segment.id, { ...this.getSegment(segment.id), ...RESET, status: 'error', error });
      return 'next';
    }
  }

  /** Shows what is stored at once: machine translations made under these settings, and all corrections. */
  private async openStore(): Promise<TranslationStore> {
    if (this.store) return this.store;
    try {
      this.store = await (this.deps.openStore?.() ?? Promise.resolve(new MemoryStore()));
    } catch {
      this.store = new MemoryStore();
    }
    this.setProgress({ storage: this.store.persistent ? 'persistent' : 'memory' });
    this.corrections.listen(this.store);
    return this.store;
  }

  private async restore(config: EngineConfig) {
    if (!this.store) return;
    let machine = new Map<string, MachineRecord>();
    let corrections = new Map<string, CorrectionRecord>();
    const drafts = this.store.getDrafts(this.deps.article ?? '').catch((): DraftRecord[] => []);
    try {
      const early = await this.deps.prefetched?.catch(() => null);
      let stamp: string;
      ({ machine, corrections, stamp } = early && early.cacheKey === translationCacheKey(config) ? early : await readStored(this.store, config, this.segments));
      this.copy?.readUnder(stamp);
    } catch {
      // Storage failed to answer: translate everything, lose nothing.
    }
    this.segments.forEach((segment, i) => {
      const hash = this.hashes[i]!;
      const stored = machine.get(hash);
      const correction = corrections.get(hash) ?? null;
      const base = this.getSegment(segment.id);
      if (stored) {
        this.scheduler.remove(i);
        this.setSegment(segment.id, { ...base, status: 'done', text: stored.text, sentences: stored.sentences, correction, fromMemory: this.corrections.isFromMemory(segment.id, correction) });
      } else if (correction && hasOwnText(correction)) {
        // A corrected paragraph needs no machine translation to be read.
        this.scheduler.remove(i);
        this.setSegment(segment.id, { ...base, status: 'done', text: correction.machineText, sentences: null, correction, fromMemory: this.corrections.isFromMemory(segment.id, correction) });
      } else if (correction) {
        this.setSegment(segment.id, { ...base, correction });
      }
    });
    await this.applyMemory(corrections);
    this.corrections.restoreDrafts(await drafts);
    this.countDone();
  }

  /**
   * Translation memory by sentence (sentence-memory.ts) for the paragraphs without a correction of their own,
   * or, when `only` is given, for those whose sentences include one of these hashes (another tab imported).
   */
  private async applyMemory(corrections: Map<string, CorrectionRecord> | null, only?: Set<string>) {
    if (!this.store) return;
    const own = (i: number) => hasOwnText(corrections ? corrections.get(this.hashes[i]!) : this.getSegment(this.segments[i]!.id).correction);
    const affected = (i: number) => !only || sentencesOf(this.segments[i]!.text).some((s) => only.has(s.hash));
    const found = await readSentenceMemory(this.store, this.segments.map((s) => s.text), (i) => own(i) || !affected(i)).catch(() => new Map<number, MemorySentence[]>());
    this.segments.forEach((segment, i) => {
      if (own(i) || !affected(i)) return;
      const memory = found.get(i) ?? null;
      const state = this.getSegment(segment.id);
      if (!memory && !state.memory) return;
      if (isComplete(memory) && state.status !== 'done') {
        // Every sentence is in the reader's memory: nothing for the model to do.
        this.scheduler.remove(i);
        this.setSegment(segment.id, { ...state, status: 'done', memory, fromMemory: true });
      } else this.setSegment(segment.id, { ...state, memory, fromMemory: isComplete(memory) });
    });
  }

  /** Corrections changed in another tab for these Dutch hashes, none of them a whole paragraph here: maybe sentences. */
  memoryChanged(hashes: string[]) {
    void this.applyMemory(null, new Set(hashes)).then(() => this.countDone());
  }

  private finish(segment: SourceSegment, result: ParagraphTranslation) {
    const previous = this.getSegment(segment.id);
    const state: SegmentState = { ...previous, status: 'done', text: result.text, sentences: result.sentences, error: null };
    this.setSegment(segment.id, state);
    const hash = this.hashes[this.indexOf.get(segment.id) ?? -1];
    if (this.store && this.config && hash) {
      // Machine translations go to their own store: they can never overwrite a correction.
      void this.store
        .putMachine({ cacheKey: translationCacheKey(this.config), sourceHash: hash, source: segment.text, text: result.text, sentences: result.sentences })
        .catch(() => {});
    }
    this.words += countWords(segment.text);
    this.ms += result.ms;
    // The same Dutch text elsewhere in the article needs no second run.
    this.segments.forEach((other, i) => {
      if (other.text === segment.text && this.getSegment(other.id).status === 'waiting') {
        this.scheduler.remove(i);
        this.setSegment(other.id, { ...this.getSegment(other.id), status: 'done', text: result.text, sentences: result.sentences });
      }
    });
    this.setProgress({ wordsPerSecond: this.ms > 0 ? (this.words * 1000) / this.ms : null });
    this.countDone();
  }

  private countDone() {
    this.setProgress({ done: [...this.states.values()].filter((s) => s.status === 'done').length });
  }

  private setSegment(id: string, state: SegmentState) {
    this.states.set(id, state);
    this.segmentListeners.get(id)?.forEach((l) => l());
  }

  private setProgress(patch: Partial<Progress>) {
    const finished = patch.phase === 'done' && this.progress.phase !== 'done';
    this.progress = { ...this.progress, ...patch };
    this.progressListeners.forEach((l) => l());
    if (finished) this.keepCopy();
  }

  /** Leaving the page (closing the tab, reloading, another site) with an editor's text unsaved: the browser asks first. */
  private askBeforeLeaving = (event: BeforeUnloadEvent) => {
    if (!this.corrections.hasUnsavedDrafts()) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers ask only when this is set
  };

  /** Keeps the English shown now as the article's quick-open copy (only ever from a persistent store). */
  private keepCopy = () => {
    if (!this.copy || !this.store?.persistent || !this.config) return;
    const texts: Record<string, string> = {};
    this.segments.forEach((segment, i) => {
      const state = this.getSegment(segment.id);
      const shown = state.status === 'done' ? shownText(state) : '';
      if (shown) texts[this.hashes[i]!] = shown;
    });
    this.copy.keep(translationCacheKey(this.config), texts);
  };
}

function toEngineError(err: unknown): EngineError {
  if (err instanceof EngineFailure) return err.error;
  if (err instanceof DOMException && err.name === 'AbortError') return { code: 'cancelled', message: 'cancelled' };
  return { code: 'load', message: err instanceof Error ? err.message : String(err) };
}
