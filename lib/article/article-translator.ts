/**
 * Translates one article in this browser: opens storage and the settings, shows what is stored, and starts
 * the engine only for what is not. Its parts: the paragraph states the UI reads (segment-states.ts), the
 * queue that feeds the engine (translation-queue.ts), storage (article-persistence.ts) and the reader's
 * corrections (article-corrections.ts, reached directly as `corrections`). Free of React.
 */
import type { TranslatorDeps } from './translator-deps';
import { ArticleAssist } from '@/lib/article/article-assist';
import { ArticleCorrections } from '@/lib/article/article-corrections';
import { ArticlePersistence } from './article-persistence';
import { TranslationClient } from '../engine/client/client';
import type { EngineConfig } from '../engine/shared/config';
import type { ParagraphTranslation } from '../engine/shared/protocol';
import type { SegmentState, SourceSegment } from './segment-state';
import { SegmentStates, type Progress } from './segment-states';
import { isLoadError, toEngineError } from '@/lib/engine/shared/errors';
import { TranslationQueue } from './translation-queue';
import { ArticleGlossary, machineKeyOf, refreshGlossary } from './article-glossary';
import { onStoreChange } from '@/lib/store/change-feed';

export { IDLE, type Phase, type Progress } from './segment-states';
export { readStored, type StoredRecords } from './article-persistence';
export type { TranslatorDeps } from './translator-deps';

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

export class ArticleTranslator {
  /** What the UI reads: each paragraph's state, and the progress line. */
  readonly states: SegmentStates;
  /** Saving, confirming, reverting, undoing, and the drafts of open editors. */
  readonly corrections: ArticleCorrections;
  /** The model's help on demand: alternatives, glosses, completions. */
  readonly assist: ArticleAssist;
  /** Which glossary entries each paragraph contains (article-glossary.ts). */
  readonly glossary: ArticleGlossary;
  private readonly persistence: ArticlePersistence;
  private readonly queue: TranslationQueue;
  private readonly abort = new AbortController();
  private client: TranslationClient | null = null;
  private config: EngineConfig | null = null;
  private engine: Promise<TranslationClient> | null = null;
  private started = false;
  private unlisten: (() => void) | null = null;
  private restored = false;
  private words = 0;
  private ms = 0;

  constructor(
    readonly segments: readonly SourceSegment[],
    private readonly deps: TranslatorDeps,
  ) {
    const article = deps.article ?? '';
    this.states = new SegmentStates(segments);
    this.glossary = new ArticleGlossary(
      segments.map((s) => s.text),
      deps.openGlossary ?? null,
    );
    this.persistence = new ArticlePersistence(this.states, {
      openStore: deps.openStore,
      article,
      prefetched: deps.prefetched,
      quickOpen: deps.quickOpen,
      machineKey: (i, hash) => this.glossary.machineKey(i, hash),
    });
    this.queue = new TranslationQueue(
      this.states,
      {
        engine: () => this.loadClient(),
        translated: (i, result, tag) => this.translated(i, result, tag),
        request: (i) => this.glossary.request(i, this.states.get(segments[i]!.id).sentences),
      },
      this.abort.signal,
    );
    this.corrections = new ArticleCorrections({
      paragraphs: this.states,
      article,
      openStore: () => this.persistence.open(this.corrections),
      makeMachineText: (id) => this.translateNow(id),
      memoryChanged: (hashes) =>
        void this.persistence.applyMemory(this.queue, null, new Set(hashes)).then(() => this.states.countDone()),
      saved: this.persistence.keepCopy,
      storageFailing: (failing) => {
        const storage = failing ? 'failing' : this.persistence.persistent ? 'persistent' : 'memory';
        if (this.states.progress.storage !== storage) this.states.setProgress({ storage });
      },
    });
    this.states.onFinished = this.persistence.keepCopy;
    this.assist = new ArticleAssist({
      paragraphs: this.states,
      client: () => this.loadClient(),
      readMachine: (hash) => this.persistence.readMachine(hash),
      writeMachine: (record) => this.persistence.writeMachine(record),
      corrections: this.corrections,
    });
  }

  // ---- what the UI reads (segment-states.ts) --------------------------------------------

  getSegment = (id: string): SegmentState => this.states.get(id);
  getProgress = (): Progress => this.states.progress;
  subscribeSegment = (id: string, listener: () => void) => this.states.subscribe(id, listener);
  subscribeProgress = (listener: () => void) => this.states.subscribeProgress(listener);

  /** The article as the reader sees it now: each Dutch segment with its English (correction, memory or machine). */
  shownArticle() {
    return this.states.shownArticle();
  }

  // ---- commands ------------------------------------------------------------------------

  start() {
    if (this.started) return;
    this.started = true;
    if (typeof window !== 'undefined') {
      if (this.persistence.copy) window.addEventListener('pagehide', this.persistence.keepCopy);
      window.addEventListener('beforeunload', this.askBeforeLeaving);
    }
    this.unlisten = onStoreChange(({ change }) => {
      if (change.kind === 'glossary') void this.glossaryChanged();
    });
    void this.boot();
  }

  /** After a failed model load: try the whole load again. */
  retry() {
    if (this.states.progress.phase === 'failed') void this.boot();
  }

  retrySegment(id: string) {
    this.queue.retrySegment(id);
  }

  setVisible(id: string, visible: boolean) {
    this.queue.setVisible(id, visible);
  }

  dispose() {
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.persistence.keepCopy);
      window.removeEventListener('beforeunload', this.askBeforeLeaving);
    }
    this.persistence.keepCopy(); // leaving for another page of the app: what was translated so far opens at once
    this.corrections.close();
    this.unlisten?.();
    this.persistence.copy?.close();
    this.abort.abort();
    this.client?.dispose();
    this.client = null;
  }

  // ---- work ----------------------------------------------------------------------------

  private async boot() {
    this.states.setProgress({ phase: 'starting', error: null });
    try {
      // Settings and storage open in parallel: a reopened article shows after one round trip.
      const [config] = await Promise.all([
        this.config ?? this.deps.fetchConfig(),
        this.persistence.open(this.corrections),
        this.restored ? null : this.glossary.load(),
      ]);
      this.config = config;
      this.queue.setBatchRows(config.batchRows ?? 1);
      if (!this.restored) {
        await this.persistence.restore(config, this.queue, this.corrections);
        this.restored = true;
      }
      // Everything stored, corrected or remembered: no worker, no model download.
      if (!this.queue.hasWork) return this.states.setProgress({ phase: 'done' });
      await this.queue.start();
    } catch (err) {
      this.failed(err);
    }
  }

  /** Starts the worker and loads the model, once; after a failure the next call tries again. */
  private loadClient(): Promise<TranslationClient> {
    this.engine ??= (async () => {
      const config = this.config ?? (this.config = await this.deps.fetchConfig());
      const client = (this.client ??= (this.deps.createClient ?? ((c) => new TranslationClient(c)))(config));
      const engine = await client.load((event) => {
        this.states.setProgress({
          phase: 'downloading',
          files: { ...this.states.progress.files, [event.file]: event },
        });
      });
      // Loaded for the reader's own request (alternatives on an article read before): nothing to translate.
      if (!this.abort.signal.aborted)
        this.states.setProgress({ phase: this.queue.hasWork ? 'translating' : 'done', engine });
      return client;
    })();
    this.engine.catch(() => (this.engine = null));
    return this.engine;
  }

  private failed = (err: unknown) => {
    if (this.abort.signal.aborted) return;
    // Whatever broke while the browser is offline (a file, the runtime, the worker), "offline" is what helps.
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    const error = toEngineError(err);
    this.states.setProgress({ phase: 'failed', error: offline ? { code: 'offline', message: error.message } : error });
  };

  /** A paragraph's machine text, made now: a correction imported without one has nothing to revert to until it exists. */
  private async translateNow(id: string): Promise<string> {
    const index = this.states.indexOf(id);
    if (index === undefined) throw new Error('no such paragraph');
    this.states.move(id, 'machinePending', true);
    try {
      return (await this.queue.translateNow(index)).text;
    } catch (err) {
      if (this.states.progress.phase !== 'failed' && isLoadError(toEngineError(err).code)) this.failed(err);
      throw err;
    } finally {
      this.states.move(id, 'machinePending', false);
    }
  }

  private async glossaryChanged() {
    if (this.restored)
      await refreshGlossary(this.glossary, this.states, this.persistence, this.queue).catch(this.failed);
  }

  /** `tag`: the glossary terms it was made under; one the glossary has since changed from is kept, not shown. */
  private translated(index: number, result: ParagraphTranslation, tag = '') {
    const segment = this.segments[index]!;
    this.persistence.saveMachine(segment, machineKeyOf(this.states.hashes[index]!, tag), result);
    if (tag !== this.glossary.signature(index)) return;
    this.states.move(segment.id, 'translated', result);
    this.words += countWords(segment.text);
    this.ms += result.ms;
    // The same Dutch text elsewhere in the article needs no second run.
    this.segments.forEach((other, i) => {
      if (other.text === segment.text && this.states.get(other.id).status === 'waiting') {
        this.queue.remove(i);
        this.states.move(other.id, 'translated', result);
      }
    });
    this.states.setProgress({ wordsPerSecond: this.ms > 0 ? (this.words * 1000) / this.ms : null });
    this.states.countDone();
  }

  /** Leaving the page (closing the tab, reloading, another site) with an editor's text unsaved: the browser asks first. */
  private askBeforeLeaving = (event: BeforeUnloadEvent) => {
    if (!this.corrections.drafts.hasUnsaved()) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers ask only when this is set
  };
}
