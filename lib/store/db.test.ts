import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, translationCacheKey } from '@/lib/translation/config';
import { IndexedDBStore, openReaderDB } from './db';
import { STORES } from './schema';

let n = 0;
let name: string;
beforeEach(() => {
  name = `test-db-${++n}`; // a fresh database per test: no test sees another's leftovers
});

const machine = (cacheKey: string, sourceHash: string, text = `EN ${sourceHash}`) => ({
  cacheKey,
  sourceHash,
  source: `NL ${sourceHash}`,
  text,
  sentences: [{ source: `NL ${sourceHash}`, start: 0, end: 4, target: text }],
});
const correction = (sourceHash: string, text: string) => ({
  sourceHash,
  source: `NL ${sourceHash}`,
  text,
  status: 'edited' as const,
  machineText: `EN ${sourceHash}`,
  origin: { article: 'a', segment: `s-${sourceHash}` },
});

describe('IndexedDBStore', () => {
  it('finds a machine translation only under the settings that made it', async () => {
    const store = new IndexedDBStore(await openReaderDB(name));
    const q8 = translationCacheKey(DEFAULT_CONFIG);
    const fp32 = translationCacheKey({ ...DEFAULT_CONFIG, dtype: 'fp32' });
    await store.putMachine(machine(q8, 'h1'));
    expect((await store.getMachine(q8, ['h1', 'h2'])).get('h1')?.text).toBe('EN h1');
    expect((await store.getMachine(fp32, ['h1'])).size).toBe(0);
    expect((await store.getMachine(translationCacheKey({ ...DEFAULT_CONFIG, modelId: 'other/model' }), ['h1'])).size).toBe(0);
  });

  it('keeps every earlier version of a correction, and machine translations never touch corrections', async () => {
    const store = new IndexedDBStore(await openReaderDB(name));
    await store.saveCorrection(correction('h1', 'first'));
    await store.saveCorrection(correction('h1', 'second'));
    await store.putMachine(machine('k', 'h1', 'a fresh machine translation'));
    const saved = (await store.getCorrections(['h1'])).get('h1');
    expect(saved?.text).toBe('second');
    expect(saved?.history.map((v) => v.text)).toEqual(['first']);
  });

  it('skips a malformed record instead of failing, so that paragraph is simply translated again', async () => {
    const db = await openReaderDB(name);
    await db.put(STORES.machine, { cacheKey: 'k', sourceHash: 'bad', text: 42 } as never);
    await db.put(STORES.corrections, { sourceHash: 'bad2', text: null } as never);
    const store = new IndexedDBStore(db);
    await store.putMachine(machine('k', 'good'));
    expect([...(await store.getMachine('k', ['bad', 'good'])).keys()]).toEqual(['good']);
    expect((await store.getCorrections(['bad2'])).size).toBe(0);
  });

  it('upgrades a version-1 database and keeps its machine translations', async () => {
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore(STORES.machine, { keyPath: ['cacheKey', 'sourceHash'] });
      },
    });
    await v1.put(STORES.machine, { ...machine('k', 'h1'), createdAt: 1000 });
    v1.close();

    const db = await openReaderDB(name);
    expect(db.version).toBe(2);
    const record = await db.get(STORES.machine, ['k', 'h1']);
    expect(record).toMatchObject({ text: 'EN h1', createdAt: 1000, lastUsed: 1000 });
    const store = new IndexedDBStore(db);
    expect((await store.getMachine('k', ['h1'])).get('h1')?.text).toBe('EN h1');
    await store.saveCorrection(correction('h1', 'mine'));
    expect((await store.getCorrections(['h1'])).get('h1')?.text).toBe('mine');
  });
});
