import type { CorrectionRecord, DraftRecord, MachineRecord, TranslationStore } from './types';
import { mergeAll, nextCorrection, type CorrectionInput } from '@/lib/store/versioning';

/** Used when IndexedDB is unavailable (blocked, private mode): the reader works, but nothing survives a reload. */
export class MemoryStore implements TranslationStore {
  readonly persistent = false;
  private readonly machine = new Map<string, MachineRecord>();
  private readonly corrections = new Map<string, CorrectionRecord>();
  private readonly drafts = new Map<string, DraftRecord>();

  async getMachine(cacheKey: string, hashes: string[]) {
    const found = new Map<string, MachineRecord>();
    for (const h of hashes) {
      const r = this.machine.get(`${cacheKey}|${h}`);
      if (r) found.set(h, r);
    }
    return found;
  }

  async putMachine(record: Omit<MachineRecord, 'createdAt' | 'lastUsed'>) {
    const now = Date.now();
    this.machine.set(`${record.cacheKey}|${record.sourceHash}`, { ...record, createdAt: now, lastUsed: now });
  }

  async getCorrections(hashes: string[]) {
    const found = new Map<string, CorrectionRecord>();
    for (const h of hashes) {
      const r = this.corrections.get(h);
      if (r) found.set(h, r);
    }
    return found;
  }

  async saveCorrection(input: CorrectionInput) {
    const record = nextCorrection(this.corrections.get(input.sourceHash) ?? null, input, Date.now());
    this.corrections.set(input.sourceHash, record);
    return record;
  }

  async listCorrections() {
    return [...this.corrections.values()];
  }

  async countCorrections() {
    return this.corrections.size;
  }

  async listMachine() {
    return [...this.machine.values()];
  }

  async importCorrections(records: CorrectionRecord[]) {
    // All or nothing, as in IndexedDB: merged into a copy, swapped in at the end.
    const next = new Map(this.corrections);
    const outcome = await mergeAll(
      records,
      async (hash) => next.get(hash) ?? null,
      async (record) => next.set(record.sourceHash, record),
    );
    this.corrections.clear();
    for (const [k, v] of next) this.corrections.set(k, v);
    return outcome;
  }

  async clearMachine() {
    this.machine.clear();
  }

  async evictMachine(count: number) {
    const oldest = [...this.machine.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed).slice(0, count);
    for (const [k] of oldest) this.machine.delete(k);
    return oldest.length;
  }

  async counts() {
    const bytes = new Blob([JSON.stringify([...this.machine.values()]), JSON.stringify([...this.corrections.values()])])
      .size;
    return { machine: this.machine.size, corrections: this.corrections.size, bytes };
  }

  async getDrafts(article: string) {
    return [...this.drafts.values()].filter((d) => d.article === article);
  }

  async putDraft(draft: Omit<DraftRecord, 'updatedAt'>) {
    this.drafts.set(`${draft.article}|${draft.segment}|${draft.editor}`, { ...draft, updatedAt: Date.now() });
  }

  async deleteDraft(article: string, segment: string, editor: string) {
    this.drafts.delete(`${article}|${segment}|${editor}`);
  }
}
