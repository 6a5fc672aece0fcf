/**
 * An article's corrections: saving (each save undoable), revert, confirm, drafts of open editors,
 * translation-memory marks, and other tabs kept in step. Works on the translator's paragraph states
 * through a narrow host, so the translator itself only translates.
 *
 * Nothing the reader wrote is dropped: a write that fails rejects with a CorrectionFailure and changes
 * nothing shown (the editor stays open with its text), and an empty text is never stored as a correction.
 */
import { CodedError } from '@/lib/coded-error';
import { onStoreChange } from '@/lib/store/change-feed';
import { storageFailureReason, type StorageFailureReason } from '@/lib/store/errors';
import type { CorrectionRecord, CorrectionStatus, CorrectionVia, TranslationStore } from '@/lib/store/types';
import { hasOwnText } from '@/lib/store/versioning';
import { machineTextOf, shownText, type SegmentState } from '@/lib/article/segment-state';
import { Drafts, type DraftHost } from './drafts';

export type CorrectionAction = 'save' | 'choose' | 'confirm' | 'revert' | 'undo';

/** Why a correction was not stored: storage refused it, the text is empty, or no machine text could be made. */
/** Why a save, confirm or undo failed (`code`), and which it was: worded by the editor, the reader's text kept. */
export class CorrectionFailure extends CodedError<StorageFailureReason | 'empty' | 'translate'> {
  override readonly name = 'CorrectionFailure';
  constructor(
    readonly action: CorrectionAction,
    code: StorageFailureReason | 'empty' | 'translate',
  ) {
    super(code, `${action}: ${code}`);
  }
}

export interface CorrectionHost extends DraftHost {
  /** The paragraph's machine translation, made now if it has none. */
  makeMachineText(id: string): Promise<string>;
  /** Corrections for these Dutch hashes changed elsewhere: they may be sentences of paragraphs here. */
  memoryChanged(hashes: string[]): void;
  /** A save made on this page is shown. */
  saved(): void;
}

export class ArticleCorrections {
  private readonly undo = new Map<string, (CorrectionRecord | null)[]>();
  private unlisten: (() => void) | null = null;
  /** What open editors hold, kept as the reader types. */
  readonly drafts: Drafts;

  constructor(private readonly host: CorrectionHost) {
    this.drafts = new Drafts(host);
  }

  /**
   * Saves the reader's text for a paragraph (and every paragraph with the same Dutch). `via`: how the text
   * came about when the reader did not type it (a chosen alternative), kept in the record and its exports.
   */
  async save(
    id: string,
    text: string,
    status: CorrectionStatus = 'edited',
    action: CorrectionAction = 'save',
    via?: CorrectionVia,
  ) {
    const index = this.host.paragraphs.indexOf(id);
    const segment = index === undefined ? undefined : this.host.paragraphs.segments[index];
    if (!segment || index === undefined) return;
    if (!text.trim()) throw new CorrectionFailure(action, 'empty');
    const state = this.host.paragraphs.get(id);
    const store = await this.host.openStore();
    let record: CorrectionRecord;
    try {
      record = await store.saveCorrection({
        sourceHash: this.host.paragraphs.hashes[index]!,
        source: segment.text,
        text,
        status,
        machineText: machineTextOf(state),
        origin: { article: this.host.article, segment: id, ...(via ? { via } : {}) },
      });
    } catch (err) {
      this.host.storageFailing(true);
      throw new CorrectionFailure(action, storageFailureReason(err));
    }
    this.host.storageFailing(false);
    if (action !== 'undo') {
      const stack = this.undo.get(id) ?? [];
      stack.push(state.correction);
      this.undo.set(id, stack);
    }
    // Shown in the same task as the save resolves: the quick-open copy follows this page's own save (and a
    // page hidden meanwhile would keep the old English under the new stamp).
    this.apply(this.host.paragraphs.hashes[index]!, record, id);
    if (action === 'save') await this.drafts.discard(id);
    this.host.saved();
  }

  confirm(id: string) {
    return this.save(id, shownText(this.host.paragraphs.get(id)), 'confirmed', 'confirm');
  }

  /** Back to the machine text (made first if the paragraph never had one); the correction stays in the record's history. */
  async revert(id: string) {
    let machine = machineTextOf(this.host.paragraphs.get(id));
    if (!machine.trim()) {
      try {
        machine = await this.host.makeMachineText(id);
      } catch {
        throw new CorrectionFailure('revert', 'translate');
      }
    }
    return this.save(id, machine, 'machine', 'revert');
  }

  async undoLast(id: string) {
    const stack = this.undo.get(id);
    const previous = stack?.at(-1);
    if (!stack || previous === undefined) return;
    const state = this.host.paragraphs.get(id);
    if (previous && hasOwnText(previous)) await this.save(id, previous.text, previous.status, 'undo');
    else await this.revertForUndo(id, previous, state);
    stack.pop(); // only once the undone version is stored: a failed undo can be tried again
    this.refreshUndo(id);
  }

  private async revertForUndo(id: string, previous: CorrectionRecord | null, state: SegmentState) {
    let machine = previous?.text || machineTextOf(state);
    if (!machine.trim())
      machine = await this.host
        .makeMachineText(id)
        .catch(() => Promise.reject(new CorrectionFailure('undo', 'translate')));
    await this.save(id, machine, 'machine', 'undo');
  }

  // ---- export, memory marks, other tabs -------------------------------------------------

  /**
   * All corrections in this browser, as the JSON export (the way out when storage is memory only or failing).
   * When storage cannot be read, what this page holds; unsaved drafts are included while storage is failing.
   */
  async json(failing = false): Promise<string> {
    const { toJson } = await import('@/lib/corrections/exchange/json');
    let stored: CorrectionRecord[];
    try {
      stored = await (await this.host.openStore()).listCorrections();
    } catch {
      stored = this.host.paragraphs.segments
        .map((s) => this.host.paragraphs.get(s.id).correction)
        .filter((c): c is CorrectionRecord => c !== null);
      failing = true;
    }
    const byHash = new Map(stored.map((c) => [c.sourceHash, c]));
    if (failing) {
      const now = Date.now();
      for (const [id, text] of this.drafts.texts()) {
        const index = this.host.paragraphs.indexOf(id);
        const segment = index === undefined ? undefined : this.host.paragraphs.segments[index];
        if (!segment || index === undefined || !text.trim()) continue;
        const machineText = machineTextOf(this.host.paragraphs.get(id));
        const origin = { article: this.host.article, segment: id };
        byHash.set(this.host.paragraphs.hashes[index]!, {
          sourceHash: this.host.paragraphs.hashes[index]!,
          source: segment.text,
          text,
          status: 'edited',
          machineText,
          origin,
          createdAt: now,
          updatedAt: now,
          history: [],
        });
      }
    }
    return toJson([...byHash.values()]);
  }

  /** Made for the same Dutch text elsewhere (another paragraph, another article): a translation-memory match. */
  isFromMemory(id: string, correction: CorrectionRecord | null): boolean {
    if (!hasOwnText(correction)) return false;
    return correction!.origin.segment !== id || correction!.origin.article !== this.host.article;
  }

  /** Another tab saved or imported corrections: show them here too. */
  listen(store: TranslationStore) {
    if (this.unlisten) return;
    this.unlisten = onStoreChange(async ({ change, origin }) => {
      if (origin === 'here' || change.kind !== 'corrections') return; // this page shows its own saves already
      const hashes = change.sourceHashes;
      const mine = hashes.filter((h) => this.host.paragraphs.hashes.includes(h));
      const others = hashes.filter((h) => !this.host.paragraphs.hashes.includes(h));
      if (others.length > 0) this.host.memoryChanged(others);
      if (mine.length === 0) return;
      const records = await store.getCorrections([...new Set(mine)]).catch(() => new Map<string, CorrectionRecord>());
      for (const [hash, record] of records) this.apply(hash, record);
    });
  }

  close() {
    this.unlisten?.();
    this.unlisten = null;
  }

  private refreshUndo(id: string) {
    this.host.paragraphs.move(id, 'undoable', (this.undo.get(id)?.length ?? 0) > 0);
  }

  private apply(hash: string, record: CorrectionRecord, savedFrom?: string) {
    this.host.paragraphs.segments.forEach((segment, i) => {
      if (this.host.paragraphs.hashes[i] !== hash) return;
      const fromMemory = savedFrom === segment.id ? false : this.isFromMemory(segment.id, record);
      this.host.paragraphs.move(
        segment.id,
        'corrected',
        record,
        fromMemory,
        (this.undo.get(segment.id)?.length ?? 0) > 0,
      );
    });
  }
}
