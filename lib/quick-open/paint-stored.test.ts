import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { IndexedDBStore, openReaderDB } from '@/lib/store/db';
import { STORES } from '@/lib/store/schema';
import { DEFAULT_CONFIG, translationCacheKey } from '@/lib/engine/shared/config';
import { KEY_COOKIE } from './cookie';
import { quickOpenScript } from './inline-script';
import { paintStored } from './paint-stored';

let n = 0;
let name: string;
beforeEach(() => {
  name = `quick-open-db-${++n}`; // a fresh database per test
});

/** The slots as the server renders them: empty, keyed by the Dutch text's hash; the cookie as the server sets it. */
function page(hashes: string[], key = translationCacheKey(DEFAULT_CONFIG)) {
  const slots = hashes.map((hash) => ({
    hash,
    isConnected: true,
    textContent: '',
    getAttribute: (a: string) => (a === 'data-quick-open' ? hash : null),
  }));
  const cookie = `${KEY_COOKIE}=${encodeURIComponent(key)}`;
  return {
    slots,
    hashes,
    doc: { readyState: 'complete', cookie, querySelectorAll: () => slots, addEventListener: () => {} },
  };
}
const record = (sourceHash: string, text: string, config = DEFAULT_CONFIG) => ({
  cacheKey: translationCacheKey(config),
  sourceHash,
  source: `NL ${sourceHash}`,
  text,
  sentences: [{ source: `NL ${sourceHash}`, start: 0, end: 4, target: text }],
});

async function seed() {
  const store = new IndexedDBStore(await openReaderDB(name));
  await store.putMachine(record('h1', 'Machine one'));
  await store.putMachine(record('h2', 'Machine two'));
  await store.putMachine(record('h3', 'Other model', { ...DEFAULT_CONFIG, modelId: 'someone/else' }));
  await store.saveCorrection({
    sourceHash: 'h2',
    source: 'NL h2',
    text: '<img src=x onerror=alert(1)> mine',
    status: 'edited',
    machineText: 'Machine two',
    origin: { article: 'a', segment: 's2' },
  });
  await store.saveCorrection({
    sourceHash: 'h4',
    source: 'NL h4',
    text: 'Corrected, never machine-translated',
    status: 'confirmed',
    machineText: '',
    origin: { article: 'a', segment: 's4' },
  });
  await store.saveCorrection({
    sourceHash: 'h1',
    source: 'NL h1',
    text: 'Reverted',
    status: 'machine',
    machineText: 'Machine one',
    origin: { article: 'a', segment: 's1' },
  });
}

describe('paintStored', () => {
  it('paints what the reader will see: the correction, else the machine text under these settings, as text', async () => {
    await seed();
    const { doc, slots, hashes } = page(['h1', 'h2', 'h3', 'h4', 'h5']);
    const painted = await paintStored(doc, indexedDB, Promise.resolve(DEFAULT_CONFIG), hashes, undefined, name);
    expect(Object.fromEntries(slots.map((s) => [s.hash, s.textContent]))).toEqual({
      h1: 'Machine one', // its correction was reverted
      h2: '<img src=x onerror=alert(1)> mine', // textContent: shown as text
      h3: '', // made by another model: never shown as current
      h4: 'Corrected, never machine-translated',
      h5: '', // nothing stored
    });
    expect(painted).toBe(3);
  });

  it('paints nothing stale when the settings changed, and nothing when they cannot be read', async () => {
    await seed();
    const other = page(['h1', 'h2']);
    await paintStored(
      other.doc,
      indexedDB,
      Promise.resolve({ ...DEFAULT_CONFIG, dtype: 'fp16' }),
      other.hashes,
      undefined,
      name,
    );
    expect(other.slots.map((s) => s.textContent)).toEqual(['', '<img src=x onerror=alert(1)> mine']); // corrections do not depend on the model

    const failed = page(['h1']);
    expect(
      await paintStored(failed.doc, indexedDB, Promise.reject(new Error('offline')), failed.hashes, undefined, name),
    ).toBe(0);
    expect(failed.slots[0]!.textContent).toBe('');
  });

  it('reads one record per paragraph when far more are stored than the article needs', async () => {
    await seed();
    const store = new IndexedDBStore(await openReaderDB(name));
    for (let i = 0; i < 150; i++) await store.putMachine(record(`other-${i}`, `Elsewhere ${i}`));
    const { doc, slots, hashes } = page(['h1', 'h2']); // 4 * 2 + 100 < 153 stored: one get each
    await paintStored(doc, indexedDB, Promise.resolve(DEFAULT_CONFIG), hashes, undefined, name);
    expect(slots.map((s) => s.textContent)).toEqual(['Machine one', '<img src=x onerror=alert(1)> mine']);
  });

  it('puts right what the quick-open copy painted differently, and takes back what a stale cookie let it paint', async () => {
    await seed();
    const { doc, slots, hashes } = page(['h2', 'h5']);
    slots[0]!.textContent = 'An older correction';
    slots[1]!.textContent = 'Evicted since, the same text comes back';
    await paintStored(doc, indexedDB, Promise.resolve(DEFAULT_CONFIG), hashes, undefined, name);
    expect(slots.map((s) => s.textContent)).toEqual([
      '<img src=x onerror=alert(1)> mine',
      'Evicted since, the same text comes back',
    ]);

    // A cache served the page without its Set-Cookie: the cookie still names the previous settings.
    const stale = page(['h5'], translationCacheKey({ ...DEFAULT_CONFIG, modelId: 'previous/model' }));
    stale.slots[0]!.textContent = "The previous model's English";
    await paintStored(stale.doc, indexedDB, Promise.resolve(DEFAULT_CONFIG), stale.hashes, undefined, name);
    expect(stale.slots[0]!.textContent).toBe('');
  });

  it('reads nothing when the quick-open copy was painted under the settings the page now has', async () => {
    await seed();
    const { doc, slots, hashes } = page(['h2']);
    slots[0]!.textContent = 'From the copy';
    const key = translationCacheKey(DEFAULT_CONFIG);
    let opened = 0;
    const counting = {
      open: (...args: Parameters<IDBFactory['open']>) => (opened++, indexedDB.open(...args)),
    } as IDBFactory;
    expect(await paintStored(doc, counting, Promise.resolve(DEFAULT_CONFIG), hashes, key, name)).toBe(0);
    expect(opened).toBe(0);
    expect(slots[0]!.textContent).toBe('From the copy');

    // Painted under a key the settings no longer have: IndexedDB is read and puts it right.
    await paintStored(
      doc,
      counting,
      Promise.resolve(DEFAULT_CONFIG),
      hashes,
      translationCacheKey({ ...DEFAULT_CONFIG, dtype: 'fp16' }),
      name,
    );
    expect(opened).toBe(1);
    expect(slots[0]!.textContent).toBe('<img src=x onerror=alert(1)> mine');
  });

  it('leaves alone a slot React has already replaced', async () => {
    await seed();
    const { doc, slots, hashes } = page(['h1']);
    slots[0]!.isConnected = false;
    expect(await paintStored(doc, indexedDB, Promise.resolve(DEFAULT_CONFIG), hashes, undefined, name)).toBe(0);
  });

  it('never creates the database, and the app can open and upgrade it afterwards', async () => {
    const { doc, hashes } = page(['h1']);
    expect(await paintStored(doc, indexedDB, Promise.resolve(DEFAULT_CONFIG), hashes, undefined, name)).toBe(0);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const db = await openReaderDB(name); // would be blocked if the quick-open script had kept its connection
    expect([...db.objectStoreNames]).toContain(STORES.corrections);
    db.close();
  });

  it('goes into the page as one script that parses on its own', () => {
    expect(() => new Function(quickOpenScript(['h1', 'h2'], 'een-artikel'))).not.toThrow();
  });
});
