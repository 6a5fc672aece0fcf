/**
 * The decisions of one decoding step, as Hugging Face's `generate()` makes them for Marian, written as pure
 * functions (scores in, choices out) so a unit test drives them without a model. The logits processors and the
 * greedy pick are row-scores.ts's; here, beam search as `_beam_search` does it since Transformers 4.50:
 * - 2 × num_beams candidates over the rows' processed scores, the running
 *   beams the best of those that did not end, finished hypotheses scored by length^length_penalty, and the
 *   early-stopping heuristic (or `early_stopping: true`, or `"never"`).
 * Scores are float32 like torch's, so ties and near-ties resolve as they do there.
 */

import type { DecodingRules, RowScores } from './row-scores';

const f32 = Math.fround;
const NEG = -1e9;

export interface BeamSettings {
  numBeams: number;
  lengthPenalty: number;
  earlyStopping: boolean | 'never';
}

export interface Hypothesis {
  /** Generated tokens (the decoder start token not included; the final </s> included once finished). */
  tokens: number[];
  /** Each generated token's processed log-probability. */
  logprobs: number[];
  /** Running: the sum of log-probabilities; finished: that sum / length^length_penalty. */
  score: number;
}

export interface BeamState {
  running: Hypothesis[];
  /** num_beams slots, best first; a slot not yet filled has done false and score -1e9. */
  finished: (Hypothesis & { done: boolean })[];
  /** The early-stopping heuristic still allows a better hypothesis. */
  unsatisfied: boolean;
  /** Decoder length so far, start token included. */
  curLen: number;
}

export function startBeams({ numBeams }: BeamSettings, rules: DecodingRules): BeamState {
  const empty = (score: number): Hypothesis => ({ tokens: [], logprobs: [], score });
  return {
    running: Array.from({ length: numBeams }, (_, i) => empty(i === 0 ? 0 : NEG)),
    finished: Array.from({ length: numBeams }, () => ({ ...empty(NEG), done: false })),
    unsatisfied: true,
    curLen: rules.promptLength,
  };
}

export interface Candidate {
  score: number;
  parent: number;
  token: number;
  logprob: number;
}

/** The `k` best (score, beam, token) over all beams, best first; on a tie the earlier beam and token. */
export function topCandidates(state: Pick<BeamState, 'running'>, rows: readonly RowScores[], k: number): Candidate[] {
  const out: Candidate[] = [];
  let floor = -Infinity;
  const consider = (parent: number, token: number, logprob: number) => {
    const score = f32(logprob + state.running[parent]!.score);
    if (out.length === k && score <= floor) return;
    let at = out.length;
    while (at > 0 && out[at - 1]!.score < score) at--;
    out.splice(at, 0, { score, parent, token, logprob });
    if (out.length > k) out.pop();
    floor = out[out.length - 1]!.score;
  };
  rows.forEach((scores, parent) => {
    if (scores.forced) return consider(parent, scores.eos, 0);
    if (scores.best) {
      // The row head's best tokens hold this row's k best; considered in token order, as the full scan does.
      for (const token of Int32Array.from(scores.best).sort()) {
        const logprob = scores.at(token);
        if (logprob !== -Infinity) consider(parent, token, logprob);
      }
      return;
    }
    const { logits, offset, vocab, lse } = scores;
    const base = state.running[parent]!.score;
    for (let token = 0; token < vocab; token++) {
      // A cheap double-precision test first: only near-candidates pay for the exact float32 score.
      if (out.length === k && logits[offset + token]! - lse + base < floor - 1e-3) continue;
      const logprob = scores.at(token);
      if (logprob !== -Infinity) consider(parent, token, logprob);
    }
  });
  return out;
}

/**
 * One beam-search step. `rows[b]` are the processed scores of running beam b (all beams share row 0's on the
 * first step, when they are copies of the start token). Returns the next state, which previous beam each new
 * running beam continues (to reorder the cache), and whether this sentence is done.
 */
export function beamStep(
  state: BeamState,
  rows: readonly RowScores[],
  settings: BeamSettings,
  rules: DecodingRules,
): { state: BeamState; parents: number[]; done: boolean } {
  const { numBeams, lengthPenalty, earlyStopping } = settings;
  const keep = 2 * numBeams; // max(2, 1 + number of eos tokens) * num_beams, with one eos token
  const candidates = topCandidates(state, rows, keep);
  const hits = candidates.map((c) => c.token === rules.eos || state.curLen + 1 >= rules.maxLength);
  const extend = (c: Candidate): Hypothesis => {
    const from = state.running[c.parent]!;
    return { tokens: [...from.tokens, c.token], logprobs: [...from.logprobs, c.logprob], score: c.score };
  };

  // Running beams: the best candidates that did not end (ended ones are pushed to the bottom, not dropped).
  const byRunning = candidates.map((c, i) => ({ i, score: f32(c.score + (hits[i] ? NEG : 0)) }));
  const nextRunning = stableTop(byRunning, numBeams).map(({ i, score }) => ({ ...extend(candidates[i]!), score }));

  // Finished hypotheses: the best num_beams of the previous ones and the top num_beams candidates that just ended.
  const length = state.curLen + 1 - rules.promptLength;
  const allFull = state.finished.every((h) => h.done);
  const fresh = candidates.map((c, i) => {
    let score = f32(c.score / length ** lengthPenalty);
    if (earlyStopping === true && allFull) score = f32(score + NEG);
    if (!state.unsatisfied) score = f32(score + NEG);
    const justFinished = hits[i]! && i < numBeams;
    if (!justFinished) score = f32(score + NEG);
    return { ...extend(c), score, done: justFinished };
  });
  const merged = [...state.finished, ...fresh];
  const finished = stableTop(
    merged.map((h, i) => ({ i, score: h.score })),
    numBeams,
  ).map(({ i }) => merged[i]!);

  const curLen = state.curLen + 1;
  let unsatisfied = state.unsatisfied;
  if (unsatisfied) {
    const best =
      earlyStopping === 'never' && lengthPenalty > 0
        ? rules.maxLength - rules.promptLength
        : curLen - rules.promptLength;
    const bestPossible = f32(nextRunning[0]!.score / best ** lengthPenalty);
    const worst = Math.min(...finished.map((h) => h.score));
    unsatisfied = finished.some((h) => !h.done) || bestPossible > worst;
  }
  const open = !(finished.every((h) => h.done) && earlyStopping === true);
  const canContinue = !hits.every(Boolean);
  const next: BeamState = { running: nextRunning, finished, unsatisfied, curLen };
  return {
    state: next,
    parents: stableTop(byRunning, numBeams).map(({ i }) => candidates[i]!.parent),
    done: !(unsatisfied && open && canContinue),
  };
}

/** The `k` highest scores, highest first; equal scores keep their order (as torch.topk does here). */
function stableTop<T extends { score: number }>(items: T[], k: number): T[] {
  return items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => b.item.score - a.item.score || a.order - b.order)
    .slice(0, k)
    .map(({ item }) => item);
}
