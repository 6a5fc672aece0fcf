/**
 * The order paragraphs go to the engine and what happens when it fails: paragraphs on screen first (asked
 * afresh before each one, so scrolling re-prioritises), two requests kept at the worker, a paragraph that
 * crashes the worker twice marked failed, an engine that cannot load again stops the queue. The engine is
 * a parameter: the translator's worker client in the app, a fake one in the unit test.
 */
import { isLoadError, toEngineError } from '@/lib/engine/shared/errors';
import type { ParagraphTranslation, SentenceTranslation } from '../engine/shared/protocol';
import type { GlossaryTerm } from '../engine/shared/terms';
import { Scheduler } from './scheduler';
import type { SegmentStates } from './segment-states';

/** What the queue needs of the engine. */
export interface QueueClient {
  translate(
    text: string,
    options: {
      signal?: AbortSignal;
      onPartial?: (text: string) => void;
      terms?: GlossaryTerm[];
      reuse?: SentenceTranslation[];
    },
  ): Promise<ParagraphTranslation>;
}

/** What a paragraph is translated under: the glossary terms it contains, and a tag the result comes back with. */
export interface Request {
  terms: GlossaryTerm[];
  tag: string;
  /** Its sentences as shown now: those that need no other terms are kept, not decoded again. */
  reuse?: SentenceTranslation[];
}

export interface QueueHooks {
  /** The engine, loaded: started on first need, shared after. Rejects when it cannot load. */
  engine(): Promise<QueueClient>;
  /** A paragraph's translation arrived, made under the request `tag` names. */
  translated(index: number, result: ParagraphTranslation, tag: string): void;
  /** The glossary terms paragraph `index` is translated under now (none by default). */
  request?(index: number): Request;
}

const PLAIN: Request = { terms: [], tag: '' };

/** A paragraph that takes the worker down this many times is marked failed instead of retried forever. */
const MAX_CRASHES = 2;
/**
 * Paragraphs kept at the worker at once, at least two: while the page renders one result, the worker is on
 * the next. With batching, enough to fill a batch of sentences; more would delay re-prioritising on scroll.
 */
const MIN_DEPTH = 2;

export class TranslationQueue {
  private readonly scheduler: Scheduler;
  private readonly crashes = new Map<number, number>();
  private inFlight = 0;
  private depth = MIN_DEPTH;
  private client: QueueClient | null = null;

  constructor(
    private readonly states: SegmentStates,
    private readonly hooks: QueueHooks,
    /** Aborted when the reader leaves the article: what is in flight is cancelled, nothing more is sent. */
    private readonly signal: AbortSignal,
  ) {
    this.scheduler = new Scheduler(states.segments.length);
    states.segments.forEach((_, i) => this.scheduler.enqueue(i));
  }

  /** Nothing to translate for this paragraph (stored, corrected, from memory, done elsewhere). */
  remove(index: number) {
    this.scheduler.remove(index);
  }

  get hasWork(): boolean {
    return this.scheduler.next() !== null;
  }

  setVisible(id: string, visible: boolean) {
    const index = this.states.indexOf(id);
    if (index !== undefined) this.scheduler.setVisible(index, visible);
  }

  /**
   * The engine decodes up to `rows` decoder rows together (greedy, a sentence each): keep enough paragraphs at
   * the worker to fill them, about two sentences a paragraph.
   */
  setBatchRows(rows: number) {
    this.depth = Math.max(MIN_DEPTH, Math.ceil(rows / 2));
  }

  /** Translates what waits, once the engine is up. Rejects when it cannot load. */
  async start() {
    this.client = await this.hooks.engine();
    this.pump();
  }

  /** Queues one failed paragraph again. */
  retrySegment(id: string) {
    const index = this.states.indexOf(id);
    if (index === undefined || this.states.get(id).status !== 'error') return;
    this.crashes.delete(index);
    this.states.move(id, 'reset');
    this.scheduler.enqueue(index);
    if (this.states.progress.phase === 'done') this.states.setProgress({ phase: 'translating' });
    this.pump();
  }

  /**
   * Paragraphs to translate again (the glossary changed what they must say); their English stays on screen
   * until the new one streams in. Starts the engine if nothing needed it yet. Rejects when it cannot load.
   */
  async again(indexes: readonly number[]) {
    for (const i of indexes) this.scheduler.enqueue(i);
    if (indexes.length === 0) return;
    if (this.states.progress.phase === 'done') this.states.setProgress({ phase: 'translating' });
    if (this.client) this.pump();
    else await this.start();
  }

  /** One paragraph now, ahead of the queue (a revert needs a machine text); starts the engine if it must. */
  async translateNow(index: number): Promise<ParagraphTranslation> {
    const segment = this.states.segments[index];
    if (!segment) throw new Error('no such paragraph');
    try {
      const client = await this.hooks.engine();
      const { terms, tag, reuse } = this.hooks.request?.(index) ?? PLAIN;
      const result = await client.translate(segment.text, { signal: this.signal, terms, reuse });
      this.scheduler.remove(index);
      this.hooks.translated(index, result, tag);
      return result;
    } finally {
      this.finishIfIdle();
    }
  }

  /**
   * Keeps `depth` requests at the worker: while the page is busy rendering one result, the worker is
   * already on the next paragraphs instead of idling until the main thread answers.
   */
  private pump() {
    if (!this.client || this.states.progress.phase === 'failed' || this.signal.aborted) return;
    while (this.inFlight < this.depth) {
      const index = this.scheduler.next();
      if (index === null) break;
      this.scheduler.remove(index);
      this.inFlight++;
      void this.translateOne(this.client, index).then((outcome) => {
        this.inFlight--;
        if (outcome === 'next') this.pump();
        this.finishIfIdle();
      });
    }
  }

  private finishIfIdle() {
    if (this.inFlight === 0 && !this.hasWork && this.states.progress.phase === 'translating')
      this.states.setProgress({ phase: 'done' });
  }

  private async translateOne(client: QueueClient, index: number): Promise<'next' | 'stop'> {
    const segment = this.states.segments[index]!;
    try {
      // Marked as translating when the worker starts on it (its first partial), not while it waits there.
      const { terms, tag, reuse } = this.hooks.request?.(index) ?? PLAIN;
      const result = await client.translate(segment.text, {
        signal: this.signal,
        terms,
        reuse,
        onPartial: (text) => this.states.move(segment.id, 'translating', text),
      });
      this.hooks.translated(index, result, tag);
      return 'next';
    } catch (err) {
      const error = toEngineError(err);
      if (error.code === 'cancelled') return 'stop';
      if (error.code === 'crashed') {
        // The worker died; the client starts a new one on the next request. Put this paragraph back.
        const crashes = (this.crashes.get(index) ?? 0) + 1;
        this.crashes.set(index, crashes);
        if (crashes < MAX_CRASHES) {
          this.states.move(segment.id, 'reset');
          this.scheduler.enqueue(index);
        } else this.states.move(segment.id, 'failed', error);
        return 'next';
      }
      if (isLoadError(error.code)) {
        // A restarted worker could not load the model again: the whole engine is down.
        this.states.move(segment.id, 'reset');
        this.scheduler.enqueue(index);
        this.states.setProgress({ phase: 'failed', error });
        return 'stop';
      }
      this.states.move(segment.id, 'failed', error);
      return 'next';
    }
  }
}
