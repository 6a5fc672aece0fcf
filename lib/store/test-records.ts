/** Records for the store's tests: the same shapes the app writes, named by what they stand for. */
import { beforeEach } from 'vitest';

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
