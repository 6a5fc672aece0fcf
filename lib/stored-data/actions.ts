/**
 * What the Stored data page does with the reader's data: its figures, the exports, the import, the clears.
 * The page only says what happened; everything that touches storage is here.
 */
import { storedDoubtful } from '@/lib/article/confidence';
import { parseImportFile } from '@/lib/corrections/exchange/import-file';
import { toJson } from '@/lib/corrections/exchange/json';
import { ImportProblem } from '@/lib/corrections/exchange/problem';
import { toTmx } from '@/lib/corrections/exchange/tmx';
import { download } from '@/lib/export/download';
import { copyBytes, removeCopies } from '@/lib/quick-open/copy';
import type { ImportOutcome, TranslationStore } from '@/lib/store/types';
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { entryProblem } from '@/lib/glossary/entry';
import { readTextFile } from '@/lib/texts/limits';

/** transformers.js's Cache Storage name (its env.cacheKey). */
export const MODEL_CACHE = 'transformers-cache';

export interface Figures {
  machine: number;
  corrections: number;
  /** IndexedDB's records and the quick-open copies in localStorage. */
  bytes: number;
  modelFiles: number;
  modelBytes: number;
  /** Stored machine sentences with a word the model was unsure of. */
  doubtful: number;
  /** Entries in the reader's glossary (null: no glossary to be had). */
  glossary: number | null;
}

/** What the page needs of the reader's glossary: the JSON export carries it, the JSON import brings it back. */
export interface GlossaryAccess {
  list(): Promise<GlossaryEntry[]>;
  importEntries(entries: GlossaryEntry[]): Promise<{ added: number; keptExisting: number }>;
}

async function modelCache(): Promise<{ files: number; bytes: number }> {
  if (typeof caches === 'undefined') return { files: 0, bytes: 0 };
  const cache = await caches.open(MODEL_CACHE);
  const keys = await cache.keys();
  let bytes = 0;
  for (const key of keys) bytes += Number((await cache.match(key))?.headers.get('content-length') ?? 0);
  return { files: keys.length, bytes };
}

export async function readFigures(store: TranslationStore, glossary?: GlossaryAccess | null): Promise<Figures> {
  const [counts, model, machine, corrections, entries] = await Promise.all([
    store.counts(),
    modelCache(),
    store.listMachine(),
    store.listCorrections(),
    glossary ? glossary.list().catch(() => null) : null,
  ]);
  return {
    ...counts,
    bytes: counts.bytes + copyBytes(),
    modelFiles: model.files,
    modelBytes: model.bytes,
    doubtful: storedDoubtful(machine, corrections),
    glossary: entries ? entries.length : null,
  };
}

export type ExportKind = 'json' | 'jsonAll' | 'tmx';

const today = () => new Date().toISOString().slice(0, 10);

/** The file an export makes: name, text and type. */
export async function exportFile(store: TranslationStore, kind: ExportKind, glossary?: GlossaryAccess | null) {
  const corrections = await store.listCorrections();
  const entries = kind === 'tmx' || !glossary ? [] : await glossary.list();
  if (kind === 'tmx')
    return { name: `corrections-${today()}.tmx`, text: toTmx(corrections), type: 'application/x-tmx+xml' };
  if (kind === 'json')
    return {
      name: `corrections-${today()}.json`,
      text: toJson(corrections, undefined, entries),
      type: 'application/json',
    };
  const name = `corrections-and-translations-${today()}.json`;
  return { name, text: toJson(corrections, await store.listMachine(), entries), type: 'application/json' };
}

export async function downloadExport(
  store: TranslationStore,
  kind: ExportKind,
  glossary?: GlossaryAccess | null,
): Promise<void> {
  const file = await exportFile(store, kind, glossary);
  download(file.name, file.text, file.type);
}

/**
 * Reads, parses and validates the whole file first, then applies all of it, or none (an ImportProblem says
 * why a file was refused).
 */
export async function importFile(
  store: TranslationStore,
  file: File,
  glossary?: GlossaryAccess | null,
): Promise<ImportOutcome & { skipped: ReturnType<typeof parseImportFile>['skipped']; terms: number }> {
  const text = await readTextFile(file).catch(() =>
    Promise.reject(new ImportProblem('notText', file.type || file.name)),
  );
  const { records, skipped, glossary: entries } = parseImportFile(file.name, text);
  const outcome = await store.importCorrections(records);
  // The glossary the JSON export carries comes back too (a term already there keeps the reader's entry).
  const kept = (entries ?? []).filter((e) => !entryProblem(e));
  const terms = glossary && kept.length ? (await glossary.importEntries(kept)).added : 0;
  return { ...outcome, skipped, terms };
}

/** Every machine translation, and the quick-open copies, which hold machine text too. */
export async function clearMachineTranslations(store: TranslationStore): Promise<void> {
  await store.clearMachine();
  removeCopies();
}

export async function clearModelFiles(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(MODEL_CACHE);
}
