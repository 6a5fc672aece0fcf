import { CodedError } from '@/lib/coded-error';

/** Why a glossary file was refused, as a code the interface words in its own language (Glossary.importProblem). */
export type GlossaryProblemCode = 'notText' | 'notXml' | 'notTbx' | 'noEntries' | 'badLine' | 'notJson';

export class GlossaryProblem extends CodedError<GlossaryProblemCode> {
  override readonly name = 'GlossaryProblem';
  constructor(
    code: GlossaryProblemCode,
    /** The parser's own words, or where in the file: shown after the localized reason. */
    readonly detail = '',
  ) {
    super(code, detail ? `${code}: ${detail}` : code);
  }
}

/** What a file held that could not become an entry (no Dutch or no English term): counted, never failing it. */
export interface ParsedGlossary<T> {
  entries: T[];
  skipped: number;
}
