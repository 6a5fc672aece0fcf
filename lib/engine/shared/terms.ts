/**
 * A reader's glossary as the engine sees it: Dutch forms that, found in a sentence, oblige its English to
 * contain a given term. Shared by the page (which paragraphs a glossary touches, for the cache) and the worker
 * (which sentences are decoded with constraints), so both read a sentence the same way.
 */

export interface GlossaryTerm {
  /** The Dutch term, and other forms of it the reader listed (inflections, spellings). */
  source: string;
  variants: readonly string[];
  /** The English the translation must contain. */
  target: string;
  /** Match the Dutch forms only with this capitalisation (by default any). */
  caseSensitive: boolean;
}

export interface TermMatch {
  term: GlossaryTerm;
  /** Where the Dutch form was found in the text. */
  start: number;
  end: number;
}

/** An entry's English the model is told to use for an entry that was found, as the sentence's English shows it. */
export interface PlacedTerm {
  /** The Dutch form found, and the English required. */
  source: string;
  target: string;
  /** Whether the English contains it (false: no translation within the length cap could; the model's own kept). */
  placed: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form as a pattern: its words in order, any run of spaces between, not inside a longer word. */
function patternOf(form: string, caseSensitive: boolean): RegExp | null {
  const words = form.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${words.map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`,
    caseSensitive ? 'gu' : 'giu',
  );
}

/**
 * Every term whose Dutch (or a variant) occurs in `text`, once each, in the order of their first occurrence
 * (a longer form wins where two overlap, so "de Tweede Kamer" is not also "Kamer").
 */
export function termsIn(text: string, terms: readonly GlossaryTerm[]): TermMatch[] {
  const found: TermMatch[] = [];
  for (const term of terms) {
    for (const form of [term.source, ...term.variants]) {
      const pattern = patternOf(form, term.caseSensitive);
      if (!pattern) continue;
      for (const m of text.matchAll(pattern)) found.push({ term, start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermMatch[] = [];
  const seen = new Set<GlossaryTerm>();
  let reach = -1;
  for (const m of found) {
    if (m.start < reach) continue; // inside a longer match
    reach = m.end;
    if (seen.has(m.term)) continue;
    seen.add(m.term);
    kept.push(m);
  }
  return kept;
}

/**
 * What a translation depends on of the glossary: the distinct English terms required, in order of their Dutch.
 * Stored translations are keyed by it, so an entry that starts or stops applying to a paragraph (or changes its
 * English) has that paragraph translated anew, or found stored, and every other paragraph keeps its own.
 */
export function termSignature(targets: readonly string[]): string {
  return [...new Set(targets.map((t) => t.trim()).filter(Boolean))].join('\u241F');
}

/** The well-formed terms of what a message carried (anything else is left out, never failing the paragraph). */
export function readTerms(value: unknown): GlossaryTerm[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((t: Partial<GlossaryTerm> | null) =>
    t && typeof t.source === 'string' && typeof t.target === 'string'
      ? [
          {
            source: t.source,
            target: t.target,
            variants: Array.isArray(t.variants) ? t.variants.filter((v): v is string => typeof v === 'string') : [],
            caseSensitive: t.caseSensitive === true,
          },
        ]
      : [],
  );
}
