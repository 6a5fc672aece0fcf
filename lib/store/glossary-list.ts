import { publishChange, storeStamp } from './change-feed';
import { Connection, transact } from './connection';
import { glossaryKey, isGlossaryEntry, type GlossaryEntry } from './glossary-types';
import { STORES } from './schema';

/** What an import of glossary entries did. */
export interface GlossaryImportOutcome {
  added: number;
  /** Entries for a Dutch term already in the glossary: the reader's own entry is kept as it is. */
  keptExisting: number;
}

/**
 * The reader's glossary. Every committed change is published (change-feed.ts): open articles translate the
 * paragraphs it touches with it, in this tab and the others.
 */
export class IndexedDBGlossary {
  constructor(private readonly connection: Connection) {}

  /** By Dutch term, as a termbase lists them. */
  async list(): Promise<GlossaryEntry[]> {
    const all = await this.connection.run((db) => db.getAll(STORES.glossary));
    return all
      .filter(isGlossaryEntry)
      .sort((a, b) => a.source.localeCompare(b.source, 'nl') || a.createdAt - b.createdAt);
  }

  /** Adds or replaces one entry (the reader edits their own entries). */
  async put(entry: GlossaryEntry): Promise<void> {
    const before = storeStamp();
    await this.connection.run(async (db) => {
      await db.put(STORES.glossary, entry);
    });
    publishChange({ kind: 'glossary' }, before);
  }

  async delete(id: string): Promise<void> {
    const before = storeStamp();
    await this.connection.run((db) => db.delete(STORES.glossary, id));
    publishChange({ kind: 'glossary' }, before);
  }

  /** Adds imported entries in one transaction (all or nothing); a term already there keeps the reader's entry. */
  async importEntries(entries: GlossaryEntry[]): Promise<GlossaryImportOutcome> {
    const before = storeStamp();
    const outcome = await this.connection.run(async (db) => {
      const tx = db.transaction(STORES.glossary, 'readwrite');
      return transact(tx, async () => {
        try {
          return await addNew(tx.store, entries);
        } catch (err) {
          tx.abort(); // nothing of a failed import stays
          throw err;
        }
      });
    });
    if (outcome.added > 0) publishChange({ kind: 'glossary' }, before);
    return outcome;
  }
}

async function addNew(
  store: { getAll(): Promise<unknown[]>; put(entry: GlossaryEntry): Promise<unknown> },
  entries: GlossaryEntry[],
): Promise<GlossaryImportOutcome> {
  const known = new Set((await store.getAll()).filter(isGlossaryEntry).map((e) => glossaryKey(e.source)));
  let added = 0;
  let keptExisting = 0;
  for (const entry of entries) {
    const key = glossaryKey(entry.source);
    if (known.has(key)) {
      keptExisting++;
      continue;
    }
    known.add(key);
    await store.put(entry);
    added++;
  }
  return { added, keptExisting };
}
