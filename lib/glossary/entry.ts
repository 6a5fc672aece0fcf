/**
 * Making a glossary entry from what a reader typed or a file held: trimmed, inner spaces single, variants
 * distinct and none the term itself, nothing empty. One rule for the form, the popover and every import.
 */
import { glossaryKey, type GlossaryEntry } from '@/lib/store/glossary-types';

export const MAX_TERM_LENGTH = 200;

export interface EntryInput {
  source: string;
  target: string;
  variants?: readonly string[];
  caseSensitive?: boolean;
  note?: string;
}

export type EntryProblem = 'noSource' | 'noTarget' | 'tooLong';

const tidy = (s: string) =>
  s
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');

/** Why this input cannot be an entry, or null. */
export function entryProblem(input: EntryInput): EntryProblem | null {
  if (!tidy(input.source)) return 'noSource';
  if (!tidy(input.target)) return 'noTarget';
  const all = [input.source, input.target, ...(input.variants ?? [])];
  return all.some((t) => tidy(t).length > MAX_TERM_LENGTH) ? 'tooLong' : null;
}

/** The variants a reader typed in one field, one per line or comma-separated. */
export const variantsOf = (text: string) =>
  text
    .split(/[\n,;]/)
    .map(tidy)
    .filter(Boolean);

/** An entry from valid input (check entryProblem first); `previous`: the entry it replaces, whose id and age it keeps. */
export function makeEntry(input: EntryInput, previous?: GlossaryEntry, now = Date.now()): GlossaryEntry {
  const source = tidy(input.source);
  const keyOf = (v: string) => (input.caseSensitive ? v : glossaryKey(v));
  const seen = new Set([keyOf(source)]);
  const variants = (input.variants ?? []).map(tidy).filter((v) => {
    const key = keyOf(v);
    if (!v || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    id: previous?.id ?? randomId(),
    source,
    target: tidy(input.target),
    variants,
    caseSensitive: input.caseSensitive ?? false,
    note: (input.note ?? '').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').trim(),
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
}

function randomId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `g-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
