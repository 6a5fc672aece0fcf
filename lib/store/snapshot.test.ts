import { describe, expect, it } from 'vitest';
import { bumpStoreStamp, KEY_COOKIE, paintSnapshot, paintSnapshotCall, removeSnapshots, SNAPSHOT_BUDGET, SNAPSHOT_PREFIX, snapshotBytes, STAMP_KEY, storeStamp, writeSnapshot } from './snapshot';
import { MapStorage } from './test-storage';

const names = { prefix: SNAPSHOT_PREFIX, stamp: STAMP_KEY, cookie: KEY_COOKIE };
const KEY = 'tiny-marian|main|self|fp32|wasm|decoding-v1';
const cookie = (key: string) => `theme=dark; ${KEY_COOKIE}=${encodeURIComponent(key)}; other=1`;

/** Server-rendered empty slots, by Dutch paragraph hash; `later` ones arrive while the page is still loading. */
function page(hashes: string[], { key = KEY, later = [] as string[] } = {}) {
  const slot = (hash: string) => ({ hash, textContent: '', getAttribute: (a: string) => (a === 'data-prepaint' ? hash : null) });
  const slots = hashes.map(slot);
  const pending = later.map(slot);
  let loaded: (() => void) | null = null;
  const doc = {
    cookie: cookie(key),
    readyState: later.length ? 'loading' : 'complete',
    // The selector asks for empty slots: honour it, as the browser does.
    querySelectorAll: () => slots.filter((s) => !s.textContent),
    addEventListener: (_: 'DOMContentLoaded', listener: () => void) => void (loaded = listener),
  };
  const arrive = () => slots.push(...pending.splice(0));
  return { doc, slots, arrive, finish: () => ((doc.readyState = 'interactive'), loaded?.()) };
}

function kept(storage: Storage, texts: Record<string, string>, article = 'artikel') {
  return writeSnapshot(article, { key: KEY, stamp: storeStamp(storage), texts }, storage);
}

describe('the quick-open copy', () => {
  it('paints the English this browser showed, as text, into the slots of the same Dutch paragraphs', () => {
    const storage = new MapStorage();
    expect(kept(storage, { h1: 'First.', h2: '<img src=x onerror=alert(1)> Mine.' })).toBe(true);
    const { doc, slots } = page(['h1', 'h2', 'changed']);
    const used: { key?: string } = {};
    expect(paintSnapshot(doc, storage, undefined, names, 'artikel', used)).toBe(2);
    expect(used.key).toBe(KEY); // what the IndexedDB step checks against the settings
    expect(slots.map((s) => s.textContent)).toEqual(['First.', '<img src=x onerror=alert(1)> Mine.', '']);
  });

  it('fills slots as the parser adds them, and stops watching when the page is parsed', () => {
    const storage = new MapStorage();
    kept(storage, { h1: 'First.', h2: 'Second.' });
    const { doc, slots, arrive, finish } = page(['h1'], { later: ['h2'] });
    let callback: (() => void) | null = null;
    let watching = false;
    class Observer {
      constructor(cb: () => void) {
        callback = cb;
      }
      observe() {
        watching = true;
      }
      disconnect() {
        watching = false;
      }
    }
    expect(paintSnapshot(doc, storage, Observer, names, 'artikel')).toBe(1);
    expect(watching).toBe(true);
    arrive();
    callback!(); // the mutation callback after the parser's next task
    expect(slots.map((s) => s.textContent)).toEqual(['First.', 'Second.']);
    finish();
    expect(watching).toBe(false);
  });

  it('is never painted under other settings, or without the key the server sends with the page', () => {
    const storage = new MapStorage();
    kept(storage, { h1: 'First.' });
    expect(paintSnapshot(page(['h1'], { key: KEY.replace('fp32', 'q8') }).doc, storage, undefined, names, 'artikel')).toBe(0);
    const noCookie = page(['h1']);
    noCookie.doc.cookie = 'theme=dark';
    const used: { key?: string } = {};
    expect(paintSnapshot(noCookie.doc, storage, undefined, names, 'artikel', used)).toBe(0);
    expect(used.key).toBeUndefined();
    expect(paintSnapshot(page(['h1']).doc, storage, undefined, names, 'another-article')).toBe(0);
  });

  it('is never painted after a change stamped since it was made (a correction, an import, a clear, in any tab)', () => {
    const storage = new MapStorage();
    kept(storage, { h1: 'Machine text.' });
    bumpStoreStamp(storage);
    const { doc, slots } = page(['h1']);
    expect(paintSnapshot(doc, storage, undefined, names, 'artikel')).toBe(0);
    expect(slots[0]!.textContent).toBe('');
  });

  it('is not written by a page whose view of the store is older than the stamp, and the old copy goes', () => {
    const storage = new MapStorage();
    kept(storage, { h1: 'First.' });
    const stamp = storeStamp(storage);
    bumpStoreStamp(storage); // another tab saved a correction after this page read the store
    expect(writeSnapshot('artikel', { key: KEY, stamp, texts: { h1: 'First, again.' } }, storage)).toBe(false);
    expect(storage.getItem(`${SNAPSHOT_PREFIX}artikel`)).toBeNull();
  });

  it('skips a malformed copy instead of failing the page', () => {
    const storage = new MapStorage();
    for (const raw of ['{not json', '[]', JSON.stringify({ v: 2, key: KEY, stamp: '', texts: { h1: 'x' } }), JSON.stringify({ v: 1, key: KEY, stamp: '', texts: { h1: 7 } })]) {
      storage.setItem(`${SNAPSHOT_PREFIX}artikel`, raw);
      const { doc, slots } = page(['h1']);
      expect(paintSnapshot(doc, storage, undefined, names, 'artikel')).toBe(0);
      expect(slots[0]!.textContent).toBe('');
    }
  });

  it('stays within its budget, dropping the least recently written article first', () => {
    const storage = new MapStorage();
    const big = 'x'.repeat(Math.floor(SNAPSHOT_BUDGET / 3));
    kept(storage, { h: big }, 'one');
    kept(storage, { h: big }, 'two');
    kept(storage, { h: big }, 'three'); // no room for a third: "one" goes
    expect(storage.getItem(`${SNAPSHOT_PREFIX}one`)).toBeNull();
    expect(storage.getItem(`${SNAPSHOT_PREFIX}two`)).not.toBeNull();
    expect(snapshotBytes(storage)).toBeLessThanOrEqual(2 * SNAPSHOT_BUDGET);
    expect(kept(storage, { h: 'x'.repeat(SNAPSHOT_BUDGET) }, 'huge')).toBe(false); // larger than all of it: not kept
    expect(storage.getItem(`${SNAPSHOT_PREFIX}three`)).not.toBeNull();
  });

  it('makes room from its own copies when other data fills the quota, and fails quietly when it cannot', () => {
    const storage = new MapStorage(100_000);
    storage.setItem('someone-else', 'y'.repeat(40_000));
    kept(storage, { h: 'x'.repeat(40_000) }, 'one');
    expect(kept(storage, { h: 'x'.repeat(40_000) }, 'two')).toBe(true);
    expect(storage.getItem(`${SNAPSHOT_PREFIX}one`)).toBeNull();
    expect(kept(storage, { h: 'x'.repeat(80_000) }, 'three')).toBe(false);
    expect(storage.getItem('someone-else')).not.toBeNull(); // never touches what is not ours
  });

  it('removes every copy (clearing machine translations)', () => {
    const storage = new MapStorage();
    kept(storage, { h1: 'a' }, 'one');
    kept(storage, { h1: 'b' }, 'two');
    storage.setItem('unrelated', 'kept');
    removeSnapshots(storage);
    expect(storage.length).toBe(1 + (storage.getItem(STAMP_KEY) === null ? 0 : 1));
    expect(snapshotBytes(storage)).toBe(0);
  });

  it('serializes into a script that runs on its own and cannot be closed early by an article name', () => {
    const storage = new MapStorage();
    kept(storage, { h1: 'First.' }, 'a</script>b');
    const call = paintSnapshotCall('a</script>b', 'used');
    expect(call).not.toContain('</script>');
    const { doc, slots } = page(['h1']);
    const used: { key?: string } = {};
    new Function('document', 'self', 'used', call)(doc, { localStorage: storage, MutationObserver: undefined }, used);
    expect(slots[0]!.textContent).toBe('First.');
    expect(used.key).toBe(KEY);
    // Where localStorage is refused, reading it throws: the script swallows that.
    const refused = { get localStorage(): Storage { throw new DOMException('denied', 'SecurityError'); } };
    expect(() => new Function('document', 'self', 'used', call)(page(['h1']).doc, refused, {})).not.toThrow();
  });
});
