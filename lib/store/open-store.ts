import { Connection } from './connection';
import { IndexedDBFeeds, IndexedDBStore, IndexedDBTexts, openReaderDB } from './db';
import { IndexedDBGlossary } from './glossary-list';
import { MemoryStore } from './memory-store';
import type { TranslationStore } from './types';

/** One connection per page, shared by translations, corrections, drafts and texts; reopened if the browser closes it. */
const connection = new Connection(async (closed) => {
  if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
  return openReaderDB(undefined, closed);
});

let shared: Promise<TranslationStore> | null = null;

/** The browser's store: IndexedDB if it opens, else memory (and the UI says so). Browser-only. */
export function openTranslationStore(): Promise<TranslationStore> {
  shared ??= connection.get().then(
    () => new IndexedDBStore(connection),
    () => new MemoryStore(),
  );
  return shared;
}

/** The reader's own texts. Rejects when IndexedDB is unavailable: a text cannot be kept, and the UI says so. */
export async function openTextLibrary(): Promise<IndexedDBTexts> {
  await connection.get();
  return new IndexedDBTexts(connection);
}

/** The feeds the reader follows. Rejects when IndexedDB is unavailable. */
export async function openFeedList(): Promise<IndexedDBFeeds> {
  await connection.get();
  return new IndexedDBFeeds(connection);
}

/** The reader's glossary. Rejects when IndexedDB is unavailable: an entry cannot be kept, and the UI says so. */
export async function openGlossary(): Promise<IndexedDBGlossary> {
  await connection.get();
  return new IndexedDBGlossary(connection);
}
