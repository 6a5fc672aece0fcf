/**
 * An article's corrections: saving (each save undoable), revert, confirm, translation-memory marks, and
 * other tabs kept in step. Works on the translator's paragraph states through a narrow host, so the
 * translator itself only translates.
 */
import type { CorrectionRecord, CorrectionStatus, TranslationStore } from '@/lib/store/types';
import type { QuickOpenCopy } from './quick-open-copy';
import { machineTextOf, shownText, type SegmentState, type SourceSegment } from './segment-state';

const CHANNEL = 'tweetalig-corrections';

export interface CorrectionHost {
  readonly segments: readonly SourceSegment[];
  /** Each segment's Dutch hash (hashText(normalizeText(text))), by index. */
  readonly hashes: readonly string[];
  /** The article's slug, recorded with corrections: the same Dutch elsewhere shows as a memory match. */
  readonly article: string;
  indexOf(id: string): number | undefined;
  getSegment(id: string): SegmentState;
  setSegment(id: string, state: SegmentState): void;
  openStore(): Promise<TranslationStore>;
  /** A save made on this page is shown. */
  saved(): void;
}

export class ArticleCorrections {
  private readonly undo = new Map<string, (CorrectionRecord | null)[]>();
  private channel: BroadcastChannel | null = null;

  constructor(
    private readonly host: CorrectionHost,
    private readonly copy: QuickOpenCopy | null,
  ) {}

  /** Saves the reader's text for a paragraph (and every paragraph with the same Dutch). */
  async save(id: string, text: string, status: CorrectionStatus = 'edited') {
    const index = this.host.indexOf(id);
    const segment = index === undefined ? undefined : this.host.segments[index];
    if (!segment || index === undefined) return;
    const state = this.host.getSegment(id);
    const store = await this.host.openStore();
    const before = this.copy?.beforeOwnWrite();
    const record = await store.saveCorrection({
      sourceHash: this.host.hashes[index]!,
      source: segment.text,
      text,
      status,
      machineText: machineTextOf(state),
      origin: { article: this.host.article, segment: id },
    });
    const stack = this.undo.get(id) ?? [];
    stack.push(state.correction);
    this.undo.set(id, stack);
    this.apply(this.host.hashes[index]!, record, id);
    this.channel?.postMessage({ sourceHash: record.sourceHash });
    if (before !== undefined) this.copy?.afterOwnWrite(before);
    this.host.saved();
  }

  confirm(id: string) {
    return this.save(id, shownText(this.host.getSegment(id)), 'confirmed');
  }

  /** Back to the machine text; the correction stays in the record's history. */
  revert(id: string) {
    return this.save(id, machineTextOf(this.host.getSegment(id)), 'machine');
  }

  async undoLast(id: string) {
    const stack = this.undo.get(id);
    if (!stack || stack.length === 0) return;
    const previous = stack.pop() ?? null;
    await this.save(id, previous ? previous.text : machineTextOf(this.host.getSegment(id)), previous ? previous.status : 'machine');
    stack.pop(); // saving pushed the undone version; undo is not itself undoable
  }

  /** All corrections in this browser, as the JSON export (the way out when storage is memory only). */
  async json(): Promise<string> {
    const { toJson } = await import('@/lib/store/exchange/json');
    return toJson(await (await this.host.openStore()).listCorrections());
  }

  /** Made for the same Dutch text elsewhere (another paragraph, another article): a translation-memory match. */
  isFromMemory(id: string, correction: CorrectionRecord | null): boolean {
    if (!correction || correction.status === 'machine') return false;
    return correction.origin.segment !== id || correction.origin.article !== this.host.article;
  }

  /** Another tab saved a correction: show it here too. */
  listen(store: TranslationStore) {
    if (this.channel || typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANNEL);
    this.channel.onmessage = async (event: MessageEvent<{ sourceHash?: string }>) => {
      const hash = event.data?.sourceHash;
      if (!hash || !this.host.hashes.includes(hash)) return;
      const record = (await store.getCorrections([hash])).get(hash);
      if (record) this.apply(hash, record);
    };
  }

  close() {
    this.channel?.close();
  }

  private apply(hash: string, record: CorrectionRecord, savedFrom?: string) {
    this.host.segments.forEach((segment, i) => {
      if (this.host.hashes[i] !== hash) return;
      const state = this.host.getSegment(segment.id);
      const fromMemory = savedFrom === segment.id ? false : this.isFromMemory(segment.id, record);
      this.host.setSegment(segment.id, { ...state, correction: record, fromMemory, canUndo: (this.undo.get(segment.id)?.length ?? 0) > 0 });
    });
  }
}
