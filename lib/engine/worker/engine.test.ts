import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TranslationPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestPipeline, TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { decodeBatch, type SentenceJob } from './batch-decoder';
import type { BeamSettings } from './decoding';
import { generationRules } from './from-pipeline';
import { MarianSessions } from './marian-sessions';

interface Hyp {
  tokens: number[];
  logprobs: number[];
  score: number;
}
interface Reference {
  beam_settings: { name: string; num_beams: number; length_penalty: number; early_stopping: boolean | 'never' }[];
  sentences: {
    text: string;
    input_ids: number[];
    max_new_tokens: number;
    greedy: Hyp;
    beams: Record<string, { max_new_tokens: number; min_new_tokens: number; nbest: Hyp[] }>;
  }[];
}
const reference: Reference = JSON.parse(
  readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'reference.json'), 'utf8'),
);

let translator: TranslationPipeline;
let sessions: MarianSessions;
let rules: ReturnType<typeof generationRules>['rules'];
beforeAll(async () => {
  translator = (await loadTestPipeline('fp32')) as TranslationPipeline;
  sessions = new MarianSessions(translator as never);
  rules = generationRules((translator.model as unknown as { generation_config: object }).generation_config).rules;
});

/** Same tokens, and the same scores to 1e-4 (torch on the CPU and ONNX Runtime round differently). */
function expectSame(actual: Hyp, expected: Hyp, label: string) {
  expect(actual.tokens, label).toEqual(expected.tokens);
  expect(actual.score, label).toBeCloseTo(expected.score, 4);
  actual.logprobs.forEach((lp, i) => expect(lp, `${label}, token ${i}`).toBeCloseTo(expected.logprobs[i]!, 4));
}

const job = (ids: number[], maxNewTokens: number, minNewTokens: number, beams: BeamSettings | null): SentenceJob => ({
  ids,
  maxNewTokens,
  minNewTokens,
  beams,
});

describe('our decoder loop on the test model, against the torch reference (Hugging Face generate() semantics)', () => {
  it('greedy: the same tokens and log-probabilities, one sentence at a time and all in one batch', async () => {
    const jobs = reference.sentences.map((s) => job(s.input_ids, s.max_new_tokens, 0, null));
    for (const [i, s] of reference.sentences.entries()) {
      const [alone] = await decodeBatch(sessions, [jobs[i]!], rules);
      expectSame(alone!, s.greedy, `${s.text} (alone)`);
    }
    const batched = await decodeBatch(sessions, jobs, rules);
    reference.sentences.forEach((s, i) => expectSame(batched[i]!, s.greedy, `${s.text} (batched)`));
  });

  for (const setting of reference.beam_settings) {
    it(`beam search, ${setting.name}: the same n-best list, alone and batched`, async () => {
      const beams: BeamSettings = {
        numBeams: setting.num_beams,
        lengthPenalty: setting.length_penalty,
        earlyStopping: setting.early_stopping,
      };
      const jobs = reference.sentences.map((s) =>
        job(s.input_ids, s.beams[setting.name]!.max_new_tokens, s.beams[setting.name]!.min_new_tokens, beams),
      );
      const check = (
        result: Awaited<ReturnType<typeof decodeBatch>>[number] | undefined,
        s: Reference['sentences'][number],
        how: string,
      ) => {
        const expected = s.beams[setting.name]!.nbest;
        expect(result!.nbest.length, `${s.text} (${how})`).toBe(expected.length);
        expected.forEach((h, k) => expectSame(result!.nbest[k]!, h, `${s.text} (${how}), hypothesis ${k}`));
      };
      for (const [i, s] of reference.sentences.entries())
        check((await decodeBatch(sessions, [jobs[i]!], rules))[0], s, 'alone');
      const batched = await decodeBatch(sessions, jobs, rules);
      reference.sentences.forEach((s, i) => check(batched[i], s, 'batched'));
    });
  }

  it('a batch mixing greedy and beam sentences gives each what it gives alone', async () => {
    const s = reference.sentences;
    const beams: BeamSettings = { numBeams: 4, lengthPenalty: 1, earlyStopping: false };
    const results = await decodeBatch(
      sessions,
      [job(s[2]!.input_ids, s[2]!.max_new_tokens, 0, null), job(s[3]!.input_ids, s[3]!.max_new_tokens, 0, beams)],
      rules,
    );
    expectSame(results[0]!, s[2]!.greedy, 'greedy beside beams');
    expectSame(results[1]!, s[3]!.beams['beams-4']!.nbest[0]!, 'beams beside greedy');
  });
});
