/** Glue for the "your text" form: bytes or pasted text → a stored UserText. Browser only. */
import { openTextLibrary } from '@/lib/store/open-store';
import { checkTitle, decodeText, fitTitle, MAX_BYTES, TextInputError } from './limits';
import { formatOfFile, parseUserText, titleFromBlocks } from './parse';
import type { WebArticle } from '@/lib/web-import/extract';
import type { TextFormat, UserText } from '../store/text-types';

/** 24 hex digits from the browser's CSPRNG (randomUUID needs a secure context; a LAN install may not be one). */
export function newTextId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

export interface TextInput {
  /** Pasted text, or null when a file was chosen. */
  pasted: string | null;
  file: File | null;
  title: string;
}

/** Validates, parses and stores the text; returns its id. Throws TextInputError for anything refused. */
export async function createUserText(input: TextInput, untitled: string): Promise<string> {
  const typedTitle = checkTitle(input.title);
  let raw: string;
  let format: TextFormat;
  if (input.file) {
    const fileFormat = formatOfFile(input.file.name);
    if (!fileFormat) throw new TextInputError('unsupported', { name: input.file.name });
    // Checked before reading, so a huge file is never loaded into memory.
    if (input.file.size > MAX_BYTES) throw new TextInputError('tooLarge', { max: MAX_BYTES / 1024 / 1024 });
    raw = decodeText(new Uint8Array(await input.file.arrayBuffer()));
    format = fileFormat;
  } else {
    raw = input.pasted ?? '';
    format = 'paste';
  }
  // A typed title is the title: the text's own first line or heading stays text.
  const parsed = parseUserText(raw, format, parseHtml, { titleFromText: !typedTitle });
  const title =
    typedTitle ||
    parsed.title ||
    (input.file ? fitTitle(input.file.name.replace(/\.[^.]+$/, '')) : titleFromBlocks(parsed.blocks, untitled));
  return store({ title, format, fileName: input.file?.name ?? null }, parsed);
}

/** Stores an article read from the web (lib/web-import) as one of the reader's texts; returns its id. */
export async function createTextFromWeb(article: WebArticle): Promise<string> {
  // Readability drops the article's own headline from its content: the title is given separately.
  const parsed = parseUserText(article.html, 'html', parseHtml, { titleFromText: false });
  const title = fitTitle(article.title) || titleFromBlocks(parsed.blocks, new URL(article.url).hostname);
  const source = { url: article.url, byline: article.byline, siteName: article.siteName, published: article.published };
  return store({ title, format: 'web', fileName: null, source }, parsed);
}

/** Keeps a parsed text in the library under a new id; a failed write is the form's "storage" refusal. */
async function store(
  meta: Pick<UserText, 'title' | 'format' | 'fileName' | 'source'>,
  parsed: ReturnType<typeof parseUserText>,
): Promise<string> {
  const now = Date.now();
  const { blocks, paragraphCount, segmentCount } = parsed;
  const text: UserText = {
    id: newTextId(),
    ...meta,
    blocks,
    paragraphCount,
    segmentCount,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await (await openTextLibrary()).put(text);
  } catch {
    throw new TextInputError('storage');
  }
  return text.id;
}
