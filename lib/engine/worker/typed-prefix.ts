/**
 * A reader's typed start of a sentence, as the decoder is to continue it: its whole words forced as decoder
 * tokens, and while the last, unfinished word is not yet spelled out only tokens consistent with what is left of
 * it (so "gov" may become "government" however the model splits it). After a typed space, the next word is a
 * new one.
 */
import type { EngineTokenizer } from './tokenizer';

export function typedPrefix(tokenizer: EngineTokenizer, typed: string) {
  const cut = /\s$/.test(typed) ? typed.length : typed.length - (/\S*$/.exec(typed)?.[0].length ?? 0);
  const prefix = tokenizer.encodePlain(typed.slice(0, cut));
  // After a typed space the next token starts a new word (a piece with the word marker): without this the
  // model may run on with the last word ("In " → "Indeed"), and the answer would not begin with what was typed.
  const partial = cut < typed.length ? `\u2581${typed.slice(cut)}` : typed.trim() ? '\u2581' : '';
  const allowed = (tokens: readonly number[]): ReadonlySet<number> | null => {
    let left = partial;
    for (const t of tokens) {
      if (!left) return null;
      const piece = tokenizer.piece(t) ?? '';
      left = piece.startsWith(left) ? '' : left.slice(piece.length);
    }
    return left ? tokenizer.consistentWith(left) : null;
  };
  return { prefix, partial, allowed };
}
