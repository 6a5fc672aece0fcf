/** Marian's positional table holds 512 positions: no input (with its </s>) may be longer. */
export const MAX_INPUT_TOKENS = 512;

/**
 * A translation is rarely much longer than its source; capping the output keeps a
 * degenerate repetition from running all 512 steps. Same cap in scripts/make-test-model.py.
 */
export function maxNewTokensFor(inputTokens: number): number {
  return Math.min(MAX_INPUT_TOKENS, 2 * inputTokens + 8);
}
