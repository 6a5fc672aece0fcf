/**
 * A reader's glossary entry: a Dutch term the model must translate with the reader's English. Kept in the
 * reader's browser beside the corrections, and like them never overwritten by an import.
 */
export interface GlossaryEntry {
  /** Random, made when the entry is. */
  id: string;
  /** The Dutch term (one or more words), and other forms of it the reader listed (inflections, spellings). */
  source: string;
  variants: string[];
  /** The English the translation must use. */
  target: string;
  /** Match the Dutch only with this capitalisation (by default any). */
  caseSensitive: boolean;
  /** The reader's own note (a definition, a source); travels in TBX and OmegaT's comment column. */
  note: string;
  createdAt: number;
  updatedAt: number;
}

export function isGlossaryEntry(v: unknown): v is GlossaryEntry {
  const r = v as GlossaryEntry;
  return (
    !!r &&
    typeof r.id === 'string' &&
    typeof r.source === 'string' &&
    typeof r.target === 'string' &&
    Array.isArray(r.variants) &&
    r.variants.every((x) => typeof x === 'string') &&
    typeof r.caseSensitive === 'boolean' &&
    typeof r.updatedAt === 'number'
  );
}

/** The Dutch side as entries are compared by (an import never adds a second entry for the same term). */
export const glossaryKey = (source: string) => source.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
