import { parse as parseYaml, YAMLParseError } from 'yaml';

export interface FrontMatter {
  title: string;
  source: string;
  published: string;
  url: string | null;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const KNOWN = new Set(['title', 'source', 'published', 'url']);

/** Splits `---` YAML front matter from a Markdown body. Throws a plain reason string on any problem. */
export function splitFrontMatter(raw: string): { data: FrontMatter; body: string } {
  const text = raw.replace(/^\uFEFF/, '');
  if (!text.startsWith('---')) throw new Error('missing front matter (a `---` block with title, source and published)');
  const match = FENCE.exec(text);
  if (!match) throw new Error('front matter is not closed by a `---` line');

  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (err) {
    const detail = err instanceof YAMLParseError ? err.message.split('\n')[0] : String(err);
    throw new Error(`front matter is not valid YAML: ${detail}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('front matter must be a list of `key: value` lines');
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN.has(key)) throw new Error(`unknown front-matter field "${key}" (allowed: ${[...KNOWN].join(', ')})`);
  }

  const title = requireString(record, 'title');
  const source = requireString(record, 'source');
  const published = requireDate(record.published);
  const url = optionalUrl(record.url);
  return { data: { title, source, published, url }, body: text.slice(match[0].length) };
}

function requireString(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`front matter needs a non-empty "${key}"`);
  return value.trim();
}

function requireDate(value: unknown): string {
  // YAML may hand us a Date (with a timestamp schema) or the string as written.
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    throw new Error('front matter needs "published" as a date like 2022-02-02');
  }
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new Error(`"published" is not a real date: ${text}`);
  }
  return text;
}

function optionalUrl(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new Error('"url" must be a web address');
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('bad protocol');
    return url.toString();
  } catch {
    throw new Error(`"url" is not an http(s) address: ${value}`);
  }
}
