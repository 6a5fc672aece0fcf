/**
 * Constrained beam search: every finished hypothesis contains each phrase (a reader's glossary terms), with
 * the semantics of Hugging Face's `generate(constraints=[PhrasalConstraint(…)])`, `ConstrainedBeamSearchScorer`
 * in generation/beam_search.py (Hokamp & Liu's grid beam search as Transformers implements it), written as pure
 * functions like decoding.ts. Each step:
 * - the 2 × num_beams best candidates over the rows' processed scores (as plain beam search);
 * - `process`: an </s> among the first num_beams ends a hypothesis only if it met every phrase; the first
 *   num_beams other candidates are kept;
 * - `step_sentence_constraint`: every running beam also proposes the tokens that advance its phrases; kept and
 *   proposed candidates are grouped into banks by how much of the phrases they placed, and the next beams
 *   taken round robin from the banks, best bank first (score + 100 × bank orders them inside a bank).
 * Finished hypotheses are scored sum / length^length_penalty in double precision (BeamHypotheses), and the
 * sentence is done when BeamHypotheses.is_done says so.
 * Two choices where Transformers leaves it open, made the same in scripts/hf_constrained.py: equal sort keys
 * keep their order (torch's sort is not stable), and where no hypothesis could meet the phrases within the
 * length cap nothing is returned (Transformers falls back to unconstrained beams): the caller reports the
 * term as not placed and keeps the model's own translation.
 */
import { constraintState } from './constraints';
import { topCandidates, type BeamSettings, type Candidate, type Hypothesis } from './decoding';
import type { DecodingRules, RowScores } from './row-scores';

const f32 = Math.fround;
const NEG = -1e9;

interface Finished extends Hypothesis {
  /** When it was added: on equal scores the later one ranks first (finalize pops the sorted list's end). */
  order: number;
}

export interface ConstrainedState {
  running: Hypothesis[];
  /** BeamHypotheses: at most num_beams, in the order added. */
  finished: Finished[];
  worst: number;
  added: number;
  /** Decoder length so far, start token included. */
  curLen: number;
}

export function startConstrained({ numBeams }: BeamSettings, rules: DecodingRules): ConstrainedState {
  return {
    running: Array.from({ length: numBeams }, (_, i) => ({ tokens: [], logprobs: [], score: i === 0 ? 0 : NEG })),
    finished: [],
    worst: 1e9,
    added: 0,
    curLen: rules.promptLength,
  };
}

/** BeamHypotheses.add: keeps the num_beams best. */
function addFinished(state: ConstrainedState, hyp: Hypothesis, numBeams: number): void {
  if (state.finished.length >= numBeams && !(hyp.score > state.worst)) return;
  state.finished.push({ ...hyp, order: state.added++ });
  if (state.finished.length > numBeams) {
    const sorted = state.finished.map((h, i) => ({ s: h.score, i })).sort((a, b) => a.s - b.s || a.i - b.i);
    state.finished.splice(sorted[0]!.i, 1);
    state.worst = sorted[1]!.s;
  } else state.worst = Math.min(hyp.score, state.worst);
}

/** BeamHypotheses.is_done, given the best candidate's score at decoder length `curLen` (the step's new token included). */
function isDone(state: ConstrainedState, best: number, curLen: number, settings: BeamSettings, rules: DecodingRules) {
  const { numBeams, lengthPenalty, earlyStopping } = settings;
  if (state.finished.length < numBeams) return false;
  if (earlyStopping === true) return true;
  const length =
    earlyStopping === 'never' && lengthPenalty > 0 ? rules.maxLength - rules.promptLength : curLen - rules.promptLength;
  return state.worst >= best / length ** lengthPenalty;
}

/**
 * One step. `rows[b]`: running beam b's processed scores (on the first step every beam is the start token and
 * shares row 0's). Returns the next state, which previous beam each new running beam continues, and whether
 * the sentence is done (its finished list is then final: `constrainedResult`).
 */
export function constrainedStep(
  state: ConstrainedState,
  rows: readonly RowScores[],
  phrases: readonly (readonly number[])[],
  settings: BeamSettings,
  rules: DecodingRules,
): { state: ConstrainedState; parents: number[]; done: boolean } {
  const { numBeams, lengthPenalty } = settings;
  const next: ConstrainedState = { ...state, finished: [...state.finished], curLen: state.curLen + 1 };
  const candidates = topCandidates(state, rows, 2 * numBeams);
  const tokensOf = (c: Candidate) => [...state.running[c.parent]!.tokens, c.token];
  const extend = (c: Candidate): Hypothesis => {
    const from = state.running[c.parent]!;
    return { tokens: tokensOf(c), logprobs: [...from.logprobs, c.logprob], score: c.score };
  };

  // process(): an </s> ranked among the first num_beams finishes a hypothesis that met every phrase.
  const kept: Candidate[] = [];
  for (const [rank, c] of candidates.entries()) {
    if (c.token === rules.eos) {
      if (rank < numBeams && constraintState(phrases, state.running[c.parent]!.tokens).completed) {
        const hyp = extend(c);
        addFinished(next, { ...hyp, score: c.score / (next.curLen - rules.promptLength) ** lengthPenalty }, numBeams);
      }
    } else kept.push(c);
    if (kept.length === numBeams) break;
  }

  // step_sentence_constraint(): each running beam proposes the tokens that advance its phrases.
  const seen = new Set(kept.map((c) => tokensOf(c).join(',')));
  const proposed: Candidate[] = [];
  state.running.forEach((beam, b) => {
    const at = constraintState(phrases, beam.tokens);
    if (at.completed) return;
    for (const token of at.advance) {
      const c = { parent: b, token, logprob: rows[b]!.at(token), score: 0 };
      c.score = f32(c.logprob + beam.score);
      const key = tokensOf(c).join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      proposed.push(c);
    }
  });
  let chosen = kept;
  if (proposed.length > 0) {
    const all = [...kept, ...proposed];
    const banks = all.map((c) => constraintState(phrases, tokensOf(c)).bank);
    const order = all
      .map((c, i) => ({ i, key: f32(banks[i]! * 100 + c.score) }))
      .sort((a, b) => b.key - a.key || a.i - b.i)
      .map(({ i }) => i);
    // Round robin over the banks: the best of each bank, then the second best of each, and so on.
    let run = -1;
    const rankInBank = order.map((i, n) => (n > 0 && banks[i] === banks[order[n - 1]!] ? ++run : (run = 0)));
    chosen = order
      .map((i, n) => ({ i, r: rankInBank[n]!, n }))
      .sort((a, b) => a.r - b.r || a.n - b.n)
      .slice(0, numBeams)
      .map(({ i }) => all[i]!);
  }
  next.running = chosen.map(extend);

  const best = candidates[0]?.score ?? -Infinity;
  const done =
    next.running.length === 0 || isDone(next, best, next.curLen, settings, rules) || next.curLen >= rules.maxLength;
  if (done && next.curLen >= rules.maxLength && !isDone(next, best, next.curLen, settings, rules)) {
    // finalize(): running beams that met every phrase count as finished.
    for (const beam of next.running)
      if (constraintState(phrases, beam.tokens).completed)
        addFinished(
          next,
          { ...beam, score: beam.score / (next.curLen - rules.promptLength) ** lengthPenalty },
          numBeams,
        );
  }
  return { state: next, parents: chosen.map((c) => c.parent), done };
}

/** The finished hypotheses that met every phrase, best first; empty when none could within the length cap. */
export function constrainedResult(state: ConstrainedState): Hypothesis[] {
  return state.finished
    .filter((h) => Number.isFinite(h.score))
    .sort((a, b) => b.score - a.score || b.order - a.order)
    .map(({ tokens, logprobs, score }) => ({ tokens, logprobs, score }));
}
