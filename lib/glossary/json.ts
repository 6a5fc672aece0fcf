import { parseJson } from '@/lib/corrections/exchange/json';
import { ImportProblem } from '@/lib/corrections/exchange/problem';
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { entryProblem, makeEntry } from './entry';
import { GlossaryProblem, type ParsedGlossary } from './problem';

/** The glossary of the app's JSON export (the one file that carries corrections, translations and the glossary). */
export function parseGlossaryJson(text: string): ParsedGlossary<GlossaryEntry> {
  let file;
  try {
    file = parseJson(text);
  } catch (err) {
    throw new GlossaryProblem('notJson', err instanceof ImportProblem ? err.detail : String(err));
  }
  const entries = (file.glossary ?? []).filter((e) => !entryProblem(e));
  if (entries.length === 0) throw new GlossaryProblem('noEntries');
  // Kept as exported (ids and dates), tidied as any entry is.
  return {
    entries: entries.map((e) => makeEntry(e, e, e.updatedAt)),
    skipped: (file.glossary?.length ?? 0) - entries.length,
  };
}
