import type { IDBPDatabase } from 'idb';
import type { UserText, UserTextSummary } from '@/lib/store/text-types';
import { Connection, transact } from './connection';
import { STORES, type ReaderDB } from './schema';

function isUserText(v: unknown): v is UserText {
  const r = v as UserText;
  return !!r && typeof r.id === 'string' && typeof r.title === 'string' && Array.isArray(r.blocks);
}

/**
 * The reader's own texts. Deleting a text leaves its corrections: they are keyed by the Dutch
 * sentence, not by the text, and serve as translation memory for every other text.
 */
export class IndexedDBTexts {
  private readonly connection: Connection;

  constructor(db: IDBPDatabase<ReaderDB> | Connection) {
    this.connection = db instanceof Connection ? db : Connection.of(db);
  }

  /** Newest first, without the text itself (the library lists, it does not read). */
  list(): Promise<UserTextSummary[]> {
    return this.connection.run(async (db) => {
      const out: UserTextSummary[] = [];
      const tx = db.transaction(STORES.texts);
      return transact(tx, async () => {
        for (
          let cursor = await tx.store.index('updatedAt').openCursor(null, 'prev');
          cursor;
          cursor = await cursor.continue()
        ) {
          if (!isUserText(cursor.value)) continue;
          const { id, title, format, fileName, paragraphCount, segmentCount, createdAt, updatedAt } = cursor.value;
          out.push({ id, title, format, fileName, paragraphCount, segmentCount, createdAt, updatedAt });
        }
        return out;
      });
    });
  }

  async get(id: string): Promise<UserText | null> {
    const record = await this.connection.run((db) => db.get(STORES.texts, id));
    return isUserText(record) ? record : null;
  }

  put(text: UserText): Promise<void> {
    return this.connection.run(async (db) => {
      await db.put(STORES.texts, text);
    });
  }

  rename(id: string, title: string): Promise<void> {
    return this.connection.run(async (db) => {
      const tx = db.transaction(STORES.texts, 'readwrite');
      await transact(tx, async () => {
        const record = await tx.store.get(id);
        if (isUserText(record)) await tx.store.put({ ...record, title, updatedAt: Date.now() });
      });
    });
  }

  delete(id: string): Promise<void> {
    return this.connection.run((db) => db.delete(STORES.texts, id));
  }
}
