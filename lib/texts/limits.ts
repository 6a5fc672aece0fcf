/**
 * What a reader's own text may be. Past these, the reader gets a clear message
 * instead of a frozen tab: 5 MB of text is a long book, and 20,000 paragraphs
 * is about as many as the reader lays out in reasonable time on a phone.
 */
export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_PARAGRAPHS = 20_000;
/** A title is a line in a list and a heading, not a text: longer ones are refused (typed) or shortened (found in a file). */
export const MAX_TITLE = 200;

export type TextErrorCode = 'empty' | 'binary' | 'tooLarge' | 'tooManyParagraphs' | 'unsupported' | 'storage' | 'titleTooLong';

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

/** A title the reader typed: refused with a message when too long (never cut silently). */
export function checkTitle(title: string): string {
  const trimmed = title.replace(/\s+/g, ' ').trim();
  const count = Array.from(trimmed).length;
  if (count > MAX_TITLE) throw new TextInputError('titleTooLong', { max: MAX_TITLE, count });
  return trimmed;
}

/** A title found in the text itself (a <title>, front matter, a first line): shortened to fit, with an ellipsis. */
export function fitTitle(title: string): string {
  const chars = Array.from(title.replace(/\s+/g, ' ').trim());
  return chars.length > MAX_TITLE ? `${chars.slice(0, MAX_TITLE - 1).join('').trimEnd()}…` : chars.join('');
}
