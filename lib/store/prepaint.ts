import { cacheKeyOf, DECODING } from '@/lib/translation/config';
import { DB_NAME, STORES } from './schema';
import { KEY_COOKIE, paintSnapshotCall } from './snapshot';

/** Where the page's inline script leaves the settings request, for the app to take over (lib/translation/fetch-config). */
export const EARLY_CONFIG = '__tweetaligConfig';
export const CONFIG_URL = '/api/translation-config';

interface Slot {
  getAttribute(name: string): string | null;
  readonly isConnected: boolean;
  textContent: string | null;
}

interface Page {
  readonly readyState: string;
  readonly cookie: string;
  querySelectorAll(selector: string): ArrayLike<Slot>;
  addEventListener(type: 'DOMContentLoaded', listener: () => void, options: { once: true }): void;
}

interface Names {
  db: string;
  /** The cookie with the settings' key the quick-open copy was checked against (lib/store/snapshot.ts). */
  cookie: string;
  machine: string;
  corrections: string;
  decodingVersion: number;
}

/**
 * Paints a reopened article's stored English before the app's JavaScript has loaded. Run from an
 * inline script at the top of the article, which knows the article's paragraph hashes: it reads the
 * settings (one small request, handed on to the app) and this browser's IndexedDB while the rest of
 * the page is still arriving, then writes each stored paragraph's English (the reader's correction
 * if there is one, else the machine translation made under these exact settings) as text into the
 * empty `[data-prepaint]` slots the server rendered. React never hydrates inside those slots and
 * removes them when the translator takes over with the same text, so nothing flickers.
 *
 * Only reads: a database that does not exist yet is not created (its upgrade is aborted), and the
 * connection is closed at once. Any failure paints nothing; the app then does what it always does.
 * Serialized with Function.prototype.toString: it must name nothing outside its parameters.
 */
export async function prepaintStoredEnglish(
  doc: Page,
  idb: IDBFactory | undefined,
  config: Promise<unknown>,
  keyOf: (config: never, decodingVersion: number) => string,
  names: Names,
  hashes: readonly string[],
  /** The settings key the quick-open copy was painted under, if it was. */
  copyKey?: string,
): Promise<number> {
  // User Timing marks: where a reopen's time goes shows in the browser's performance panel and the bench.
  const mark = (step: string) => (typeof performance !== 'undefined' && performance.mark ? performance.mark(`prepaint:${step}`) : undefined);
  mark('start');
  const settings = config.catch(() => null); // handled now: a failed request is the app's to report, not an unhandled rejection
  const wanted = new Set(hashes);
  if (wanted.size === 0 || !idb) return 0;
  if (copyKey !== undefined) {
    // The copy is current for the store (its stamp) and, once the settings confirm the cookie's key, for the
    // model too: reading IndexedDB as well would only repeat, on the busy main thread, what the app reads next.
    const read = await settings;
    if (read && keyOf(read as never, names.decodingVersion) === copyKey) {
      mark('copy-current');
      return 0;
    }
  }
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(names.db);
    } catch {
      return resolve(null);
    }
    request.onupgradeneeded = () => request.transaction?.abort(); // no database yet: leave it to the app
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  if (!db) return 0;
  mark('opened');
  try {
    db.onversionchange = () => db.close(); // never hold up the app's own upgrade
    if (!db.objectStoreNames.contains(names.machine) || !db.objectStoreNames.contains(names.corrections)) return 0;
    // Every request is a round trip to the browser's storage process, and its answer waits until the
    // page's main thread is free (it is busy parsing and starting the app): 600 single reads took longer
    // than the page's first paint. So one getAll per store, started before the settings have arrived,
    // capped at a few times what this article needs; a reader with more stored than that gets the
    // paragraphs the cap missed one by one.
    const limit = 4 * wanted.size + 100;
    const tx = db.transaction([names.machine, names.corrections], 'readonly');
    const getAll = (store: string) =>
      new Promise<{ sourceHash?: unknown; cacheKey?: unknown }[]>((resolve) => {
        const request = tx.objectStore(store).getAll(undefined, limit);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve([]);
      });
    const [machineAll, correctionAll, read] = await Promise.all([getAll(names.machine), getAll(names.corrections), settings]);
    mark('settings');
    if (!read) return 0;
    const key = keyOf(read as never, names.decodingVersion);
    const machine = new Map<string, unknown>();
    const corrections = new Map<string, unknown>();
    const keep = (records: { sourceHash?: unknown; cacheKey?: unknown }[], found: Map<string, unknown>, underKey: boolean) => {
      for (const record of records) {
        if (typeof record?.sourceHash !== 'string' || !wanted.has(record.sourceHash)) continue;
        if (!underKey || record.cacheKey === key) found.set(record.sourceHash, record);
      }
    };
    keep(machineAll, machine, true);
    keep(correctionAll, corrections, false);
    if (machineAll.length >= limit || correctionAll.length >= limit) {
      const rest = db.transaction([names.machine, names.corrections], 'readonly');
      for (const hash of wanted) {
        if (machineAll.length >= limit && !machine.has(hash)) {
          const one = rest.objectStore(names.machine).get([key, hash]);
          one.onsuccess = () => one.result && machine.set(hash, one.result);
        }
        if (correctionAll.length >= limit && !corrections.has(hash)) {
          const one = rest.objectStore(names.corrections).get(hash);
          one.onsuccess = () => one.result && corrections.set(hash, one.result);
        }
      }
      await new Promise<void>((resolve) => {
        rest.oncomplete = () => resolve();
        rest.onerror = () => resolve();
        rest.onabort = () => resolve();
      });
    }
    mark('read');
    const textOf = (record: unknown) => {
      const text = (record as { text?: unknown } | undefined)?.text;
      return typeof text === 'string' && text ? text : null;
    };
    const shown = (hash: string) => {
      const correction = corrections.get(hash) as { status?: unknown } | undefined;
      // What the reader sees once the app runs: the correction unless it was reverted, else the machine text.
      return (correction && correction.status !== 'machine' ? textOf(correction) : null) ?? textOf(machine.get(hash));
    };
    // The read usually ends before the last paragraphs have arrived: paint when the page is all there.
    if (doc.readyState === 'loading') await new Promise<void>((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true }));
    // The quick-open copy was checked against the key in the page's cookie. Should that cookie be stale (a
    // cache kept the page but dropped its Set-Cookie), the copy's machine text is another model's: take it back.
    const cookie = doc.cookie.split('; ').find((c) => c.startsWith(`${names.cookie}=`));
    const stale = !cookie || decodeURIComponent(cookie.slice(names.cookie.length + 1)) !== key;
    let painted = 0;
    for (const slot of Array.from(doc.querySelectorAll('[data-prepaint]'))) {
      const text = shown(slot.getAttribute('data-prepaint') ?? '');
      // A slot React has already replaced is left alone; one the quick-open copy filled is put right.
      if (!slot.isConnected) continue;
      if (text && slot.textContent !== text) {
        slot.textContent = text;
        painted++;
      } else if (!text && stale && slot.textContent) {
        slot.textContent = '';
      }
    }
    mark('painted');
    return painted;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

/**
 * The inline script for an article whose paragraphs have these hashes: paints its quick-open copy as
 * the paragraphs arrive (lib/store/snapshot.ts), starts the settings request (the app takes it over),
 * and prepaints from IndexedDB what the copy did not have or had out of date.
 */
export function prepaintScript(hashes: readonly string[], article: string): string {
  const names: Names = { db: DB_NAME, cookie: KEY_COOKIE, machine: STORES.machine, corrections: STORES.corrections, decodingVersion: DECODING.version };
  const config = `(self.${EARLY_CONFIG} = fetch(${JSON.stringify(CONFIG_URL)}, { cache: 'no-store' })).then((r) => (r.ok ? r.clone().json() : null))`;
  // In a block: `used` stays out of the page's globals.
  return `{const used={};${paintSnapshotCall(article, 'used')};(${prepaintStoredEnglish.toString()})(document, self.indexedDB, ${config}, ${cacheKeyOf.toString()}, ${JSON.stringify(names)}, ${JSON.stringify([...new Set(hashes)])}, used.key).catch(() => {})}`;
}
