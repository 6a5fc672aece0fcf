/**
 * Opening the reader's database, and the upgrade from every earlier version: the steps live here so that
 * db.ts, which reads and writes, does not also carry the schema's history.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, isDraft, STORES, type ReaderDB } from './schema';
import type { DraftRecord, MachineRecord } from './types';

/** Opens (creating or upgrading) the reader's database. `closed` hears when the browser closes it under the page. */
export async function openReaderDB(name = DB_NAME, closed?: () => void): Promise<IDBPDatabase<ReaderDB>> {
  const db = await openDB<ReaderDB>(name, DB_VERSION, {
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
          if (typeof value.lastUsed !== 'number')
            await cursor.update({ ...value, lastUsed: value.createdAt ?? Date.now() });
        }
        const corrections = db.createObjectStore(STORES.corrections, { keyPath: 'sourceHash' });
        corrections.createIndex('updatedAt', 'updatedAt');
      }
      // Version 3: the reader's own texts.
      if (oldVersion < 3) {
        db.createObjectStore(STORES.texts, { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      }
      // Version 4 made a store of unsaved text in open correction editors; version 6 made it anew, below.
      // Version 5: the news feeds the reader follows.
      if (oldVersion < 5) {
        db.createObjectStore(STORES.feeds, { keyPath: 'url' });
      }
      // Version 6: a draft belongs to the tab that typed it (its key gains the editor). Kept drafts move over
      // with no editor, as orphans the next tab adopts.
      if (oldVersion < 6) {
        const kept = oldVersion >= 4 ? ((await tx.objectStore(STORES.drafts).getAll()) as unknown[]) : [];
        if (oldVersion >= 4) db.deleteObjectStore(STORES.drafts);
        const drafts = db.createObjectStore(STORES.drafts, { keyPath: ['article', 'segment', 'editor'] });
        for (const old of kept) {
          const draft = { ...(old as DraftRecord), editor: '' };
          if (isDraft(draft)) await drafts.put(draft);
        }
      }
      // Version 7: the reader's glossary.
      if (oldVersion < 7) {
        db.createObjectStore(STORES.glossary, { keyPath: 'id' });
      }
    },
    // Another tab wants a newer schema (or the reader deletes the database): let it, and reopen on next use.
    blocking() {
      db.close();
      closed?.();
    },
    terminated: () => closed?.(),
  });
  return db;
}
