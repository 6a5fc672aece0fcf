import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { corrections, record } from './test-records';
import { IndexedDBStore, openReaderDB } from '@/lib/store/db';
import { parseJson, toJson } from './json';
import { parseTmx, toTmx } from './tmx';

let n = 0;
const freshStore = async () => new IndexedDBStore(await openReaderDB(`exchange-${++n}`));

describe('importing into the store', () => {
  it('brings corrections back in a fresh store', async () => {
    const store = await freshStore();
    expect(await store.importCorrections(parseJson(toJson(corrections)).corrections)).toEqual({
      added: 2,
      keptExisting: 0,
      duplicates: 0,
    });
    expect(await store.listCorrections()).toEqual(expect.arrayContaining(corrections));
  });

  it('counts a unit repeating the Dutch of an earlier one as a duplicate, not as one that already existed', async () => {
    const store = await freshStore();
    const again = { ...corrections[0]!, text: 'Cruise missiles, again', updatedAt: corrections[0]!.updatedAt + 1 };
    expect(await store.importCorrections([corrections[0]!, again])).toEqual({
      added: 1,
      keptExisting: 0,
      duplicates: 1,
    });
    const kept = (await store.getCorrections([corrections[0]!.sourceHash])).get(corrections[0]!.sourceHash);
    expect(kept?.text).toBe(corrections[0]!.text);
    expect(kept?.history.map((v) => v.text)).toContain('Cruise missiles, again');
  });

  it('never overwrites an existing correction: the imported text goes into its history', async () => {
    const store = await freshStore();
    await store.saveCorrection({ ...record('Kruisraketten', 'My own cruise missiles'), status: 'edited' });
    await store.importCorrections([corrections[0]!]);
    const kept = (await store.getCorrections([corrections[0]!.sourceHash])).get(corrections[0]!.sourceHash);
    expect(kept?.text).toBe('My own cruise missiles');
    expect(kept?.history.map((v) => v.text)).toEqual(['Cruise rockets', 'Cruise missiles']);
  });

  it('a malformed file changes nothing, because parsing fails before the store is touched', async () => {
    const store = await freshStore();
    await store.importCorrections([corrections[0]!]);
    const before = await store.listCorrections();
    expect(() => parseTmx(toTmx(corrections).replace('>confirmed<', '>great<'))).toThrow();
    expect(await store.listCorrections()).toEqual(before);
  });
});

describe('eviction', () => {
  it('drops the least recently used machine translations and never a correction', async () => {
    const store = await freshStore();
    for (let i = 0; i < 5; i++) {
      await store.putMachine({ cacheKey: 'k', sourceHash: `h${i}`, source: `nl ${i}`, text: `en ${i}`, sentences: [] });
      await new Promise((r) => setTimeout(r, 3));
    }
    await store.getMachine('k', ['h0']); // h0 used again: now the most recent
    await store.saveCorrection(record('nl 1', 'corrected'));
    expect(await store.evictMachine(2)).toBe(2);
    const left = (await store.listMachine()).map((m) => m.sourceHash).sort();
    expect(left).toEqual(['h0', 'h3', 'h4']);
    expect(await store.listCorrections()).toHaveLength(1);
    await store.clearMachine();
    expect(await store.counts()).toMatchObject({ machine: 0, corrections: 1 });
  });
});

describe('storage full', () => {
  it('on QuotaExceededError, evicts the least recently used machine translations (never a correction) and stores the new one', async () => {
    const db = await openReaderDB(`exchange-${++n}`);
    // The browser refuses the next write once, as a full disk or quota would; later writes succeed.
    let refuse = false;
    const full = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'put') {
          return (...args: Parameters<typeof db.put>) => {
            if (refuse) {
              refuse = false;
              return Promise.reject(new DOMException('quota', 'QuotaExceededError'));
            }
            return target.put(...args);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const store = new IndexedDBStore(full);
    for (let i = 0; i < 60; i++) {
      await store.putMachine({ cacheKey: 'k', sourceHash: `h${i}`, source: `nl ${i}`, text: `en ${i}`, sentences: [] });
    }
    await store.saveCorrection(record('nl 0', 'my correction'));
    refuse = true;
    await store.putMachine({ cacheKey: 'k', sourceHash: 'new', source: 'nieuw', text: 'new', sentences: [] });
    const left = (await store.listMachine()).map((m) => m.sourceHash);
    expect(left).toContain('new');
    expect(left).toHaveLength(11); // 60 - max(50, 60 / 10) evicted, + the new one
    expect(left).not.toContain('h0'); // oldest first
    expect(await store.listCorrections()).toHaveLength(1);
  });
});
