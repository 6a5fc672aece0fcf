import { MAX_INPUT_TOKENS } from './limits';

/**
 * Splits a sentence that is too long for the model into pieces that fit, so
 * nothing is ever truncated. Marian's pre-tokenizer splits on whitespace, so a
 * text's token count is the sum of its words' counts plus one for </s>: counting
 * each word once is exact. Cuts prefer clause punctuation (, ; : –) once a piece
 * is half full; joining the pieces with single spaces gives back the sentence.
 */
export function chunkSentence(
  sentence: string,
  tokensOfWord: (word: string) => number,
  limit = MAX_INPUT_TOKENS,
): string[] {
  const budget = limit - 1; // room for </s>
  const words = sentence
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => splitOversizedWord(w, tokensOfWord, budget));
  const costs = words.map(tokensOfWord);
  if (costs.reduce((a, b) => a + b, 0) <= budget) return [words.join(' ')];

  const chunks: string[] = [];
  let start = 0;
  while (start < words.length) {
    let used = 0;
    let end = start;
    let lastClause = -1;
    while (end < words.length && used + (costs[end] ?? 0) <= budget) {
      used += costs[end] ?? 0;
      if (/[,;:–—)]$/.test(words[end] ?? '') && used >= budget / 2) lastClause = end;
      end++;
    }
    if (end < words.length && lastClause >= start) end = lastClause + 1;
    chunks.push(words.slice(start, end).join(' '));
    start = end;
  }
  return chunks;
}

/** A single "word" longer than the budget (a URL, garbage) is cut into character runs that fit. */
function splitOversizedWord(word: string, tokensOfWord: (w: string) => number, budget: number): string[] {
  if (tokensOfWord(word) <= budget) return [word];
  const chars = Array.from(word);
  const half = Math.ceil(chars.length / 2);
  return [
    ...splitOversizedWord(chars.slice(0, half).join(''), tokensOfWord, budget),
    ...splitOversizedWord(chars.slice(half).join(''), tokensOfWord, budget),
  ];
}
