/**
 * An article's English in this browser's storage: what is shown at once when it opens (machine translations
 * made under these settings, corrections, translation memory by sentence, drafts), each new machine
 * translation written, and the quick-open copy kept for the next visit.
 */
import { QuickOpenCopy } from '@/lib/quick-open/quick-open-copy';
import { storeStamp } from '@/lib/store/change-feed';
import { MemoryStore } from '@/lib/store/memory-store';
import type { CorrectionRecord, DraftRecord, MachineRecord, TranslationStore } from '@/lib/store/types';
import { hasOwnText } from '@/lib/store/versioning';
import type { ArticleCorrections } from '@/lib/article/article-corrections';
import { draftsWritten } from '@/lib/article/drafts';
import { translationCacheKey, type EngineConfig } from '../engine/shared/config';
import type { ParagraphTranslation } from '../engine/shared/protocol';
import { shownText, type SourceSegment } from './segment-state';
import type { SegmentStates } from './segment-states';
import { isComplete, readSentenceMemory, sentencesOf, type MemorySentence } from './sentence-memory';
import type { TranslationQueue } from './translation-queue';

/** A read of the store for one article's segments under one configuration. */
export interface StoredRecords {
  cacheKey: string;
  /** The store stamp read before the records: a quick-open copy of them is made under it. */
  stamp: string;
  machine: Map<string, MachineRecord>;
  corrections: Map<string, CorrectionRecord>;
}

/** Reads the stored machine translations (under these settings) and the corrections for these segments. */
export async function readStored(
  store: TranslationStore,
  config: EngineConfig,
  hashes: readonly string[],
): Promise<StoredRecords> {
  const cacheKey = translationCacheKey(config);
  const stamp = storeStamp(); // before the reads: a change stamped after it may not be in them
  const unique = [...new Set(hashes)];
  const [machine, corrections] = await Promise.all([store.getMachine(cacheKey, unique), store.getCorrections(unique)]);
  return { cacheKey, stamp, machine, corrections };
}

export interface PersistenceDeps {
  openStore?: () => Promise<TranslationStore>;
  /** The article's slug, recorded with corrections and drafts. */
  article: string;
  /** What the store holds for these segments, read ahead (during hydration); used if read under the same settings. */
  prefetched?: Promise<StoredRecords | null>;
  /** Keep a quick-open copy of the shown English under this name (lib/quick-open/): for pages that paint it. */
  quickOpen?: string;
  /** The key paragraph `index` (Dutch hash `hash`) has its machine translation stored under (article-glossary.ts). */
  machineKey?: (index: number, hash: string) => string;
}

export class ArticlePersistence {
  readonly copy: QuickOpenCopy | null;
  private store: TranslationStore | null = null;
  private config: EngineConfig | null = null;

  constructor(
    private readonly states: SegmentStates,
    private readonly deps: PersistenceDeps,
  ) {
    this.copy = deps.quickOpen ? new QuickOpenCopy(deps.quickOpen) : null;
  }

  /** IndexedDB, or memory when the browser refuses it (the page says so). Opened once. */
  async open(corrections: ArticleCorrections): Promise<TranslationStore> {
    if (this.store) return this.store;
    try {
      this.store = await (this.deps.openStore?.() ?? Promise.resolve(new MemoryStore()));
    } catch {
      this.store = new MemoryStore();
    }
    this.states.setProgress({ storage: this.store.persistent ? 'persistent' : 'memory' });
    corrections.listen(this.store);
    return this.store;
  }

  get persistent(): boolean {
    return this.store?.persistent ?? false;
  }

  /** Shows what is stored at once: machine translations made under these settings, corrections, memory, drafts. */
  async restore(config: EngineConfig, queue: TranslationQueue, corrections: ArticleCorrections) {
    this.config = config;
    const store = this.store;
    if (!store) return;
    let machine = new Map<string, MachineRecord>();
    let stored = new Map<string, CorrectionRecord>();
    const drafts = draftsWritten()
      .then(() => store.getDrafts(this.deps.article))
      .catch((): DraftRecord[] => []);
    try {
      const early = await this.deps.prefetched?.catch(() => null);
      let stamp: string;
      ({
        machine,
        corrections: stored,
        stamp,
      } = early && early.cacheKey === translationCacheKey(config)
        ? early
        : await readStored(store, config, this.states.hashes));
      this.copy?.readUnder(stamp);
    } catch {
      // Storage failed to answer: translate everything, lose nothing.
    }
    // Paragraphs the glossary touches are stored under a key of their own.
    const keyOf = (i: number) => this.deps.machineKey?.(i, this.states.hashes[i]!) ?? this.states.hashes[i]!;
    const glossed = this.states.hashes.map((_, i) => keyOf(i)).filter((k, i) => k !== this.states.hashes[i]);
    if (glossed.length > 0) {
      const found = await store.getMachine(translationCacheKey(config), glossed).catch(() => new Map());
      for (const [key, record] of found) machine.set(key, record);
    }
    this.states.segments.forEach((segment, i) => {
      const hash = this.states.hashes[i]!;
      const record = machine.get(keyOf(i));
      const correction = stored.get(hash) ?? null;
      const fromMemory = corrections.isFromMemory(segment.id, correction);
      if (record) {
        queue.remove(i);
        this.states.move(segment.id, 'restored', record, correction, fromMemory);
      } else if (correction && hasOwnText(correction)) {
        // A corrected paragraph needs no machine translation to be read.
        queue.remove(i);
        this.states.move(segment.id, 'restoredCorrected', correction, fromMemory);
      } else if (correction) {
        this.states.move(segment.id, 'correctionKnown', correction);
      }
    });
    await this.applyMemory(queue, stored);
    await corrections.drafts.restore(await drafts);
    this.states.countDone();
  }

  /**
   * Translation memory by sentence (sentence-memory.ts) for the paragraphs without a correction of their own,
   * or, when `only` is given, for those whose sentences include one of these hashes (another tab imported).
   */
  async applyMemory(queue: TranslationQueue, stored: Map<string, CorrectionRecord> | null, only?: Set<string>) {
    if (!this.store) return;
    const { segments, hashes } = this.states;
    const own = (i: number) =>
      hasOwnText(stored ? stored.get(hashes[i]!) : this.states.get(segments[i]!.id).correction);
    const affected = (i: number) => !only || sentencesOf(segments[i]!.text).some((s) => only.has(s.hash));
    const skip = (i: number) => own(i) || !affected(i);
    const found = await readSentenceMemory(
      this.store,
      segments.map((s) => s.text),
      skip,
    ).catch(() => new Map<number, MemorySentence[]>());
    segments.forEach((segment, i) => {
      if (skip(i)) return;
      const memory = found.get(i) ?? null;
      const state = this.states.get(segment.id);
      if (!memory && !state.memory) return;
      // Every sentence in the reader's memory: nothing for the model to do.
      if (isComplete(memory) && state.status !== 'done') queue.remove(i);
      this.states.move(segment.id, 'memory', memory, isComplete(memory));
    });
  }

  /**
   * Machine translations go to their own store: they can never overwrite a correction. `key`: the Dutch hash,
   * or the glossary's key for it (article-glossary.ts).
   */
  saveMachine(segment: SourceSegment, key: string, result: ParagraphTranslation) {
    if (!this.store || !this.config) return;
    void this.store
      .putMachine({
        cacheKey: translationCacheKey(this.config),
        sourceHash: key,
        source: segment.text,
        text: result.text,
        sentences: result.sentences,
      })
      .catch(() => {});
  }

  /** A paragraph's stored machine translation under the current settings (by its key), if there is one. */
  async readMachine(hash: string): Promise<MachineRecord | null> {
    if (!this.store || !this.config) return null;
    return (await this.store.getMachine(translationCacheKey(this.config), [hash])).get(hash) ?? null;
  }

  /** Writes a stored machine translation back (with what the model offered on demand kept in it). */
  async writeMachine(record: MachineRecord) {
    await this.store?.putMachine(record);
  }

  /** Keeps the English shown now as the article's quick-open copy (only ever from a persistent store). */
  keepCopy = () => {
    if (!this.copy || !this.store?.persistent || !this.config) return;
    const texts: Record<string, string> = {};
    this.states.segments.forEach((segment, i) => {
      const state = this.states.get(segment.id);
      const shown = state.status === 'done' ? shownText(state) : '';
      if (shown) texts[this.states.hashes[i]!] = shown;
    });
    this.copy.keep(translationCacheKey(this.config), texts);
  };
}
