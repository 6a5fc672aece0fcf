import type { CorrectionRecord } from '@/lib/store/correction-schema';
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { parseJson } from './json';
import { ImportProblem, type ParsedImport } from './problem';
import { parseTmx } from './tmx';

/** The app's own Markdown and HTML exports are for reading: recognised by name or by how they begin. */
const READING_EXPORT = /\.(md|markdown|html?)$/i;
const looksLikeHtml = (text: string) => /^\s*(<!doctype html|<html[\s>])/i.test(text);
const looksLikeMarkdown = (text: string) => /^\s*#\s/.test(text);

/**
 * Reads an import file (JSON or TMX, by name or content) into corrections, refusing anything else with a reason
 * the interface can word: a bilingual Markdown or HTML export is named as such, with what does import.
 */
export function parseImportFile(
  name: string,
  text: string,
): ParsedImport<CorrectionRecord> & { glossary?: GlossaryEntry[] } {
  if (READING_EXPORT.test(name) || looksLikeHtml(text) || looksLikeMarkdown(text)) {
    throw new ImportProblem(
      'readingExport',
      READING_EXPORT.exec(name)?.[1]?.toLowerCase().startsWith('htm') || looksLikeHtml(text) ? 'HTML' : 'Markdown',
    );
  }
  if (/\.tmx$/i.test(name) || text.trimStart().startsWith('<')) return parseTmx(text);
  const file = parseJson(text);
  return { records: file.corrections, skipped: { noDutch: 0, noEnglish: 0 }, glossary: file.glossary };
}
