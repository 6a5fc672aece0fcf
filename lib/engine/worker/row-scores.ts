/**
 * One row's scores in a decoding step, as Hugging Face's logits processors leave them for Marian: the
 * log-softmax, min_new_tokens (no </s> before), bad_words_ids (Marian bans <pad>), forced_eos_token_id (the last
 * allowed token is </s>); and the greedy pick. The log-sum-exp over 67,028 logits and the row's best tokens come
 * from the WebAssembly row head where there is one (lib/engine/kernels/row-head.ts), else from JavaScript: the
 * same float32 scores either way (row-head.test.ts), so nothing a reader sees depends on which.
 */
import type { RowHead } from '@/lib/engine/kernels/row-head';

const f32 = Math.fround;

export interface DecodingRules {
  eos: number;
  /** Tokens never generated (single-token bad_words_ids; Marian's is [[pad]]). */
  banned: readonly number[];
  /** forced_eos_token_id, or null. */
  forcedEos: number | null;
  /** Decoder length (start token included) at which generation ends: 1 + the new tokens allowed. */
  maxLength: number;
  /** No </s> before this many new tokens (min_new_tokens). */
  minNewTokens: number;
  /** Decoder tokens before generation: the start token, and any forced prefix (a reader's typed words). */
  promptLength: number;
}

/** A row's log-probabilities after the processors, read lazily: the vocabulary is 67,028 wide. */
export interface RowScores {
  /** Processed log-probability of token `t`. */
  at(t: number): number;
  readonly vocab: number;
  readonly logits: Float32Array;
  readonly offset: number;
  readonly lse: number;
  readonly forced: boolean;
  /**
   * Enough of the row's best tokens by logit, best first, that the caller's top-k of what is not blocked is
   * among them; or null: look at the whole row.
   */
  readonly best: Int32Array | null;
  readonly eos: number;
  /** Whether the processors rule token `t` out (banned, </s> before the minimum length, not allowed): the one mask. */
  blocked(t: number): boolean;
}

/** The row head to use and what the caller needs of it. */
export interface HeadRequest {
  head: RowHead;
  /** How many unblocked best tokens the caller takes: 1 for greedy, 2 × num_beams for a beam step. */
  take: number;
  /**
   * How far below the list's last logit a token outside it could still tie with it once scores are rounded to
   * float32 (0 for greedy, which compares raw logits): such a row is looked at whole.
   */
  margin: number;
}

/** log(sum(exp(x))) of one row, in float32 as torch's log_softmax computes it. */
export function logSumExp(logits: Float32Array, offset: number, vocab: number): number {
  let max = -Infinity;
  for (let i = offset, end = offset + vocab; i < end; i++) if (logits[i]! > max) max = logits[i]!;
  let sum = 0;
  for (let i = offset, end = offset + vocab; i < end; i++) sum += Math.exp(logits[i]! - max);
  return f32(max + Math.log(sum));
}

/**
 * One row's processed log-probabilities at decoder length `curLen` (start token included); `allowed`: the
 * tokens that may come next, if constrained (Hugging Face's prefix_allowed_tokens_fn).
 */
export function rowScores(
  logits: Float32Array,
  row: number,
  vocab: number,
  curLen: number,
  rules: DecodingRules,
  allowed: ReadonlySet<number> | null = null,
  request: HeadRequest | null = null,
): RowScores {
  const offset = row * vocab;
  const forced = rules.forcedEos !== null && curLen === rules.maxLength - 1;
  const eosBlocked = curLen - rules.promptLength < rules.minNewTokens;
  const banned = new Set(rules.banned);
  let lse = 0;
  let best: Int32Array | null = null;
  if (forced) lse = 0;
  else if (request) {
    // Room for every token the mask can take out (the banned ones and </s>) on top of what the caller takes.
    const keep = request.take + banned.size + 1;
    const head = request.head.head(logits, row, vocab, keep, request.margin);
    lse = f32(head.max + Math.log(head.sum));
    // With an allowed set the best tokens may all be ruled out: then the whole row is looked at.
    best = head.nearTie || allowed !== null ? null : head.best;
  } else lse = logSumExp(logits, offset, vocab);
  const eos = forced ? rules.forcedEos! : rules.eos;
  const blocked = (t: number) =>
    banned.has(t) || (eosBlocked && t === rules.eos) || (allowed !== null && !allowed.has(t));
  return {
    vocab,
    logits,
    offset,
    lse,
    forced,
    best,
    eos,
    blocked,
    at(t: number) {
      if (forced) return t === eos ? 0 : -Infinity;
      return blocked(t) ? -Infinity : f32(logits[offset + t]! - lse);
    },
  };
}

/** The best token and its log-probability (the first on a tie, as argmax does). */
export function greedyPick(scores: RowScores): { token: number; logprob: number } {
  if (scores.forced) return { token: scores.eos, logprob: 0 };
  if (scores.best) {
    // Best first, equal logits lower token first: the first one not blocked is argmax's.
    for (const t of scores.best) if (!scores.blocked(t)) return { token: t, logprob: scores.at(t) };
  }
  let best = -1;
  let value = -Infinity;
  const { logits, offset, vocab } = scores;
  for (let t = 0; t < vocab; t++) {
    const v = logits[offset + t]!;
    if (v > value && !scores.blocked(t)) {
      value = v;
      best = t;
    }
  }
  return { token: best, logprob: scores.at(best) };
}
