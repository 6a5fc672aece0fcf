/**
 * What the glossary page, the gloss popover and the correction offer do with the reader's glossary: files
 * out and in, and "always translate as" in one step. They only say what happened; storage is the store's.
 */
import { glossaryKey, type GlossaryEntry } from '@/lib/store/glossary-types';
import type { GlossaryImportOutcome, IndexedDBGlossary } from '@/lib/store/glossary-list';
import { readTextFile } from '@/lib/texts/limits';
import { makeEntry, type EntryInput } from './entry';
import { parseGlossaryFile } from './import-file';
import { toOmegatTsv } from './omegat-tsv';
import { GlossaryProblem } from './problem';
import { toTbx } from './tbx';

export type GlossaryExport = 'tbx' | 'omegat';

const today = () => new Date().toISOString().slice(0, 10);

export function glossaryFile(entries: readonly GlossaryEntry[], kind: GlossaryExport) {
  return kind === 'tbx'
    ? { name: `glossary-${today()}.tbx`, text: toTbx(entries), type: 'application/x-tbx+xml' }
    : { name: `glossary-${today()}.txt`, text: toOmegatTsv(entries), type: 'text/tab-separated-values' };
}

/** Reads and checks the whole file, then adds all of it or nothing (a GlossaryProblem says why not). */
export async function importGlossaryFile(
  glossary: Pick<IndexedDBGlossary, 'importEntries'>,
  file: File,
): Promise<GlossaryImportOutcome & { skipped: number }> {
  const text = await readTextFile(file).catch(() => Promise.reject(new GlossaryProblem('notText', file.name)));
  const { entries, skipped } = parseGlossaryFile(file.name, text);
  return { ...(await glossary.importEntries(entries)), skipped };
}

/**
 * The reader's "always translate as": a new entry, or, for a Dutch term already there, that entry with its
 * English replaced (its variants and note kept). Returns what was saved.
 */
export async function alwaysTranslate(
  glossary: Pick<IndexedDBGlossary, 'list' | 'put'>,
  input: EntryInput,
): Promise<GlossaryEntry> {
  const existing = (await glossary.list()).find((e) => glossaryKey(e.source) === glossaryKey(input.source));
  const entry = existing
    ? makeEntry({ ...existing, target: input.target }, existing)
    : makeEntry({ ...input, source: input.source });
  await glossary.put(entry);
  return entry;
}
