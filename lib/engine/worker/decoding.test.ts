import { describe, expect, it } from 'vitest';
import { beamStep, startBeams } from './decoding';
import { greedyPick, rowScores, type DecodingRules } from './row-scores';

const rules: DecodingRules = { eos: 0, banned: [3], forcedEos: 0, maxLength: 5, minNewTokens: 0, promptLength: 1 };
const logits = (...rows: number[][]) => Float32Array.from(rows.flat());

describe('the logits processors', () => {
  it('never pick a banned token, hold </s> back before min_new_tokens, and force </s> at the last position', () => {
    const row = logits([0, 1, 2, 9]); // token 3 is best but banned (Marian bans <pad>)
    expect(greedyPick(rowScores(row, 0, 4, 1, rules)).token).toBe(2);
    const eosBest = logits([9, 1, 2, 0]);
    expect(greedyPick(rowScores(eosBest, 0, 4, 1, { ...rules, minNewTokens: 2 })).token).toBe(2);
    expect(greedyPick(rowScores(eosBest, 0, 4, 3, { ...rules, minNewTokens: 2 })).token).toBe(0);
    expect(greedyPick(rowScores(row, 0, 4, rules.maxLength - 1, rules))).toEqual({ token: 0, logprob: 0 });
  });

  it('score a token by its log-softmax, as the model’s probability', () => {
    const scores = rowScores(logits([0, 0, Math.log(2), -Infinity]), 0, 4, 1, { ...rules, banned: [] });
    expect(Math.exp(scores.at(2))).toBeCloseTo(0.5, 6);
    expect(Math.exp(scores.at(0)) + Math.exp(scores.at(1)) + Math.exp(scores.at(2))).toBeCloseTo(1, 6);
  });
});

describe('a beam search step', () => {
  it('continues the best candidates that did not end, keeps the ones that did, and stops once nothing can beat them', () => {
    const settings = { numBeams: 2, lengthPenalty: 1, earlyStopping: false as const };
    const r = { ...rules, banned: [], maxLength: 10 };
    let state = startBeams(settings, r);
    // Step 1: from the start token (both beams are it), </s> is likeliest but an ended one-token sentence is kept aside.
    const first = rowScores(logits([5, 4, 3, 0]), 0, 4, state.curLen, r);
    let step = beamStep(state, [first, first], settings, r);
    state = step.state;
    expect(state.finished[0]).toMatchObject({ tokens: [0], done: true });
    expect(state.running.map((h) => h.tokens)).toEqual([[1], [2]]);
    expect(step.parents).toEqual([0, 0]);
    expect(step.done).toBe(false);
    // Step 2: each running beam's continuations; both beams end now and score below the one kept: done.
    const second = [
      rowScores(logits([9, -9, -9, -9]), 0, 4, state.curLen, r),
      rowScores(logits([9, -9, -9, -9]), 0, 4, state.curLen, r),
    ];
    step = beamStep(state, second, settings, r);
    expect(step.state.finished.map((h) => h.tokens)).toEqual([[0], [1, 0]]);
    expect(step.done).toBe(true);
  });
});
