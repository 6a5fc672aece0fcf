import { describe, expect, it } from 'vitest';
import { MapStorage } from '@/lib/store/test-storage';
import { KEY_COOKIE } from './cookie';
import { restamp, storeStamp } from '@/lib/store/change-feed';
import { COPY_BUDGET, COPY_PREFIX, copyBytes, removeCopies, STAMP_KEY, writeCopy } from './copy';
import { quickOpenScript } from './inline-script';
import { paintCopy } from './paint-copy';

const KEY = 'tiny-marian|main|self|fp32|wasm|decoding-v1';
const cookie = (key: string) => `theme=dark; ${KEY_COOKIE}=${encodeURIComponent(key)}; other=1`;

/** Server-rendered empty slots, by Dutch paragraph hash; `later` ones arrive while the page is still loading. */
function page(hashes: string[], { key = KEY, later = [] as string[] } = {}) {
  const slot = (hash: string) => ({
    hash,
    textContent: '',
    getAttribute: (a: string) => (a === 'data-quick-open' ? hash : null),
  });
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
  return writeCopy(article, { key: KEY, stamp: storeStamp(storage), texts }, storage);
}

describe('the quick-open copy', () => {
  it('paints the English this browser showed, as text, into the slots of the same Dutch paragraphs', () => {
    const storage = new MapStorage();
    expect(kept(storage, { h1: 'First.', h2: '<img src=x onerror=alert(1)> Mine.' })).toBe(true);
    const { doc, slots } = page(['h1', 'h2', 'changed']);
    const used: { key?: string } = {};
    expect(paintCopy(doc, storage, undefined, 'artikel', used)).toBe(2);
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
    expect(paintCopy(doc, storage, Observer, 'artikel')).toBe(1);
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
    expect(paintCopy(page(['h1'], { key: KEY.replace('fp32', 'q8') }).doc, storage, undefined, 'artikel')).toBe(0);
    const noCookie = page(['h1']);
    noCookie.doc.cookie = 'theme=dark';
    const used: { key?: string } = {};
    expect(paintCopy(noCookie.doc, storage, undefined, 'artikel', used)).toBe(0);
    expect(used.key).toBeUndefined();
    expect(paintCopy(page(['h1']).doc, storage, undefined, 'another-article')).toBe(0);
  });

  it('is never painted after a change stamped since it was made (a correction, an import, a clear, in any tab)', () => {
    const storage = new MapStorage();
    kept(storage, { h1: 'Machine text.' });
    restamp(storage);
    const { doc, slots } = page(['h1']);
    expect(paintCopy(doc, storage, undefined, 'artikel')).toBe(0);
    expect(slots[0]!.textContent).toBe('');
  });

  it('is not written by a page whose view of the store is older than the stamp, and the old copy goes', () => {
    const storage = new MapStorage();
    kept(storage, { h1: 'First.' });
    const stamp = storeStamp(storage);
    restamp(storage); // another tab saved a correction after this page read the store
    expect(writeCopy('artikel', { key: KEY, stamp, texts: { h1: 'First, again.' } }, storage)).toBe(false);
    expect(storage.getItem(`${COPY_PREFIX}artikel`)).toBeNull();
  });

  it('skips a malformed copy instead of failing the page', () => {
    const storage = new MapStorage();
    for (const raw of [
      '{not json',
      '[]',
      JSON.stringify({ v: 2, key: KEY, stamp: '', texts: { h1: 'x' } }),
      JSON.stringify({ v: 1, key: KEY, stamp: '', texts: { h1: 7 } }),
    ]) {
      storage.setItem(`${COPY_PREFIX}artikel`, raw);
      const { doc, slots } = page(['h1']);
      expect(paintCopy(doc, storage, undefined, 'artikel')).toBe(0);
      expect(slots[0]!.textContent).toBe('');
    }
  });

  it('stays within its budget, dropping the least recently written article first', () => {
    const storage = new MapStorage();
    const big = 'x'.repeat(Math.floor(COPY_BUDGET / 3));
    kept(storage, { h: big }, 'one');
    kept(storage, { h: big }, 'two');
    kept(storage, { h: big }, 'three'); // no room for a third: "one" goes
    expect(storage.getItem(`${COPY_PREFIX}one`)).toBeNull();
    expect(storage.getItem(`${COPY_PREFIX}two`)).not.toBeNull();
    expect(copyBytes(storage)).toBeLessThanOrEqual(2 * COPY_BUDGET);
    expect(kept(storage, { h: 'x'.repeat(COPY_BUDGET) }, 'huge')).toBe(false); // larger than all of it: not kept
    expect(storage.getItem(`${COPY_PREFIX}three`)).not.toBeNull();
  });

  it('makes room from its own copies when other data fills the quota, and fails quietly when it cannot', () => {
    const storage = new MapStorage(100_000);
    storage.setItem('someone-else', 'y'.repeat(40_000));
    kept(storage, { h: 'x'.repeat(40_000) }, 'one');
    expect(kept(storage, { h: 'x'.repeat(40_000) }, 'two')).toBe(true);
    expect(storage.getItem(`${COPY_PREFIX}one`)).toBeNull();
    expect(kept(storage, { h: 'x'.repeat(80_000) }, 'three')).toBe(false);
    expect(storage.getItem('someone-else')).not.toBeNull(); // never touches what is not ours
  });

  it('removes every copy (clearing machine translations)', () => {
    const storage = new MapStorage();
    kept(storage, { h1: 'a' }, 'one');
    kept(storage, { h1: 'b' }, 'two');
    storage.setItem('unrelated', 'kept');
    removeCopies(storage);
    expect(storage.length).toBe(1 + (storage.getItem(STAMP_KEY) === null ? 0 : 1));
    expect(copyBytes(storage)).toBe(0);
  });

  it('goes into the page as a script that runs on its own and cannot be closed early by an article name', () => {
    const storage = new MapStorage();
    kept(storage, { h1: 'First.' }, 'a</script>b');
    const script = quickOpenScript(['h1'], 'a</script>b');
    expect(script).not.toContain('</script>');
    const { doc, slots } = page(['h1']);
    const started: string[] = [];
    const fetch = (url: string) => (started.push(url), new Promise(() => {}));
    const self = { localStorage: storage, MutationObserver: undefined, indexedDB: undefined };
    new Function('document', 'self', 'fetch', script)(doc, self, fetch);
    expect(slots[0]!.textContent).toBe('First.');
    expect(started).toEqual(['/api/translation-config']); // the settings request the app takes over
    // Where localStorage is refused, reading it throws: the script swallows that.
    const refused = {
      get localStorage(): Storage {
        throw new DOMException('denied', 'SecurityError');
      },
      indexedDB: undefined,
    };
    expect(() => new Function('document', 'self', 'fetch', script)(page(['h1']).doc, refused, fetch)).not.toThrow();
  });
});
