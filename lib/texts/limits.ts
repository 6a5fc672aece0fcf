/**
 * What a reader's own text may be. Past these, the reader gets a clear message
 * instead of a frozen tab: 5 MB of text is a long book, and 20,000 paragraphs
 * is about as many as the reader lays out in reasonable time on a phone.
 */
import { CodedErrorWithValues } from '@/lib/coded-error';
export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_PARAGRAPHS = 20_000;
/** A title is a line in a list and a heading, not a text: longer ones are refused (typed) or shortened (found in a file). */
export const MAX_TITLE = 200;

export type TextErrorCode =
  'empty' | 'binary' | 'tooLarge' | 'tooManyParagraphs' | 'unsupported' | 'storage' | 'titleTooLong';

/** A text the app refuses, with a code the interface turns into a localized message. */
export class TextInputError extends CodedErrorWithValues<TextErrorCode> {
  override readonly name = 'TextInputError';
}

/** The encoding a file's first bytes announce (a byte order mark), or that its zero bytes betray (UTF-16 without one). */
function sniffEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  // Latin text in UTF-16 has a zero in every other byte; binary files have zeros anywhere.
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length >= 4) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < sample.length; i += 2) {
      if (sample[i] === 0) evenZeros++;
      if (sample[i + 1] === 0) oddZeros++;
    }
    const half = sample.length / 2;
    if (oddZeros > 0.4 * half && evenZeros === 0) return { encoding: 'utf-16le', skip: 0 };
    if (evenZeros > 0.4 * half && oddZeros === 0) return { encoding: 'utf-16be', skip: 0 };
  }
  return null;
}

/**
 * Bytes → text, in the encodings text files come in: UTF-8 (with or without BOM), UTF-16 LE/BE (Notepad's
 * "Unicode"), and Windows-1252 (older Dutch files). NUL bytes or many control characters in what is left
 * mean it is not text at all. `maxBytes` false: no size limit (an import file, not a text to read).
 */
export function decodeText(bytes: Uint8Array, { maxBytes = MAX_BYTES as number | false } = {}): string {
  if (maxBytes !== false && bytes.length > maxBytes)
    throw new TextInputError('tooLarge', { max: maxBytes / 1024 / 1024 });
  const sniffed = sniffEncoding(bytes);
  let text: string;
  if (sniffed) {
    text = new TextDecoder(sniffed.encoding).decode(bytes.subarray(sniffed.skip));
  } else {
    if (bytes.includes(0)) throw new TextInputError('binary');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  if (text.includes('\u0000')) throw new TextInputError('binary');
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(8, text.length / 100)) throw new TextInputError('binary');
  return text.replace(/^\uFEFF/, '');
}

/** A chosen file's text, in whatever common encoding it came (see decodeText); no size limit. */
export async function readTextFile(file: Blob): Promise<string> {
  return decodeText(new Uint8Array(await file.arrayBuffer()), { maxBytes: false });
}

/** Pasted text gets the same size check as a file. */
export function checkSize(text: string): void {
  if (new TextEncoder().encode(text).length > MAX_BYTES)
    throw new TextInputError('tooLarge', { max: MAX_BYTES / 1024 / 1024 });
}

/**
 * Control characters pasted or saved in a file (BEL, ESC, NUL…) show as boxes and mean nothing to the model:
 * removed on input. Line breaks and tabs stay; a vertical tab, form feed or Unicode line/paragraph separator
 * is a line break.
 */
export function withoutControls(text: string): string {
  return text.replace(/[\u000B\u000C\u2028\u2029]/g, '\n').replace(/[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g, '');
}

/** A title the reader typed: refused with a message when too long (never cut silently). */
export function checkTitle(title: string): string {
  const trimmed = withoutControls(title).replace(/\s+/g, ' ').trim();
  const count = Array.from(trimmed).length;
  if (count > MAX_TITLE) throw new TextInputError('titleTooLong', { max: MAX_TITLE, count });
  return trimmed;
}

/** A title found in the text itself (a <title>, front matter, a first line): shortened to fit, with an ellipsis. */
export function fitTitle(title: string): string {
  const chars = Array.from(withoutControls(title).replace(/\s+/g, ' ').trim());
  return chars.length > MAX_TITLE
    ? `${chars
        .slice(0, MAX_TITLE - 1)
        .join('')
        .trimEnd()}…`
    : chars.join('');
}
