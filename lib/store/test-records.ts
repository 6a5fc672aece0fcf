/** Records for the store's tests: the same shapes the app writes, named by what they stand for. */
import type { IDBPDatabase } from 'idb';
import { beforeEach } from 'vitest';
import type { GlossaryEntry } from './glossary-types';
import { STORES } from './schema';

/** A fresh database name per test (call at the top of a test file): no test sees another's leftovers. */
export function freshDatabaseNames(prefix = 'test-db'): () => string {
  let n = 0;
  let name = '';
  beforeEach(() => {
    name = `${prefix}-${++n}`;
  });
  return () => name;
}

export const machine = (cacheKey: string, sourceHash: string, text = `EN ${sourceHash}`) => ({
  cacheKey,
  sourceHash,
  source: `NL ${sourceHash}`,
  text,
  sentences: [{ source: `NL ${sourceHash}`, start: 0, end: 4, target: text }],
});
export const correction = (sourceHash: string, text: string) => ({
  sourceHash,
  source: `NL ${sourceHash}`,
  text,
  status: 'edited' as const,
  machineText: `EN ${sourceHash}`,
  origin: { article: 'a', segment: `s-${sourceHash}` },
});
export const userText = (id: string, title: string, updatedAt: number) => ({
  id,
  title,
  format: 'paste' as const,
  fileName: null,
  blocks: [{ id: 's-1', kind: 'paragraph' as const, text: 'Een zin.' }],
  paragraphCount: 1,
  segmentCount: 1,
  createdAt: updatedAt,
  updatedAt,
});
export const glossaryEntry = (
  id: string,
  source: string,
  target: string,
  more: Partial<GlossaryEntry> = {},
): GlossaryEntry => ({
  id,
  source,
  target,
  variants: [],
  caseSensitive: false,
  note: '',
  createdAt: 1,
  updatedAt: 1,
  ...more,
});

/** A database as an earlier version left it: the stores of versions 2 to 6 (version 6's drafts keyed by editor). */
export function oldStores(db: IDBPDatabase<unknown>, version: 5 | 6) {
  db.createObjectStore(STORES.machine, { keyPath: ['cacheKey', 'sourceHash'] }).createIndex('lastUsed', 'lastUsed');
  db.createObjectStore(STORES.corrections, { keyPath: 'sourceHash' }).createIndex('updatedAt', 'updatedAt');
  db.createObjectStore(STORES.texts, { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
  db.createObjectStore(STORES.drafts, {
    keyPath: version === 6 ? ['article', 'segment', 'editor'] : ['article', 'segment'],
  });
  db.createObjectStore(STORES.feeds, { keyPath: 'url' });
}
