/**
 * The glossary in OmegaT's own format (a project's glossary/*.txt, UTF-8): a line per Dutch form, tab, its
 * English, tab, a comment; lines starting with # are comments. A variant is a line of its own (OmegaT then
 * shows the term for that form too) whose comment says "variant of: <term>", so our import puts it back in its
 * entry; a case-sensitive entry's comment begins "[case-sensitive]". Any other tab-separated glossary imports
 * as an entry per line.
 */
import type { GlossaryEntry } from '@/lib/store/glossary-types';
import { glossaryKey } from '@/lib/store/glossary-types';
import { entryProblem, makeEntry, type EntryInput } from './entry';
import { GlossaryProblem, type ParsedGlossary } from './problem';

const VARIANT = 'variant of: ';
const CASED = '[case-sensitive]';
const cell = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();

export function toOmegatTsv(entries: readonly GlossaryEntry[]): string {
  const lines = ['# Tweetalig glossary: Dutch<TAB>English<TAB>comment (OmegaT glossary format)'];
  for (const e of entries) {
    const comment = [e.caseSensitive ? CASED : '', cell(e.note)].filter(Boolean).join(' ');
    lines.push([cell(e.source), cell(e.target), comment].join('\t'));
    for (const v of e.variants) lines.push([cell(v), cell(e.target), `${VARIANT}${cell(e.source)}`].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

export function parseOmegatTsv(text: string): ParsedGlossary<GlossaryEntry> {
  if (text.includes('\u0000')) throw new GlossaryProblem('notText');
  const inputs: EntryInput[] = [];
  const byTerm = new Map<string, EntryInput>();
  let skipped = 0;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  lines.forEach((line, n) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [source = '', target = '', comment = ''] = line.split('\t');
    if (!line.includes('\t')) throw new GlossaryProblem('badLine', String(n + 1));
    const owner = comment.startsWith(VARIANT) ? byTerm.get(glossaryKey(comment.slice(VARIANT.length))) : undefined;
    if (owner && owner.target === target.trim()) {
      owner.variants = [...(owner.variants ?? []), source];
      return;
    }
    const cased = comment.startsWith(CASED);
    const input = {
      source,
      target: target.trim(),
      caseSensitive: cased,
      note: (cased ? comment.slice(CASED.length) : comment).trim(),
      variants: [],
    };
    if (entryProblem(input)) return void skipped++;
    inputs.push(input);
    byTerm.set(glossaryKey(source), input);
  });
  if (inputs.length === 0) throw new GlossaryProblem('noEntries', skipped ? String(skipped) : '');
  return { entries: inputs.map((i) => makeEntry(i)), skipped };
}
