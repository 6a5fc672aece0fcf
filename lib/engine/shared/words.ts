/**
 * How sure the model was of each English word: the probability it gave the word, the product of its tokens'
 * probabilities (exp of the summed log-probabilities the decoder returned). A SentencePiece token that starts
 * with ▁ starts a word; the words are then found, in order, in the decoded text, so the offsets are the ones
 * the reader sees.
 */

/** [start, end, p]: a word's offsets in its sentence's English and the probability the model gave it. */
export type WordScore = [start: number, end: number, p: number];

const MARKER = '\u2581';

/** Below this, the model thought the word less likely than not: shown as doubtful when the reader asks. */
export const DOUBT_BELOW = 0.5;

/**
 * `pieces[i]` is token i's SentencePiece string, or null for a special token (</s>, <unk>), which belongs to
 * no word. Words that cannot be found in `text` (it was normalised differently) end the list there.
 */
export function wordScores(pieces: readonly (string | null)[], logprobs: readonly number[], text: string): WordScore[] {
  const words: { text: string; logprob: number }[] = [];
  pieces.forEach((piece, i) => {
    if (piece === null) return;
    const starts = piece.startsWith(MARKER) || words.length === 0;
    const bare = piece.split(MARKER).join('');
    if (starts) words.push({ text: bare, logprob: logprobs[i] ?? 0 });
    else {
      const word = words[words.length - 1]!;
      word.text += bare;
      word.logprob += logprobs[i] ?? 0;
    }
  });
  const out: WordScore[] = [];
  let cursor = 0;
  for (const word of words) {
    if (!word.text) continue;
    const start = text.indexOf(word.text, cursor);
    if (start < 0) break;
    cursor = start + word.text.length;
    out.push([start, cursor, Math.exp(word.logprob)]);
  }
  return out;
}

/** Words worth marking: doubtful, and with a letter or digit (not a lone comma). */
export function doubtfulWords(words: readonly WordScore[] | undefined, text: string): WordScore[] {
  return (words ?? []).filter(([start, end, p]) => p < DOUBT_BELOW && /[\p{L}\p{N}]/u.test(text.slice(start, end)));
}
