/**
 * Drafts: what the reader is typing in an open correction editor, kept in storage as they type, so a reload,
 * a language switch or a trip to another page reopens the editor with it. Gone on save or cancel.
 */
import type { DraftRecord } from '@/lib/store/types';
import { shownText } from '@/lib/translation/segment-state';
import type { CorrectionHost } from './article-corrections';

/**
 * Draft writes still under way in this page. An article opened right after another (a language switch, a
 * link: the same page) reads its drafts only after them, so a draft typed a moment before is not missed.
 */
const pending = new Set<Promise<void>>();
export const draftsWritten = () => Promise.all([...pending]).then(() => undefined);

export class Drafts {
  /** Open editors' texts as last typed, also when storage did not take them. */
  private readonly typed = new Map<string, string>();
  private readonly writes = new Map<string, Promise<void>>();

  constructor(private readonly host: CorrectionHost) {}

  /** Drafts read from storage when the article opened: their editors reopen with them. */
  restore(drafts: DraftRecord[]) {
    for (const draft of drafts) {
      const index = this.host.indexOf(draft.segment);
      if (index === undefined) continue;
      const store = this.host.openStore();
      // The paragraph's Dutch changed since: the draft translated another text.
      if (this.host.hashes[index] !== draft.sourceHash) {
        void store.then((s) => s.deleteDraft(this.host.article, draft.segment)).catch(() => {});
        continue;
      }
      this.typed.set(draft.segment, draft.text);
      this.host.setSegment(draft.segment, { ...this.host.getSegment(draft.segment), draft: draft.text });
    }
  }

  /** The editor's text as the reader types: kept in storage (one write at a time, the latest wins). */
  keep(id: string, text: string) {
    const index = this.host.indexOf(id);
    if (index === undefined) return;
    this.typed.set(id, text);
    const previous = this.writes.get(id) ?? Promise.resolve();
    const write = previous
      .then(async () => {
        if (this.typed.get(id) !== text) return; // a newer keystroke writes its own
        await (await this.host.openStore()).putDraft({ article: this.host.article, segment: id, sourceHash: this.host.hashes[index]!, text });
      })
      .catch(() => {}); // the text stays in memory and in the editor; a failed save says so
    this.writes.set(id, write);
    pending.add(write);
    void write.then(() => pending.delete(write));
  }

  /** The editor closed (saved or cancelled): its draft goes. */
  async discard(id: string) {
    this.typed.delete(id);
    const state = this.host.getSegment(id);
    if (state.draft !== null) this.host.setSegment(id, { ...state, draft: null });
    await (this.writes.get(id) ?? Promise.resolve());
    this.writes.delete(id);
    await (await this.host.openStore()).deleteDraft(this.host.article, id).catch(() => {});
  }

  /** Some editor holds text not yet saved. */
  hasUnsaved(): boolean {
    return [...this.typed].some(([id, text]) => text !== shownText(this.host.getSegment(id)));
  }

  /** Every draft this page holds, by paragraph id. */
  texts(): [string, string][] {
    return [...this.typed];
  }
}
