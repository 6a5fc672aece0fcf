import type { CorrectionRecord, MachineRecord } from '@/lib/store/types';
import { DB_NAME, STORES } from '@/lib/store/schema';
import { hasOwnText } from '@/lib/store/versioning';
import { cacheKeyOf, DECODING, type EngineConfig } from '@/lib/engine/shared/config';
import { KEY_COOKIE, readCookie } from './cookie';

interface Slot {
  getAttribute(name: string): string | null;
  readonly isConnected: boolean;
  textContent: string | null;
}

/** The page as much as painting needs of it (a real document, or a test's stand-in). */
export interface Page {
  readonly readyState: string;
  readonly cookie: string;
  querySelectorAll(selector: string): ArrayLike<Slot>;
  addEventListener(type: 'DOMContentLoaded', listener: () => void, options: { once: true }): void;
}

type Stored = Partial<Pick<MachineRecord & CorrectionRecord, 'sourceHash' | 'cacheKey' | 'text' | 'status'>>;

/**
 * Paints a reopened article's stored English before the app's JavaScript has loaded, when the quick-open
 * copy did not (or did under settings the page no longer has). Run from the article's inline script, which
 * knows its paragraph hashes: it reads this browser's IndexedDB while the rest of the page is still
 * arriving, then writes each stored paragraph's English (the reader's correction if there is one, else the
 * machine translation made under these exact settings) as text into the empty `[data-quick-open]` slots the
 * server rendered. React never hydrates inside those slots and removes them when the translator takes over
 * with the same text, so nothing flickers.
 *
 * Only reads: a database that does not exist yet is not created (its upgrade is aborted), and the
 * connection is closed at once. Any failure paints nothing; the app then does what it always does.
 */
export async function paintStored(
  doc: Page,
  idb: IDBFactory | undefined,
  config: Promise<Pick<
    EngineConfig,
    'modelId' | 'revision' | 'source' | 'hubUrl' | 'dtype' | 'device' | 'quality'
  > | null>,
  hashes: readonly string[],
  /** The settings key the quick-open copy was painted under, if it was. */
  copyKey?: string,
  dbName = DB_NAME,
): Promise<number> {
  // User Timing marks: where a reopen's time goes shows in the browser's performance panel and the bench.
  const mark = (step: string) =>
    typeof performance !== 'undefined' && performance.mark ? performance.mark(`quick-open:${step}`) : undefined;
  mark('start');
  const settings = config.catch(() => null); // handled now: a failed request is the app's to report, not an unhandled rejection
  const keyOf = (read: NonNullable<Awaited<typeof config>>) => cacheKeyOf(read, DECODING.version);
  const wanted = new Set(hashes);
  if (wanted.size === 0 || !idb) return 0;
  if (copyKey !== undefined) {
    // The copy is current for the store (its stamp) and, once the settings confirm the cookie's key, for the
    // model too: reading IndexedDB as well would only repeat, on the busy main thread, what the app reads next.
    const read = await settings;
    if (read && keyOf(read) === copyKey) {
      mark('copy-current');
      return 0;
    }
  }
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(dbName);
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
    if (!db.objectStoreNames.contains(STORES.machine) || !db.objectStoreNames.contains(STORES.corrections)) return 0;
    // Every request is a round trip to the browser's storage process, and its answer waits until the
    // page's main thread is free (it is busy parsing and starting the app): 600 single reads took longer
    // than the page's first paint. So one getAll per store, started before the settings have arrived,
    // capped at a few times what this article needs; a reader with more stored than that gets the
    // paragraphs the cap missed one by one.
    const limit = 4 * wanted.size + 100;
    const tx = db.transaction([STORES.machine, STORES.corrections], 'readonly');
    const getAll = (store: string) =>
      new Promise<Stored[]>((resolve) => {
        const request = tx.objectStore(store).getAll(undefined, limit);
        request.onsuccess = () => resolve(request.result as Stored[]);
        request.onerror = () => resolve([]);
      });
    const [machineAll, correctionAll, read] = await Promise.all([
      getAll(STORES.machine),
      getAll(STORES.corrections),
      settings,
    ]);
    mark('settings');
    if (!read) return 0;
    const key = keyOf(read);
    const machine = new Map<string, Stored>();
    const corrections = new Map<string, Stored>();
    const keep = (records: Stored[], found: Map<string, Stored>, underKey: boolean) => {
      for (const record of records) {
        if (typeof record?.sourceHash !== 'string' || !wanted.has(record.sourceHash)) continue;
        if (!underKey || record.cacheKey === key) found.set(record.sourceHash, record);
      }
    };
    keep(machineAll, machine, true);
    keep(correctionAll, corrections, false);
    if (machineAll.length >= limit || correctionAll.length >= limit) {
      const rest = db.transaction([STORES.machine, STORES.corrections], 'readonly');
      for (const hash of wanted) {
        if (machineAll.length >= limit && !machine.has(hash)) {
          const one = rest.objectStore(STORES.machine).get([key, hash]);
          one.onsuccess = () => one.result && machine.set(hash, one.result as Stored);
        }
        if (correctionAll.length >= limit && !corrections.has(hash)) {
          const one = rest.objectStore(STORES.corrections).get(hash);
          one.onsuccess = () => one.result && corrections.set(hash, one.result as Stored);
        }
      }
      await new Promise<void>((resolve) => {
        rest.oncomplete = () => resolve();
        rest.onerror = () => resolve();
        rest.onabort = () => resolve();
      });
    }
    mark('read');
    const textOf = (record: Stored | undefined) =>
      typeof record?.text === 'string' && record.text ? record.text : null;
    // What the reader sees once the app runs (segment-state.ts's rule): the correction unless it was reverted, else the machine text.
    const shown = (hash: string) => {
      const correction = corrections.get(hash);
      const own =
        correction &&
        typeof correction.text === 'string' &&
        hasOwnText(correction as Pick<CorrectionRecord, 'status' | 'text'>);
      return (own ? textOf(correction) : null) ?? textOf(machine.get(hash));
    };
    // The read usually ends before the last paragraphs have arrived: paint when the page is all there.
    if (doc.readyState === 'loading')
      await new Promise<void>((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true }));
    // The quick-open copy was checked against the key in the page's cookie. Should that cookie be stale (a
    // cache kept the page but dropped its Set-Cookie), the copy's machine text is another model's: take it back.
    const stale = readCookie(doc.cookie, KEY_COOKIE) !== key;
    let painted = 0;
    for (const slot of Array.from(doc.querySelectorAll('[data-quick-open]'))) {
      const text = shown(slot.getAttribute('data-quick-open') ?? '');
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
