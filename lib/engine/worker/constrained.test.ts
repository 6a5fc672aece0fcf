import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TranslationPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestPipeline, TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { decodeBatch, type SentenceJob } from './batch-decoder';
import { constraintState } from './constraints';
import type { BeamSettings } from './decoding';
import { engineTokenizer, generationRules } from './from-pipeline';
import { MarianSessions } from './marian-sessions';
import type { EngineTokenizer } from './tokenizer';

interface Hyp {
  tokens: number[];
  logprobs: number[];
  score: number;
}
interface Case {
  text: string;
  input_ids: number[];
  terms: string[];
  phrases: number[][];
  setting: string;
  num_beams: number;
  length_penalty: number;
  early_stopping: boolean | 'never';
  max_new_tokens: number;
  nbest: Hyp[];
}
const { cases } = JSON.parse(
  readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'constrained-reference.json'), 'utf8'),
) as { cases: Case[] };

let sessions: MarianSessions;
let tokenizer: EngineTokenizer;
let rules: ReturnType<typeof generationRules>['rules'];
beforeAll(async () => {
  const translator = (await loadTestPipeline('fp32')) as TranslationPipeline;
  sessions = new MarianSessions(translator as never);
  tokenizer = engineTokenizer(translator);
  rules = generationRules((translator.model as unknown as { generation_config: object }).generation_config).rules;
});

const jobOf = (c: Case, phrases: number[][]): SentenceJob => {
  const beams: BeamSettings = {
    numBeams: c.num_beams,
    lengthPenalty: c.length_penalty,
    earlyStopping: c.early_stopping,
  };
  return { ids: c.input_ids, maxNewTokens: c.max_new_tokens, minNewTokens: 0, beams, constraints: phrases };
};

function expectSameList(actual: Hyp[], expected: Hyp[], label: string) {
  expect(actual.length, label).toBe(expected.length);
  expected.forEach((h, k) => {
    expect(actual[k]!.tokens, `${label}, hypothesis ${k}`).toEqual(h.tokens);
    expect(actual[k]!.score, `${label}, hypothesis ${k}`).toBeCloseTo(h.score, 4);
    actual[k]!.logprobs.forEach((lp, i) => expect(lp, `${label} ${k}, token ${i}`).toBeCloseTo(h.logprobs[i]!, 4));
  });
}

describe('constrained beam search on the test model, against the torch reference (Hugging Face semantics)', () => {
  it('tokenizes a term for the decoder as the reference does', () => {
    for (const c of cases)
      expect(
        c.terms.map((t) => tokenizer.encodePlain(t)),
        c.terms.join(' / '),
      ).toEqual(c.phrases);
  });

  it('gives the same finished hypotheses, each containing every term, one sentence at a time', async () => {
    for (const c of cases) {
      const label = `${c.text} + ${c.terms.join(', ')} (${c.setting})`;
      const [result] = await decodeBatch(sessions, [jobOf(c, c.phrases)], rules);
      expectSameList(result!.nbest, c.nbest, label);
      expect(result!.placed, label).toBe(c.nbest.length > 0);
      for (const h of result!.nbest) expect(constraintState(c.phrases, h.tokens).completed, label).toBe(true);
      if (result!.placed) for (const term of c.terms) expect(tokenizer.decode(result!.tokens), label).toContain(term);
    }
  });

  it('gives each sentence the same in one batch, beside an unconstrained one', async () => {
    const free = { ...jobOf(cases[0]!, []), constraints: undefined, beams: null };
    const results = await decodeBatch(sessions, [free, ...cases.map((c) => jobOf(c, c.phrases))], rules);
    const [alone] = await decodeBatch(sessions, [free], rules);
    expect(results[0]!.tokens).toEqual(alone!.tokens);
    cases.forEach((c, i) => expectSameList(results[i + 1]!.nbest, c.nbest, `${c.text} (batched)`));
  });
});

describe('where a hypothesis stands with its terms (ConstraintListState)', () => {
  const phrases = [
    [5, 6, 7],
    [9, 5],
  ];
  it('counts a phrase in progress, breaks it on a wrong token and finds both anywhere', () => {
    expect(constraintState(phrases, [])).toEqual({ completed: false, bank: 0, advance: [5, 9] });
    // 5, 6 of the first phrase in progress: its next token is the only advance; bank 3 - 1 = 2.
    expect(constraintState(phrases, [1, 5, 6])).toEqual({ completed: false, bank: 2, advance: [7] });
    // A wrong token sends it back to the pending phrases, behind the other one, and is not tried itself.
    expect(constraintState(phrases, [5, 9])).toEqual({ completed: false, bank: 0, advance: [9, 5] });
    expect(constraintState(phrases, [5, 6, 7, 2])).toEqual({ completed: false, bank: 3, advance: [9] });
    expect(constraintState(phrases, [9, 5, 1, 5, 6, 7]).completed).toBe(true);
    expect(constraintState(phrases, [9, 5, 1, 5, 6, 7]).bank).toBe(6);
  });
});
