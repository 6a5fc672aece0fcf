import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexedDBStore, IndexedDBTexts, openReaderDB } from './db';
import { freshDatabaseNames, correction, userText } from './test-records';
import { STORES } from './schema';

const dbName = freshDatabaseNames();

describe('IndexedDBTexts', () => {
  it('lists newest first without the text, renames, and deletes only the text, never its corrections', async () => {
    const db = await openReaderDB(dbName());
    const texts = new IndexedDBTexts(db);
    const store = new IndexedDBStore(db);
    await texts.put(userText('a'.repeat(24), 'Oud', 1));
    await texts.put(userText('b'.repeat(24), 'Nieuw', 2));
    const listed = await texts.list();
    expect(listed.map((t) => t.title)).toEqual(['Nieuw', 'Oud']);
    expect(listed[0]).not.toHaveProperty('blocks');

    await texts.rename('a'.repeat(24), 'Hernoemd');
    expect((await texts.get('a'.repeat(24)))?.title).toBe('Hernoemd');
    expect((await texts.list())[0]?.title).toBe('Hernoemd'); // renaming counts as a change

    await store.saveCorrection(correction('h1', 'mijn vertaling'));
    await texts.delete('a'.repeat(24));
    expect(await texts.get('a'.repeat(24))).toBeNull();
    expect((await texts.list()).map((t) => t.title)).toEqual(['Nieuw']);
    expect((await store.getCorrections(['h1'])).get('h1')?.text).toBe('mijn vertaling');
  });

  it('skips a record that is not a text instead of failing the whole list', async () => {
    const db = await openReaderDB(dbName());
    await db.put(STORES.texts, { id: 'broken', updatedAt: 3 } as never);
    const texts = new IndexedDBTexts(db);
    await texts.put(userText('c'.repeat(24), 'Goed', 1));
    expect((await texts.list()).map((t) => t.title)).toEqual(['Goed']);
    expect(await texts.get('broken')).toBeNull();
  });
});
