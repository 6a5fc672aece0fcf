import type { CorrectionRecord, MachineRecord, TranslationStore } from './types';
import { mergeImported, nextCorrection, type CorrectionInput } from './versioning';

/** Used when IndexedDB is unavailable (blocked, private mode): the reader works, but nothing survives a reload. */
export class MemoryStore implements TranslationStore {
  readonly persistent = false;
  private readonly machine = new Map<string, MachineRecord>();
  private readonly corrections = new Map<string, CorrectionRecord>();

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

  async listMachine() {
    return [...this.machine.values()];
  }

  async importCorrections(records: CorrectionRecord[]) {
    const next = new Map(this.corrections);
    let added = 0;
    for (const r of records) {
      const merged = mergeImported(next.get(r.sourceHash) ?? null, r);
      next.set(r.sourceHash, merged.record);
      if (merged.added) added++;
    }
    this.corrections.clear();
    for (const [k, v] of next) this.corrections.set(k, v);
    return { added, keptExisting: records.length - added };
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
    const bytes = new Blob([JSON.stringify([...this.machine.values()]), JSON.stringify([...this.corrections.values()])]).size;
    return { machine: this.machine.size, corrections: this.corrections.size, bytes };
  }
}
