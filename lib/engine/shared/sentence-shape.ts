import type { SentenceTranslation } from './protocol';

/** A sentence translation as a message may carry it: enough of its shape to be shown and kept. */
export function isSentence(v: unknown): v is SentenceTranslation {
  const s = v as SentenceTranslation | null;
  return (
    !!s &&
    typeof s.source === 'string' &&
    typeof s.target === 'string' &&
    typeof s.start === 'number' &&
    typeof s.end === 'number' &&
    (s.tokens === undefined || Array.isArray(s.tokens))
  );
}
