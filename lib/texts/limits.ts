/**
 * What a reader's own text may be. Past these, the reader gets a clear message
 * instead of a frozen tab: 5 MB of text is a long book, and 20,000 paragraphs
 * is about as many as the reader lays out in reasonable time on a phone.
 */
export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_PARAGRAPHS = 20_000;

export type TextErrorCode = 'empty' | 'binary' | 'tooLarge' | 'tooManyParagraphs' | 'unsupported' | 'storage';

/** A text the app refuses, with a code the interface turns into a localized message. */
export class TextInputError extends Error {
  constructor(
    readonly code: TextErrorCode,
    readonly detail: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'TextInputError';
  }
}

/**
 * Bytes → text. UTF-8 first (with or without BOM); an older single-byte file
 * (Windows-1252, common for Dutch text saved by old editors) is read as such.
 * NUL bytes or many control characters mean it is not text at all.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length > MAX_BYTES) throw new TextInputError('tooLarge', { max: MAX_BYTES / 1024 / 1024 });
  if (bytes.includes(0)) throw new TextInputError('binary');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(8, text.length / 100)) throw new TextInputError('binary');
  return text.replace(/^\uFEFF/, '');
}

/** Pasted text gets the same size check as a file. */
export function checkSize(text: string): void {
  if (new TextEncoder().encode(text).length > MAX_BYTES) throw new TextInputError('tooLarge', { max: MAX_BYTES / 1024 / 1024 });
}
