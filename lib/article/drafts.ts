/**
 * Drafts: what the reader is typing in an open correction editor, kept in storage as they type, so a reload,
 * a language switch or a trip to another page reopens the editor with it. Gone on save or cancel.
 *
 * A draft belongs to the tab that typed it (editor-id.ts): this tab deletes only its own, so a save or a cancel
 * in another tab never takes what was typed here. A write that fails says so at once (the page's storage
 * warning, whose export carries the unsaved text), and the text stays in memory and in the editor.
 */
import type { DraftRecord } from '@/lib/store/types';
import type { TranslationStore } from '@/lib/store/types';
import { shownText } from './segment-state';
import type { ArticleParagraphs } from './segment-states';
import { editorId, liveEditors } from '../corrections/editor-id';

/**
 * Draft writes still under way in this page. An article opened right after another (a language switch, a
 * link: the same page) reads its drafts only after them, so a draft typed a moment before is not missed.
 */
const pending = new Set<Promise<void>>();
export const draftsWritten = () => Promise.all([...pending]).then(() => undefined);

/** Of one paragraph's drafts, the one this tab takes: its own, else the newest whose tab is gone. */
function ours(drafts: DraftRecord[], me: string, live: Set<string> | null): DraftRecord | undefined {
  const own = drafts.find((d) => d.editor === me);
  if (own) return own;
  const orphans = drafts.filter((d) => d.editor !== me && !live?.has(d.editor));
  return orphans.sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

/** What drafts need of the open article. */
export interface DraftHost {
  readonly paragraphs: ArticleParagraphs;
  readonly article: string;
  openStore(): Promise<TranslationStore>;
  storageFailing(failing: boolean): void;
}

export class Drafts {
  /** Open editors' texts as last typed, also when storage did not take them. */
  private readonly typed = new Map<string, string>();
  private readonly writes = new Map<string, Promise<void>>();
  private failed = false;

  constructor(private readonly host: DraftHost) {}

  /** Drafts read from storage when the article opened: this tab's, and orphans, reopen their editors. */
  async restore(drafts: DraftRecord[]) {
    const me = await editorId();
    const live = await liveEditors();
    const bySegment = new Map<string, DraftRecord[]>();
    for (const d of drafts) bySegment.set(d.segment, [...(bySegment.get(d.segment) ?? []), d]);
    for (const [segment, all] of bySegment) {
      const draft = ours(all, me, live);
      const index = this.host.paragraphs.indexOf(segment);
      if (!draft || index === undefined) continue;
      const store = this.host.openStore();
      // The paragraph's Dutch changed since: the draft translated another text.
      if (this.host.paragraphs.hashes[index] !== draft.sourceHash) {
        void store.then((s) => s.deleteDraft(this.host.article, segment, draft.editor)).catch(() => {});
        continue;
      }
      this.typed.set(segment, draft.text);
      this.host.paragraphs.move(segment, 'draftKept', draft.text);
      // Adopted from a closed tab: it is this tab's now (written as ours before the orphan goes).
      if (draft.editor !== me) {
        void store
          .then(async (s) => {
            await s.putDraft({ ...draft, editor: me });
            await s.deleteDraft(this.host.article, segment, draft.editor);
          })
          .catch(() => {});
      }
    }
  }

  /** The editor's text as the reader types: kept in storage (one write at a time, the latest wins). */
  keep(id: string, text: string) {
    const index = this.host.paragraphs.indexOf(id);
    if (index === undefined) return;
    this.typed.set(id, text);
    const previous = this.writes.get(id) ?? Promise.resolve();
    const write = previous.then(async () => {
      if (this.typed.get(id) !== text) return; // a newer keystroke writes its own
      try {
        const store = await this.host.openStore();
        await store.putDraft({
          article: this.host.article,
          segment: id,
          editor: await editorId(),
          sourceHash: this.host.paragraphs.hashes[index]!,
          text,
        });
        if (this.failed) this.host.storageFailing(false);
        this.failed = false;
      } catch {
        // Not kept for a reload: the page says so now, and its export carries this text.
        this.failed = true;
        this.host.storageFailing(true);
      }
    });
    this.writes.set(id, write);
    pending.add(write);
    void write.then(() => pending.delete(write));
  }

  /** The editor closed (saved or cancelled): its draft goes, this tab's only. */
  async discard(id: string) {
    this.typed.delete(id);
    this.host.paragraphs.move(id, 'draftDropped');
    await (this.writes.get(id) ?? Promise.resolve());
    this.writes.delete(id);
    const me = await editorId();
    await (await this.host.openStore()).deleteDraft(this.host.article, id, me).catch(() => {});
  }

  /** Some editor holds text not yet saved. */
  hasUnsaved(): boolean {
    return [...this.typed].some(([id, text]) => text !== shownText(this.host.paragraphs.get(id)));
  }

  /** A draft write failed and none has landed since: the export must carry the drafts. */
  get failing(): boolean {
    return this.failed;
  }

  /** Every draft this page holds, by paragraph id. */
  texts(): [string, string][] {
    return [...this.typed];
  }
}
