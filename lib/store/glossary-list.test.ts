import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { onStoreChange } from './change-feed';
import { Connection } from './connection';
import { IndexedDBStore, openReaderDB } from './db';
import { IndexedDBGlossary } from './glossary-list';
import { STORES } from './schema';
import { correction, freshDatabaseNames, glossaryEntry, oldStores } from './test-records';

const dbName = freshDatabaseNames('glossary');
const entry = glossaryEntry;

describe('the glossary in IndexedDB', () => {
  it('upgrades a version-6 database: its corrections, texts and drafts stay, the glossary starts empty', async () => {
    const v6 = await openDB(dbName(), 6, { upgrade: (db) => oldStores(db, 6) });
    await v6.put(STORES.corrections, {
      ...correction('h1', 'my own English'),
      createdAt: 1,
      updatedAt: 1,
      history: [],
    } as never);
    v6.close();
    const db = await openReaderDB(dbName());
    expect((await new IndexedDBStore(db).getCorrections(['h1'])).get('h1')?.text).toBe('my own English');
    const glossary = new IndexedDBGlossary(Connection.of(db));
    expect(await glossary.list()).toEqual([]);
    await glossary.put(entry('a', 'Navo', 'NATO'));
    expect((await glossary.list()).map((e) => e.target)).toEqual(['NATO']);
  });

  it('lists by Dutch term, tells every change, and deletes one entry', async () => {
    const glossary = new IndexedDBGlossary(Connection.of(await openReaderDB(dbName())));
    const heard: string[] = [];
    const stop = onStoreChange(({ change }) => heard.push(change.kind));
    await glossary.put(entry('b', 'Tweede Kamer', 'House of Representatives'));
    await glossary.put(entry('a', 'Navo', 'NATO'));
    expect((await glossary.list()).map((e) => e.source)).toEqual(['Navo', 'Tweede Kamer']);
    await glossary.delete('a');
    expect((await glossary.list()).map((e) => e.source)).toEqual(['Tweede Kamer']);
    expect(heard).toEqual(['glossary', 'glossary', 'glossary']);
    stop();
  });

  it('imports all or nothing, and never replaces an entry the reader already has for the same term', async () => {
    const db = await openReaderDB(dbName());
    const glossary = new IndexedDBGlossary(Connection.of(db));
    await glossary.put(entry('mine', 'Navo', 'NATO'));
    const outcome = await glossary.importEntries([
      entry('x1', 'navo', 'North Atlantic Treaty Organization'),
      entry('x2', 'de Kamer', 'the House'),
      entry('x3', 'De  kamer', 'the Chamber'),
    ]);
    expect(outcome).toEqual({ added: 1, keptExisting: 2 });
    expect((await glossary.list()).map((e) => [e.source, e.target])).toEqual([
      ['de Kamer', 'the House'],
      ['Navo', 'NATO'],
    ]);
    // A write that fails part-way leaves nothing of the import behind.
    const bad = [entry('y1', 'kabinet', 'cabinet'), { ...entry('y2', 'zorg', 'care'), id: undefined } as never];
    await expect(glossary.importEntries(bad)).rejects.toThrow();
    expect((await glossary.list()).map((e) => e.source)).toEqual(['de Kamer', 'Navo']);
  });
});
