import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IndexedDBStore, openReaderDB } from './db';
import { onStoreChange, storeStamp, type HeardChange } from './change-feed';
import { useMapStorage } from './test-storage';
import { freshDatabaseNames, machine, correction } from './test-records';

const dbName = freshDatabaseNames();

describe('the store stamp that vouches for quick-open copies (change-feed.ts)', () => {
  useMapStorage();

  it('changes with every write that changes what a paragraph shows other than by translating', async () => {
    const store = new IndexedDBStore(await openReaderDB(dbName()));
    const seen = [storeStamp()];
    await store.putMachine(machine('k', 'h1')); // a translation is made again the same: no change
    expect(storeStamp()).toBe(seen[0]);
    await store.saveCorrection(correction('h1', 'mine'));
    seen.push(storeStamp());
    await store.importCorrections([{ ...correction('h2', 'imported'), createdAt: 1, updatedAt: 1, history: [] }]);
    seen.push(storeStamp());
    await store.clearMachine();
    seen.push(storeStamp());
    expect(new Set(seen).size).toBe(4);
  });

  it("tells this page's listeners what changed and under which stamps, and other tabs what changed", async () => {
    const store = new IndexedDBStore(await openReaderDB(dbName()));
    const heard: HeardChange[] = [];
    const other = new BroadcastChannel('tweetalig-corrections');
    const elsewhere = new Promise<unknown>((resolve) => other.addEventListener('message', (e) => resolve(e.data)));
    const stop = onStoreChange((h) => heard.push(h));
    const before = storeStamp();
    await store.saveCorrection(correction('h1', 'mine'));
    stop();
    expect(heard).toEqual([
      { change: { kind: 'corrections', sourceHashes: ['h1'] }, origin: 'here', before, stamp: storeStamp() },
    ]);
    expect(await elsewhere).toEqual({ kind: 'corrections', sourceHashes: ['h1'] });
    other.close();
  });
});
