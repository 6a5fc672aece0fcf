/**
 * The one module that touches IndexedDB. Every transaction is awaited; a record
 * that does not look like ours is skipped (and re-translated), never a crash.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, STORES, type ReaderDB } from './schema';
import type { UserText, UserTextSummary } from '@/lib/texts/types';
import type { CorrectionRecord, MachineRecord, TranslationStore } from './types';
import { mergeImported, nextCorrection, type CorrectionInput } from './versioning';
import { bumpStoreStamp, removeSnapshots, snapshotBytes } from './snapshot';

export async function openReaderDB(name = DB_NAME): Promise<IDBPDatabase<ReaderDB>> {
  return openDB<ReaderDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      // Version 1 (the first release) had only machine translations, without a last-used time.
      if (oldVersion < 1) {
        db.createObjectStore(STORES.machine, { keyPath: ['cacheKey', 'sourceHash'] });
      }
      if (oldVersion < 2) {
        const machine = tx.objectStore(STORES.machine);
        machine.createIndex('lastUsed', 'lastUsed');
        for (let cursor = await machine.openCursor(); cursor; cursor = await cursor.continue()) {
          const value = cursor.value as MachineRecord & { lastUsed?: number };
          if (typeof value.lastUsed !== 'number') await cursor.update({ ...value, lastUsed: value.createdAt ?? Date.now() });
        }
        const corrections = db.createObjectStore(STORES.corrections, { keyPath: 'sourceHash' });
        corrections.createIndex('updatedAt', 'updatedAt');
      }
      // Version 3: the reader's own texts.
      if (oldVersion < 3) {
        db.createObjectStore(STORES.texts, { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      }
    },
  });
}

function isMachineRecord(v: unknown): v is MachineRecord {
  const r = v as MachineRecord;
  return !!r && typeof r.text === 'string' && typeof r.source === 'string' && Array.isArray(r.sentences);
}

function isCorrection(v: unknown): v is CorrectionRecord {
  const r = v as CorrectionRecord;
  return !!r && typeof r.text === 'string' && typeof r.sourceHash === 'string' && ['machine', 'edited', 'confirmed'].includes(r.status) && Array.isArray(r.history);
}

export class IndexedDBStore implements TranslationStore {
  readonly persistent = true;

  constructor(private readonly db: IDBPDatabase<ReaderDB>) {}

  async getMachine(cacheKey: string, hashes: string[]) {
    // Read-only: a reopened article's English waits for these reads and nothing else.
    const tx = this.db.transaction(STORES.machine, 'readonly');
    const found = new Map<string, MachineRecord>();
    await Promise.all(
      hashes.map(async (hash) => {
        const record = await tx.store.get([cacheKey, hash]);
        if (isMachineRecord(record)) found.set(hash, record); // missing or malformed: translate again
      }),
    );
    await tx.done;
    void this.touch([...found.values()]).catch(() => {});
    return found;
  }

  /**
   * Marks records as just used, for eviction. Its own transaction, not awaited by readers; created at
   * once, so any later write (an eviction) sees it, as IndexedDB runs write transactions in order.
   */
  private async touch(records: MachineRecord[]) {
    if (records.length === 0) return;
    const tx = this.db.transaction(STORES.machine, 'readwrite');
    const now = Date.now();
    await Promise.all([...records.map((r) => tx.store.put({ ...r, lastUsed: now })), tx.done]);
  }

  async putMachine(record: Omit<MachineRecord, 'createdAt' | 'lastUsed'>) {
    const now = Date.now();
    try {
      await this.db.put(STORES.machine, { ...record, createdAt: now, lastUsed: now });
    } catch (err) {
      if ((err as DOMException)?.name !== 'QuotaExceededError') throw err;
      // Storage full: drop the least recently used machine translations (never corrections) and retry once.
      await this.evictMachine(Math.max(50, Math.ceil((await this.db.count(STORES.machine)) / 10)));
      await this.db.put(STORES.machine, { ...record, createdAt: now, lastUsed: now });
    }
  }

  async evictMachine(count: number) {
    const tx = this.db.transaction(STORES.machine, 'readwrite');
    let removed = 0;
    for (let cursor = await tx.store.index('lastUsed').openCursor(); cursor && removed < count; cursor = await cursor.continue()) {
      await cursor.delete();
      removed++;
    }
    await tx.done;
    return removed;
  }

  async clearMachine() {
    await this.db.clear(STORES.machine);
    // The quick-open copies hold machine text too; an open article must not write its copy back.
    removeSnapshots();
    bumpStoreStamp();
  }

  async listCorrections() {
    return (await this.db.getAll(STORES.corrections)).filter(isCorrection);
  }

  async listMachine() {
    return (await this.db.getAll(STORES.machine)).filter(isMachineRecord);
  }

  async importCorrections(records: CorrectionRecord[]) {
    const tx = this.db.transaction(STORES.corrections, 'readwrite');
    let added = 0;
    let keptExisting = 0;
    for (const imported of records) {
      const existing = await tx.store.get(imported.sourceHash);
      const merged = mergeImported(isCorrection(existing) ? existing : null, imported);
      await tx.store.put(merged.record);
      if (merged.added) added++;
      else keptExisting++;
    }
    await tx.done;
    bumpStoreStamp(); // what a paragraph shows may have changed: no quick-open copy made before is painted
    return { added, keptExisting };
  }

  async counts() {
    const [machine, corrections] = await Promise.all([this.listMachine(), this.listCorrections()]);
    const bytes = new Blob([JSON.stringify(machine), JSON.stringify(corrections)]).size + snapshotBytes();
    return { machine: machine.length, corrections: corrections.length, bytes };
  }

  async getCorrections(hashes: string[]) {
    const tx = this.db.transaction(STORES.corrections, 'readonly');
    const found = new Map<string, CorrectionRecord>();
    await Promise.all(
      hashes.map(async (hash) => {
        const record = await tx.store.get(hash);
        if (isCorrection(record)) found.set(hash, record);
      }),
    );
    await tx.done;
    return found;
  }

  async saveCorrection(input: CorrectionInput) {
    // Read and write in one transaction: of two tabs saving the same paragraph, the later save
    // wins and the earlier one is kept in history.
    const tx = this.db.transaction(STORES.corrections, 'readwrite');
    const existing = await tx.store.get(input.sourceHash);
    const now = Date.now();
    const record = nextCorrection(isCorrection(existing) ? existing : null, input, now);
    await tx.store.put(record);
    await tx.done;
    bumpStoreStamp();
    return record;
  }

}

function isUserText(v: unknown): v is UserText {
  const r = v as UserText;
  return !!r && typeof r.id === 'string' && typeof r.title === 'string' && Array.isArray(r.blocks);
}

/**
 * The reader's own texts. Deleting a text leaves its corrections: they are keyed by the Dutch
 * sentence, not by the text, and serve as translation memory for every other text.
 */
export class IndexedDBTexts {
  constructor(private readonly db: IDBPDatabase<ReaderDB>) {}

  /** Newest first, without the text itself (the library lists, it does not read). */
  async list(): Promise<UserTextSummary[]> {
    const out: UserTextSummary[] = [];
    const index = this.db.transaction(STORES.texts).store.index('updatedAt');
    for (let cursor = await index.openCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
      if (!isUserText(cursor.value)) continue;
      const { id, title, format, fileName, paragraphCount, segmentCount, createdAt, updatedAt } = cursor.value;
      out.push({ id, title, format, fileName, paragraphCount, segmentCount, createdAt, updatedAt });
    }
    return out;
  }

  async get(id: string): Promise<UserText | null> {
    const record = await this.db.get(STORES.texts, id);
    return isUserText(record) ? record : null;
  }

  async put(text: UserText): Promise<void> {
    await this.db.put(STORES.texts, text);
  }

  async rename(id: string, title: string): Promise<void> {
    const tx = this.db.transaction(STORES.texts, 'readwrite');
    const record = await tx.store.get(id);
    if (isUserText(record)) await tx.store.put({ ...record, title, updatedAt: Date.now() });
    await tx.done;
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(STORES.texts, id);
  }
}
