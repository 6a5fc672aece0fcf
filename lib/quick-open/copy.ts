/**
 * The quick-open copy: a synchronous copy, in localStorage, of the English each article last showed, so
 * that a reopened article paints its English in the same frame as its Dutch (an IndexedDB read is
 * asynchronous and answers only after the page's first paint; see paint-stored.ts).
 *
 * IndexedDB stays the truth; a copy is only ever painted when it provably matches it:
 * - it is keyed by the article and, inside, by each paragraph's Dutch text (its hash), so a changed
 *   paragraph has no copy;
 * - it carries the settings' cache key, checked against the key the server sends with the page
 *   (the KEY_COOKIE cookie of cookie.ts, set by proxy.ts), so another model never shows this one's English;
 * - it carries the store stamp it was made under (lib/store/change-feed.ts). Every write that changes what a
 *   paragraph shows other than by translating (a correction, an import, a clear) changes the stamp, in any
 *   tab, so a copy made before it is never painted. The page that made the change may stamp its copy anew.
 */
import { localStore } from '@/lib/local-storage';
import { storeStamp } from '@/lib/store/change-feed';

export { STAMP_KEY } from '@/lib/store/change-feed';

// Warning: these keys live in readers' browsers.
export const COPY_PREFIX = 'tweetalig:shown:';
const INDEX_KEY = 'tweetalig:shown-index';
/** All copies together, in UTF-16 code units (about 2 MB): well inside the browser's 5 MB, oldest first out. */
export const COPY_BUDGET = 1_000_000;

export interface Copy {
  v: 1;
  /** translationCacheKey() of the settings the machine text was made under. */
  key: string;
  stamp: string;
  /** Dutch paragraph hash → the English the reader saw. */
  texts: Record<string, string>;
}

/** [article, size, last written]; the order copies are dropped in when the budget is full. */
type Index = [string, number, number][];

function readIndex(storage: Storage): Index {
  try {
    const index = JSON.parse(storage.getItem(INDEX_KEY) ?? '[]') as unknown;
    return Array.isArray(index)
      ? index.filter(
          (e): e is Index[number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number',
        )
      : [];
  } catch {
    return [];
  }
}

/**
 * Keeps an article's copy, made under `stamp`. Nothing is written (and an older copy is removed) when
 * the stamp has moved on since: what this page shows may be older than the store. Best effort: any
 * failure leaves no copy, and reopening then reads IndexedDB as before.
 */
export function writeCopy(article: string, copy: Omit<Copy, 'v'>, storage = localStore()): boolean {
  if (!storage) return false;
  try {
    const name = COPY_PREFIX + article;
    if (!copy.stamp || storeStamp(storage) !== copy.stamp || Object.keys(copy.texts).length === 0) {
      storage.removeItem(name);
      return false;
    }
    const value = JSON.stringify({ v: 1, ...copy } satisfies Copy);
    if (storage.getItem(name) === value) return true;
    const size = name.length + value.length;
    let index = readIndex(storage).filter(([a]) => a !== article);
    if (size > COPY_BUDGET) {
      storage.removeItem(name);
      storage.setItem(INDEX_KEY, JSON.stringify(index));
      return false;
    }
    index.sort((a, b) => a[2] - b[2]);
    const total = () => index.reduce((sum, [, s]) => sum + s, 0);
    while (index.length > 0 && total() + size > COPY_BUDGET) storage.removeItem(COPY_PREFIX + index.shift()![0]);
    try {
      storage.setItem(name, value);
    } catch {
      // Someone else's data fills the quota: make room from our own copies once.
      for (const [a] of index) storage.removeItem(COPY_PREFIX + a);
      index = [];
      storage.setItem(name, value);
    }
    storage.setItem(INDEX_KEY, JSON.stringify([...index, [article, size, Date.now()]]));
    return true;
  } catch {
    return false;
  }
}

/** One article's copy, when what its page shows can no longer be vouched for. */
export function dropCopy(article: string, storage = localStore()): void {
  if (!storage) return;
  try {
    storage.removeItem(COPY_PREFIX + article);
    const index = readIndex(storage);
    if (index.some(([a]) => a === article))
      storage.setItem(INDEX_KEY, JSON.stringify(index.filter(([a]) => a !== article)));
  } catch {
    // nothing to remove from
  }
}

/** Every copy, for "clear machine translations" (they hold machine text too). */
export function removeCopies(storage = localStore()): void {
  if (!storage) return;
  try {
    for (let i = storage.length - 1; i >= 0; i--) {
      const name = storage.key(i);
      if (name?.startsWith(COPY_PREFIX)) storage.removeItem(name);
    }
    storage.removeItem(INDEX_KEY);
  } catch {
    // nothing to remove from
  }
}

/** Size of all copies, in bytes (UTF-16), for the "Stored data" page. */
export function copyBytes(storage = localStore()): number {
  if (!storage) return 0;
  try {
    return 2 * readIndex(storage).reduce((sum, [, size]) => sum + size, 0);
  } catch {
    return 0;
  }
}
