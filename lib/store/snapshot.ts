/**
 * The one module that touches localStorage: a synchronous copy of the English each article last
 * showed, so that a reopened article paints its English in the same frame as its Dutch (an
 * IndexedDB read is asynchronous and answers only after the page's first paint; see prepaint.ts).
 *
 * IndexedDB stays the truth; a copy is only ever painted when it provably matches it:
 * - it is keyed by the article and, inside, by each paragraph's Dutch text (its hash), so a changed
 *   paragraph has no copy;
 * - it carries the settings' cache key, checked against the key the server sends with the page
 *   (the KEY_COOKIE cookie, set by proxy.ts), so another model never shows this one's English;
 * - it carries the store stamp it was made under. Every write that changes what a paragraph shows
 *   other than by translating (a correction, an import, a clear) changes the stamp, in any tab, so
 *   a copy made before it is never painted. The tab that made the change may stamp its own copy anew.
 */
export const SNAPSHOT_PREFIX = 'tweetalig:shown:';
export const STAMP_KEY = 'tweetalig:stamp';
export const KEY_COOKIE = 'tweetalig-key';
const INDEX_KEY = 'tweetalig:shown-index';
/** All copies together, in UTF-16 code units (about 2 MB): well inside the browser's 5 MB, oldest first out. */
export const SNAPSHOT_BUDGET = 1_000_000;

export interface Snapshot {
  v: 1;
  /** translationCacheKey() of the settings the machine text was made under. */
  key: string;
  stamp: string;
  /** Dutch paragraph hash → the English the reader saw. */
  texts: Record<string, string>;
}

/** [article, size, last written]; the order copies are dropped in when the budget is full. */
type Index = [string, number, number][];

/** localStorage, or null where it is missing or refused (cookies blocked, some private modes). */
export function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The current store stamp ('' before any change was ever stamped). */
export function storeStamp(storage = localStore()): string {
  try {
    return storage?.getItem(STAMP_KEY) ?? '';
  } catch {
    return '';
  }
}

let lastStamp: string | null = null;

/** The stamp this page itself wrote last: a tab that made a change may stamp its own copy with it. */
export function ownStamp(): string | null {
  return lastStamp;
}

/**
 * Called after every committed write that changes what a paragraph shows other than by translating.
 * If the new stamp cannot be written, no copy may be trusted any more: all are removed.
 */
export function bumpStoreStamp(storage = localStore()): void {
  if (!storage) return;
  const stamp = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`;
  try {
    storage.setItem(STAMP_KEY, stamp);
    lastStamp = stamp;
  } catch {
    removeSnapshots(storage);
  }
}

function readIndex(storage: Storage): Index {
  try {
    const index = JSON.parse(storage.getItem(INDEX_KEY) ?? '[]') as unknown;
    return Array.isArray(index) ? index.filter((e): e is Index[number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number') : [];
  } catch {
    return [];
  }
}

/**
 * Keeps an article's copy, made under `stamp`. Nothing is written (and an older copy is removed) when
 * the stamp has moved on since: what this page shows may be older than the store. Best effort: any
 * failure leaves no copy, and reopening then reads IndexedDB as before.
 */
export function writeSnapshot(article: string, snapshot: Omit<Snapshot, 'v'>, storage = localStore()): boolean {
  if (!storage) return false;
  try {
    const name = SNAPSHOT_PREFIX + article;
    if (storeStamp(storage) !== snapshot.stamp || Object.keys(snapshot.texts).length === 0) {
      storage.removeItem(name);
      return false;
    }
    const value = JSON.stringify({ v: 1, ...snapshot } satisfies Snapshot);
    if (storage.getItem(name) === value) return true;
    const size = name.length + value.length;
    let index = readIndex(storage).filter(([a]) => a !== article);
    if (size > SNAPSHOT_BUDGET) {
      storage.removeItem(name);
      storage.setItem(INDEX_KEY, JSON.stringify(index));
      return false;
    }
    index.sort((a, b) => a[2] - b[2]);
    const total = () => index.reduce((sum, [, s]) => sum + s, 0);
    while (index.length > 0 && total() + size > SNAPSHOT_BUDGET) storage.removeItem(SNAPSHOT_PREFIX + index.shift()![0]);
    try {
      storage.setItem(name, value);
    } catch {
      // Someone else's data fills the quota: make room from our own copies once.
      for (const [a] of index) storage.removeItem(SNAPSHOT_PREFIX + a);
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
export function dropSnapshot(article: string, storage = localStore()): void {
  if (!storage) return;
  try {
    storage.removeItem(SNAPSHOT_PREFIX + article);
    const index = readIndex(storage);
    if (index.some(([a]) => a === article)) storage.setItem(INDEX_KEY, JSON.stringify(index.filter(([a]) => a !== article)));
  } catch {
    // nothing to remove from
  }
}

/** Every copy, for "clear machine translations" (they hold machine text too). */
export function removeSnapshots(storage = localStore()): void {
  if (!storage) return;
  try {
    for (let i = storage.length - 1; i >= 0; i--) {
      const name = storage.key(i);
      if (name?.startsWith(SNAPSHOT_PREFIX)) storage.removeItem(name);
    }
    storage.removeItem(INDEX_KEY);
  } catch {
    // nothing to remove from
  }
}

/** Size of all copies, in bytes (UTF-16), for the "Stored data" page. */
export function snapshotBytes(storage = localStore()): number {
  if (!storage) return 0;
  try {
    return 2 * readIndex(storage).reduce((sum, [, size]) => sum + size, 0);
  } catch {
    return 0;
  }
}

interface Slot {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

interface ParsingPage {
  cookie: string;
  readonly readyState: string;
  querySelectorAll(selector: string): ArrayLike<Slot>;
  addEventListener(type: 'DOMContentLoaded', listener: () => void, options: { once: true }): void;
}

type Observer = new (callback: () => void) => { observe(target: never, options: MutationObserverInit): void; disconnect(): void };

/**
 * Paints an article's copy into the server-rendered `[data-prepaint]` slots, synchronously, as the
 * parser adds them: run from the inline script at the top of the article, before its paragraphs
 * have arrived, it fills each slot in the same task that parsed it, so the browser never paints a
 * paragraph's Dutch without its English. Returns the number painted so far (all of them when the page
 * was already parsed). Serialized with Function.prototype.toString: it names nothing outside its parameters.
 */
export function paintSnapshot(
  doc: ParsingPage,
  storage: Pick<Storage, 'getItem'> | null,
  Observer: Observer | undefined,
  names: { prefix: string; stamp: string; cookie: string },
  article: string,
  /** Told the settings key the copy was checked against, when one is painted. */
  used: { key?: string } = {},
): number {
  let painted = 0;
  try {
    const raw = storage?.getItem(names.prefix + article);
    if (!raw || !storage) return 0;
    const snapshot = JSON.parse(raw) as Partial<Snapshot>;
    const cookie = doc.cookie.split('; ').find((c) => c.startsWith(`${names.cookie}=`));
    const key = cookie ? decodeURIComponent(cookie.slice(names.cookie.length + 1)) : null;
    if (snapshot.v !== 1 || !key || snapshot.key !== key || (storage.getItem(names.stamp) ?? '') !== snapshot.stamp) return 0;
    const texts = snapshot.texts ?? {};
    used.key = key;
    const fill = () => {
      for (const slot of Array.from(doc.querySelectorAll('[data-prepaint]:empty'))) {
        const hash = slot.getAttribute('data-prepaint') ?? '';
        const text = Object.prototype.hasOwnProperty.call(texts, hash) ? texts[hash] : null;
        if (typeof text === 'string' && text && !slot.textContent) {
          slot.textContent = text;
          painted++;
        }
      }
    };
    const done = () => typeof performance !== 'undefined' && performance.mark && performance.mark('prepaint:snapshot');
    fill();
    if (doc.readyState === 'loading' && Observer) {
      // Mutation callbacks run at the end of each parser task, before the browser may render.
      const observer = new Observer(fill);
      observer.observe(doc as never, { childList: true, subtree: true });
      doc.addEventListener(
        'DOMContentLoaded',
        () => {
          observer.disconnect();
          fill();
          done();
        },
        { once: true },
      );
    } else done();
    return painted;
  } catch {
    return painted;
  }
}

/**
 * The call for the article's inline script (lib/store/prepaint.ts): the page, localStorage, and names. When a
 * copy is painted, the key it was checked against is left in the script's variable named `used`.
 */
export function paintSnapshotCall(article: string, used: string): string {
  const names = { prefix: SNAPSHOT_PREFIX, stamp: STAMP_KEY, cookie: KEY_COOKIE };
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c'); // never a `</script>` inside
  // localStorage itself throws where storage is refused: looked up inside a try.
  return `try{(${paintSnapshot.toString()})(document, self.localStorage, self.MutationObserver, ${json(names)}, ${json(article)}, ${used})}catch(e){}`;
}
