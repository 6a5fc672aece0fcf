import type { IDBPDatabase } from 'idb';
import { IndexedDBStore, IndexedDBTexts, openReaderDB } from './db';
import { MemoryStore } from './memory-store';
import type { ReaderDB } from './schema';
import type { TranslationStore } from './types';

let db: Promise<IDBPDatabase<ReaderDB>> | null = null;
let shared: Promise<TranslationStore> | null = null;

/** One connection per page, shared by translations, corrections and texts. */
function sharedDB(): Promise<IDBPDatabase<ReaderDB>> {
  db ??= (async () => {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    return openReaderDB();
  })();
  db.catch(() => {
    db = null; // try again next time: a private window may allow it later
  });
  return db;
}

/** The browser's store: IndexedDB if it opens, else memory (and the UI says so). Browser-only. */
export function openTranslationStore(): Promise<TranslationStore> {
  shared ??= sharedDB().then(
    (handle) => new IndexedDBStore(handle),
    () => new MemoryStore(),
  );
  return shared;
}

/** The reader's own texts. Rejects when IndexedDB is unavailable: a text cannot be kept, and the UI says so. */
export async function openTextLibrary(): Promise<IndexedDBTexts> {
  return new IndexedDBTexts(await sharedDB());
}
