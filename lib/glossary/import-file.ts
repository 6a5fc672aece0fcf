import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { parseTbx } from './tbx';
import { parseOmegatTsv } from './omegat-tsv';
import { GlossaryProblem, type ParsedGlossary } from './problem';
import { parseGlossaryJson } from './json';

/** Reads a glossary file by its name or content: TBX (XML), the app's JSON export, or tab-separated (OmegaT). */
export function parseGlossaryFile(name: string, text: string): ParsedGlossary<GlossaryEntry> {
  if (/\.(tbx|xml)$/i.test(name) || text.trimStart().startsWith('<')) return parseTbx(text);
  if (/\.json$/i.test(name) || text.trimStart().startsWith('{')) return parseGlossaryJson(text);
  if (/\.(txt|tsv|tab|utf8)$/i.test(name) || text.includes('\t')) return parseOmegatTsv(text);
  throw new GlossaryProblem('notText', name);
}
