import type { CorrectionRecord, MachineRecord, TranslationStore } from './types';
import { nextCorrection, type CorrectionInput } from './versioning';

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

}
