/**
 * Where a hypothesis stands with its phrases that must appear (a reader's glossary terms, as decoder tokens),
 * as Hugging Face's `PhrasalConstraint` and `ConstraintListState` (generation/beam_constraints.py) track it:
 * the tokens are read from the start, one phrase at a time is in progress, a token that breaks the phrase in
 * progress sends it back to the pending ones (at their end, and that token is not tried against the others),
 * and a phrase once completed stays so. What constrained beam search needs of it: whether all are met, the
 * hypothesis' bank (how many phrase tokens it has placed) and the tokens that would advance it.
 */

interface Phrase {
  tokens: readonly number[];
  /** Index of the last token matched; -1 for none. */
  matched: number;
}

export interface ConstraintState {
  completed: boolean;
  /** Complete phrases × the longest phrase's length, plus (for one in progress) that length less what it still needs. */
  bank: number;
  /** The tokens that would advance it: the next of the phrase in progress, or every pending phrase's first. */
  advance: number[];
}

/** The phrases, each once (two entries with the same English are one constraint), in the order given. */
export function distinctPhrases(phrases: readonly (readonly number[])[]): number[][] {
  const seen = new Set<string>();
  return phrases
    .filter((p) => p.length > 0)
    .filter((p) => {
      const key = p.join(',');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((p) => [...p]);
}

/** The state after `tokens` (a hypothesis' generated tokens), read as ConstraintListState.reset reads them. */
export function constraintState(phrases: readonly (readonly number[])[], tokens: readonly number[]): ConstraintState {
  const longest = Math.max(...phrases.map((p) => p.length));
  let pending: Phrase[] = phrases.map((tokens) => ({ tokens, matched: -1 }));
  let inProgress: Phrase | null = null;
  let complete = 0;
  let completed = pending.length === 0;
  const advances = (p: Phrase, t: number) => p.matched + 1 < p.tokens.length && p.tokens[p.matched + 1] === t;

  for (const token of tokens) {
    if (completed) break;
    if (inProgress) {
      if (advances(inProgress, token)) {
        inProgress.matched++;
        if (inProgress.matched === inProgress.tokens.length - 1) {
          complete++;
          inProgress = null;
          if (pending.length === 0) completed = true;
        }
      } else {
        // Broken: back to the pending phrases, from its start; this token is not tried against them.
        pending = [...pending, { tokens: inProgress.tokens, matched: -1 }];
        inProgress = null;
      }
      continue;
    }
    const at = pending.findIndex((p) => advances(p, token));
    if (at < 0) continue;
    const phrase = { tokens: pending[at]!.tokens, matched: 0 };
    pending = [...pending.slice(0, at), ...pending.slice(at + 1)];
    if (phrase.tokens.length === 1) complete++;
    else inProgress = phrase;
    if (pending.length === 0 && !inProgress) completed = true;
  }

  // As get_bank() counts it: the longest phrase's length less what the phrase in progress still needs.
  const placed = inProgress ? longest - (inProgress.tokens.length - (inProgress.matched + 1)) : 0;
  const advance = completed
    ? []
    : inProgress
      ? [inProgress.tokens[inProgress.matched + 1]!]
      : pending.map((p) => p.tokens[0]!);
  return { completed, bank: complete * longest + placed, advance };
}
