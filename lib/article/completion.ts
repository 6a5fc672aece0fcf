/**
 * Completing the sentence a reader is typing in the correction editor: which sentence the caret is in, what
 * they typed of it, and how much of the model's sentence is left to offer. Pure, on the editor's text.
 */
import { splitSentences } from '@/lib/engine/shared/sentences';

export interface TypedSentence {
  /** Which sentence of the paragraph: the Dutch sentence with this index is its source. */
  index: number;
  /** The sentence's start in the editor's text, and what is typed of it up to the caret. */
  start: number;
  typed: string;
}

/**
 * The sentence the reader is typing: the caret is at the end of what they typed of it (nothing of that
 * sentence follows; the next sentence or line may). Null when the caret is elsewhere, or nothing is typed.
 */
export function typedSentence(text: string, caret: number): TypedSentence | null {
  const before = text.slice(0, caret);
  const after = text.slice(caret);
  // The rest of this sentence must be absent: only spaces, a new line, or a new sentence may follow.
  if (after.trim() && !/^(\s*\n|\s+["“‘'(]?\p{Lu})/u.test(after)) return null;
  const lineStart = before.lastIndexOf('\n') + 1;
  const spans = splitSentences(before.slice(lineStart), 'en');
  const last = spans.at(-1);
  if (!last) return null;
  const start = lineStart + last.start;
  const typed = before.slice(start);
  // Nothing typed yet, or a sentence already ended: nothing to complete.
  if (!typed.trim() || /[.!?…]["”’')]*\s*$/u.test(typed)) return null;
  // Sentences on earlier lines count too: the paragraph's sentences are numbered across its lines.
  const earlier = lineStart > 0 ? splitSentences(before.slice(0, lineStart).replace(/\n/g, ' '), 'en').length : 0;
  return { index: earlier + spans.length - 1, start, typed };
}

/** What the model's sentence adds to what was typed, or null when it does not begin with it. */
export function ghostText(typed: string, sentence: string): string | null {
  if (!sentence.startsWith(typed)) return null;
  const rest = sentence.slice(typed.length);
  return rest.trim() ? rest : null;
}

/** The next word of a ghost text, with the space before it and the punctuation after it. */
export function nextWord(ghost: string): string {
  return /^\s*\S+/.exec(ghost)?.[0] ?? ghost;
}
