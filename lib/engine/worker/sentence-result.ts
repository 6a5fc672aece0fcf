/**
 * One sentence's translation as the reader gets it, from the results of its pieces (an over-long sentence is
 * decoded in chunks): the English joined, each word's offsets and probability, beam search's alternatives, and
 * the glossary terms it was asked to hold.
 */
import type { SentenceTranslation } from '../shared/protocol';
import type { PlacedTerm } from '../shared/terms';
import type { SentenceSpan } from '../shared/sentences';
import { wordScores } from '../shared/words';
import type { SentenceResult } from './batch-decoder';
import type { EngineTokenizer } from './tokenizer';

export interface PieceResult extends SentenceResult {
  /** Input tokens, for speed figures. */
  input: number;
  terms: PlacedTerm[];
  /** Decoded with constraints: its n-best list is not the model's own alternatives. */
  constrained: boolean;
}

export function sentenceOf(
  span: SentenceSpan,
  pieces: readonly PieceResult[],
  tokenizer: EngineTokenizer,
  /** The distinct texts of an n-best list, when the translation's own search is the alternatives' search. */
  alternatives: ((nbest: PieceResult['nbest']) => string[]) | null,
): SentenceTranslation {
  const mine = pieces.map((r) => ({ ...r, text: tokenizer.decode(r.tokens).trim() }));
  // Each chunk's words, at their offsets in the sentence's English (chunks joined by a space).
  let offset = 0;
  const words = mine
    .filter((r) => r.text)
    .flatMap((r) => {
      const scored = wordScores(
        r.tokens.map((t) => tokenizer.piece(t)),
        r.logprobs,
        r.text,
      ).map(([a, b, p]): [number, number, number] => [a + offset, b + offset, p]);
      offset += r.text.length + 1;
      return scored;
    });
  const terms = mine.flatMap((r) => r.terms);
  return {
    source: span.text,
    start: span.start,
    end: span.end,
    target: mine
      .map((r) => r.text)
      .filter(Boolean)
      .join(' '),
    tokens: mine.flatMap((r) => r.tokens),
    logprobs: mine.flatMap((r) => r.logprobs),
    words,
    ...(alternatives && mine.length === 1 && !mine[0]!.constrained
      ? { alternatives: alternatives(mine[0]!.nbest) }
      : {}),
    ...(terms.length ? { terms } : {}),
  };
}
