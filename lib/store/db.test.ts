import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, translationCacheKey } from '@/lib/engine/shared/config';
import { IndexedDBStore, IndexedDBTexts, openReaderDB } from './db';
import { freshDatabaseNames, machine, correction, oldStores, userText } from './test-records';
import { DB_VERSION, STORES } from './schema';

const dbName = freshDatabaseNames();

describe('IndexedDBStore', () => {
  it('finds a machine translation only under the settings that made it', async () => {
    const store = new IndexedDBStore(await openReaderDB(dbName()));
    const q8 = translationCacheKey(DEFAULT_CONFIG);
    const fp32 = translationCacheKey({ ...DEFAULT_CONFIG, dtype: 'fp32' });
    await store.putMachine(machine(q8, 'h1'));
    expect((await store.getMachine(q8, ['h1', 'h2'])).get('h1')?.text).toBe('EN h1');
    expect((await store.getMachine(fp32, ['h1'])).size).toBe(0);
    expect(
      (await store.getMachine(translationCacheKey({ ...DEFAULT_CONFIG, modelId: 'other/model' }), ['h1'])).size,
    ).toBe(0);
  });

  it('keeps every earlier version of a correction, and machine translations never touch corrections', async () => {
    const store = new IndexedDBStore(await openReaderDB(dbName()));
    await store.saveCorrection(correction('h1', 'first'));
    await store.saveCorrection(correction('h1', 'second'));
    await store.putMachine(machine('k', 'h1', 'a fresh machine translation'));
    const saved = (await store.getCorrections(['h1'])).get('h1');
    expect(saved?.text).toBe('second');
    expect(saved?.history.map((v) => v.text)).toEqual(['first']);
  });

  it('skips a malformed record instead of failing, so that paragraph is simply translated again', async () => {
    const db = await openReaderDB(dbName());
    await db.put(STORES.machine, { cacheKey: 'k', sourceHash: 'bad', text: 42 } as never);
    await db.put(STORES.corrections, { sourceHash: 'bad2', text: null } as never);
    const store = new IndexedDBStore(db);
    await store.putMachine(machine('k', 'good'));
    expect([...(await store.getMachine('k', ['bad', 'good'])).keys()]).toEqual(['good']);
    expect((await store.getCorrections(['bad2'])).size).toBe(0);
  });

  it('upgrades a version-1 database and keeps its machine translations', async () => {
    const v1 = await openDB(dbName(), 1, {
      upgrade(db) {
        db.createObjectStore(STORES.machine, { keyPath: ['cacheKey', 'sourceHash'] });
      },
    });
    await v1.put(STORES.machine, { ...machine('k', 'h1'), createdAt: 1000 });
    v1.close();

    const db = await openReaderDB(dbName());
    expect(db.version).toBe(DB_VERSION);
    const record = await db.get(STORES.machine, ['k', 'h1']);
    expect(record).toMatchObject({ text: 'EN h1', createdAt: 1000, lastUsed: 1000 });
    const store = new IndexedDBStore(db);
    expect((await store.getMachine('k', ['h1'])).get('h1')?.text).toBe('EN h1');
    await store.saveCorrection(correction('h1', 'mine'));
    expect((await store.getCorrections(['h1'])).get('h1')?.text).toBe('mine');
  });

  it('upgrades a version-2 database to hold texts, keeping its corrections', async () => {
    const v2 = await openDB(dbName(), 2, {
      upgrade(db) {
        db.createObjectStore(STORES.machine, { keyPath: ['cacheKey', 'sourceHash'] }).createIndex(
          'lastUsed',
          'lastUsed',
        );
        db.createObjectStore(STORES.corrections, { keyPath: 'sourceHash' }).createIndex('updatedAt', 'updatedAt');
      },
    });
    await v2.put(STORES.corrections, { ...correction('h1', 'kept'), createdAt: 1, updatedAt: 1, history: [] });
    v2.close();
    const db = await openReaderDB(dbName());
    expect((await new IndexedDBStore(db).getCorrections(['h1'])).get('h1')?.text).toBe('kept');
    const texts = new IndexedDBTexts(db);
    await texts.put(userText('a'.repeat(24), 'Mijn tekst', 5));
    expect((await texts.list()).map((t) => t.title)).toEqual(['Mijn tekst']);
  });
});

describe('drafts belong to the editor that typed them', () => {
  const draft = (editor: string, text: string) => ({ article: 'a', segment: 's-1', editor, sourceHash: 'h1', text });

  it("one tab's draft and another's of the same paragraph both stay; each tab deletes only its own", async () => {
    const store = new IndexedDBStore(await openReaderDB(dbName()));
    await store.putDraft(draft('tab-a', 'typed in A'));
    await store.putDraft(draft('tab-b', 'typed in B'));
    await store.deleteDraft('a', 's-1', 'tab-b');
    expect((await store.getDrafts('a')).map((d) => [d.editor, d.text])).toEqual([['tab-a', 'typed in A']]);
    expect(await store.getDrafts('another article')).toEqual([]);
  });

  it('upgrades a version-5 database, keeping its drafts as ones no open tab owns', async () => {
    const v5 = await openDB(dbName(), 5, { upgrade: (db) => oldStores(db, 5) });
    await v5.put(STORES.drafts, {
      article: 'a',
      segment: 's-1',
      sourceHash: 'h1',
      text: 'half a thought',
      updatedAt: 7,
    });
    v5.close();
    const store = new IndexedDBStore(await openReaderDB(dbName()));
    expect(await store.getDrafts('a')).toEqual([
      { article: 'a', segment: 's-1', editor: '', sourceHash: 'h1', text: 'half a thought', updatedAt: 7 },
    ]);
  });
});

describe('storage full', () => {
  /** A disk that is full until something is deleted: every put throws QuotaExceededError until then. */
  function fillDisk() {
    const disk = { full: true };
    const put = IDBObjectStore.prototype.put;
    const remove = IDBCursor.prototype.delete;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (disk.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    IDBCursor.prototype.delete = function (this: IDBCursor) {
      disk.full = false;
      return remove.apply(this);
    };
    return () => {
      IDBObjectStore.prototype.put = put;
      IDBCursor.prototype.delete = remove;
    };
  }

  it('makes room by dropping old machine translations for a correction, a draft and an import, never a correction', async () => {
    const store = new IndexedDBStore(await openReaderDB(dbName()));
    for (let i = 0; i < 200; i++) await store.putMachine(machine('k', `old-${i}`));
    await store.saveCorrection(correction('kept', 'an earlier correction'));
    const writes = [
      () => store.saveCorrection(correction('h1', 'mine')),
      () => store.putDraft({ article: 'a', segment: 's-1', editor: 'tab', sourceHash: 'h1', text: 'typing' }),
      () => store.importCorrections([{ ...correction('h2', 'imported'), createdAt: 1, updatedAt: 1, history: [] }]),
    ];
    for (const write of writes) {
      const restore = fillDisk();
      try {
        await write();
      } finally {
        restore();
      }
    }
    expect((await store.getCorrections(['h1', 'h2', 'kept'])).size).toBe(3);
    expect((await store.getDrafts('a')).map((d) => d.text)).toEqual(['typing']);
    expect((await store.listMachine()).length).toBe(200 - 3 * 50);
  });

  it('fails with the quota error when there is nothing left to drop', async () => {
    const store = new IndexedDBStore(await openReaderDB(dbName()));
    const restore = fillDisk();
    try {
      await expect(store.saveCorrection(correction('h1', 'mine'))).rejects.toMatchObject({
        name: 'QuotaExceededError',
      });
    } finally {
      restore();
    }
  });
});
