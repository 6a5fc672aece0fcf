/**
 * The one way into IndexedDB: this module and those it re-exports (opening and upgrading, feeds, texts). Every
 * transaction is awaited; a record that does not look like ours is skipped (and re-translated), never a crash.
 */
import type { IDBPDatabase } from 'idb';
import { isCorrection, isMachineRecord } from './correction-schema';
import { publishChange, storeStamp } from './change-feed';
import { Connection, transact } from './connection';
import { isDraft, STORES, type ReaderDB } from './schema';
import type { CorrectionRecord, DraftRecord, MachineRecord, TranslationStore } from './types';
import { mergeAll, nextCorrection, type CorrectionInput } from './versioning';

export { IndexedDBFeeds } from './feed-list';
export { IndexedDBTexts } from './text-library';
export { openReaderDB } from './upgrade';

export class IndexedDBStore implements TranslationStore {
  readonly persistent = true;
  private readonly connection: Connection;

  constructor(db: IDBPDatabase<ReaderDB> | Connection) {
    this.connection = db instanceof Connection ? db : Connection.of(db);
  }

  getMachine(cacheKey: string, hashes: string[]) {
    return this.connection.run(async (db) => {
      // Read-only: a reopened article's English waits for these reads and nothing else.
      const tx = db.transaction(STORES.machine, 'readonly');
      const found = new Map<string, MachineRecord>();
      await transact(tx, () =>
        Promise.all(
          hashes.map(async (hash) => {
            const record = await tx.store.get([cacheKey, hash]);
            if (isMachineRecord(record)) found.set(hash, record); // missing or malformed: translate again
          }),
        ),
      );
      void this.touch(db, [...found.values()]).catch(() => {});
      return found;
    });
  }

  /**
   * Marks records as just used, for eviction. Its own transaction, not awaited by readers; created at
   * once, so any later write (an eviction) sees it, as IndexedDB runs write transactions in order.
   */
  private async touch(db: IDBPDatabase<ReaderDB>, records: MachineRecord[]) {
    if (records.length === 0) return;
    const tx = db.transaction(STORES.machine, 'readwrite');
    const now = Date.now();
    await transact(tx, () => Promise.all(records.map((r) => tx.store.put({ ...r, lastUsed: now }))));
  }

  /**
   * Runs a write; if storage is full, drops the least recently used machine translations (they can be made
   * again; corrections never are dropped) and tries once more. Every write of the reader's goes through here:
   * corrections, chosen alternatives, drafts, imports, machine translations.
   */
  private async withRoom<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if ((err as DOMException)?.name !== 'QuotaExceededError') throw err;
      const stored = await this.connection.run((db) => db.count(STORES.machine));
      if (stored === 0 || (await this.evictMachine(Math.max(50, Math.ceil(stored / 10)))) === 0) throw err;
      return write();
    }
  }

  putMachine(record: Omit<MachineRecord, 'createdAt' | 'lastUsed'>) {
    const now = Date.now();
    return this.withRoom(() =>
      this.connection.run((db) => db.put(STORES.machine, { ...record, createdAt: now, lastUsed: now })),
    ).then(() => undefined);
  }

  evictMachine(count: number) {
    return this.connection.run(async (db) => {
      const tx = db.transaction(STORES.machine, 'readwrite');
      return transact(tx, async () => {
        let removed = 0;
        for (
          let cursor = await tx.store.index('lastUsed').openCursor();
          cursor && removed < count;
          cursor = await cursor.continue()
        ) {
          await cursor.delete();
          removed++;
        }
        return removed;
      });
    });
  }

  async clearMachine() {
    const before = storeStamp();
    await this.connection.run((db) => db.clear(STORES.machine));
    publishChange({ kind: 'machineCleared' }, before); // an open article must not keep a copy of what it shows
  }

  async listCorrections() {
    return (await this.connection.run((db) => db.getAll(STORES.corrections))).filter(isCorrection);
  }

  countCorrections() {
    return this.connection.run((db) => db.count(STORES.corrections));
  }

  async listMachine() {
    return (await this.connection.run((db) => db.getAll(STORES.machine))).filter(isMachineRecord);
  }

  async importCorrections(records: CorrectionRecord[]) {
    const before = storeStamp();
    const outcome = await this.withRoom(() =>
      this.connection.run(async (db) => {
        const tx = db.transaction(STORES.corrections, 'readwrite');
        const read = async (hash: string) => {
          const existing = await tx.store.get(hash);
          return isCorrection(existing) ? existing : null;
        };
        return transact(tx, () => mergeAll(records, read, (record) => tx.store.put(record)));
      }),
    );
    publishChange({ kind: 'corrections', sourceHashes: [...new Set(records.map((r) => r.sourceHash))] }, before);
    return outcome;
  }

  async counts() {
    const [machine, corrections] = await Promise.all([this.listMachine(), this.listCorrections()]);
    const bytes = new Blob([JSON.stringify(machine), JSON.stringify(corrections)]).size;
    return { machine: machine.length, corrections: corrections.length, bytes };
  }

  getCorrections(hashes: string[]) {
    return this.connection.run(async (db) => {
      const tx = db.transaction(STORES.corrections, 'readonly');
      const found = new Map<string, CorrectionRecord>();
      await transact(tx, async () => {
        // Many hashes (every sentence of a long article, for translation memory), few of them stored: one read
        // of the keys costs less than a request each.
        const keys = hashes.length > 64 ? new Set(await tx.store.getAllKeys()) : null;
        await Promise.all(
          hashes.map(async (hash) => {
            if (keys && !keys.has(hash)) return;
            const record = await tx.store.get(hash);
            if (isCorrection(record)) found.set(hash, record);
          }),
        );
      });
      return found;
    });
  }

  async saveCorrection(input: CorrectionInput) {
    const before = storeStamp();
    const record = await this.withRoom(() =>
      this.connection.run(async (db) => {
        // Read and write in one transaction: of two tabs saving the same paragraph, the later save
        // wins and the earlier one is kept in history.
        const tx = db.transaction(STORES.corrections, 'readwrite');
        return transact(tx, async () => {
          const existing = await tx.store.get(input.sourceHash);
          const next = nextCorrection(isCorrection(existing) ? existing : null, input, Date.now());
          await tx.store.put(next);
          return next;
        });
      }),
    );
    publishChange({ kind: 'corrections', sourceHashes: [record.sourceHash] }, before);
    return record;
  }

  getDrafts(article: string) {
    return this.connection.run(async (db) => {
      const all = await db.getAll(STORES.drafts, IDBKeyRange.bound([article], [article, []]));
      return all.filter(isDraft);
    });
  }

  putDraft(draft: Omit<DraftRecord, 'updatedAt'>) {
    return this.withRoom(() =>
      this.connection.run((db) => db.put(STORES.drafts, { ...draft, updatedAt: Date.now() })),
    ).then(() => undefined);
  }

  deleteDraft(article: string, segment: string, editor: string) {
    return this.connection.run((db) => db.delete(STORES.drafts, [article, segment, editor]));
  }
}
