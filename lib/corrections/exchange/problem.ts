import { CodedError } from '@/lib/coded-error';

/** Why an import file was refused, as a code the interface words in its own language (Data.importProblem). */
export type ImportProblemCode = 'notText' | 'notXml' | 'notTmx' | 'notJson' | 'readingExport' | 'invalid';

const ENGLISH: Record<ImportProblemCode, string> = {
  notText: 'not a text file',
  notXml: 'not well-formed XML',
  notTmx: 'not a TMX file',
  notJson: 'not JSON',
  readingExport: 'a bilingual export for reading; JSON and TMX import',
  invalid: 'invalid',
};

export class ImportProblem extends CodedError<ImportProblemCode> {
  override readonly name = 'ImportProblem';
  constructor(
    code: ImportProblemCode,
    /** The parser's own words, or where in the file: shown after the localized reason. */
    readonly detail: string,
  ) {
    super(code, code === 'invalid' ? detail : `${ENGLISH[code]}: ${detail}`);
  }
}

/** Units a file held that cannot become corrections; counted in the message, never failing the file. */
export interface Skipped {
  noDutch: number;
  noEnglish: number;
}

export interface ParsedImport<T> {
  records: T[];
  skipped: Skipped;
}
