/**
 * A sentence's translation never depends on its neighbours. The q8 files quantize activations with one scale per
 * tensor (DynamicQuantizeLinear), so decoded together, or padded in one encoder batch, sentences change one
 * another's words; the engine decodes them apart (sentencesApart), and each must come out exactly as it does
 * alone, greedy and with beams, whatever it is batched with and in whatever order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TranslationPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { sentencesApartFor } from '../shared/config';
import { loadTestPipeline, TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { decodeBatch } from './batch-decoder';
import type { BeamSettings } from './decoding';
import { engineTokenizer, generationRules } from './from-pipeline';
import { TranslationEngine } from './engine';
import { MarianSessions } from './marian-sessions';

const sentences: string[] = JSON.parse(
  readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'reference.json'), 'utf8'),
).sentences.map((s: { text: string }) => s.text);
const BEAMS: BeamSettings = { numBeams: 4, lengthPenalty: 1, earlyStopping: false };

let translator: TranslationPipeline;
const engine = (beams: BeamSettings | null, batchRows: number, sentencesApart: boolean) => {
  const rules = generationRules((translator.model as unknown as { generation_config: object }).generation_config).rules;
  return new TranslationEngine(new MarianSessions(translator as never), engineTokenizer(translator), rules, {
    beams,
    batchRows,
    sentencesApart,
  });
};
/** Each text's sentences' tokens when all are translated at once (the queue batches what is waiting together). */
const together = async (e: TranslationEngine, texts: string[]) =>
  (await Promise.all(texts.map((t) => e.translate(t)))).map((r) => r.sentences.map((s) => s.tokens));

beforeAll(async () => {
  translator = (await loadTestPipeline('q8')) as TranslationPipeline;
});

describe('batch independence on the q8 files', () => {
  it('q8, int8 and uint8 (per-tensor activations) are decoded apart; fp32, fp16 and q4 may batch', () => {
    expect(['q8', 'int8', 'uint8', 'encoder_model:fp32,decoder_model_merged:q8'].map(sentencesApartFor)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['fp32', 'fp16', 'q4', 'encoder_model:fp16,decoder_model_merged:fp32'].map(sentencesApartFor)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('decoded together, q8 sentences do change one another (why the engine keeps them apart)', async () => {
    const rules = generationRules(
      (translator.model as unknown as { generation_config: object }).generation_config,
    ).rules;
    const sessions = new MarianSessions(translator as never);
    const tokenizer = engineTokenizer(translator);
    let changed = 0;
    for (const beams of [null, BEAMS, { ...BEAMS, numBeams: 6 }]) {
      const jobs = sentences.map((s) => ({ ids: tokenizer.encode(s), maxNewTokens: 40, minNewTokens: 0, beams }));
      const alone = await Promise.all(jobs.map(async (j) => (await decodeBatch(sessions, [j], rules))[0]!));
      const first = (r: (typeof alone)[number]) => JSON.stringify(beams ? r.nbest[0]!.tokens : r.tokens);
      // All together, and each beside a long neighbour.
      const batched = await decodeBatch(sessions, jobs, rules);
      changed += batched.filter((b, i) => first(b!) !== first(alone[i]!)).length;
      for (const [i, job] of jobs.entries()) {
        const [withNeighbour] = await decodeBatch(sessions, [job, jobs[(i + 3) % jobs.length]!], rules);
        if (first(withNeighbour!) !== first(alone[i]!)) changed++;
      }
    }
    expect(changed).toBeGreaterThan(0);
  });

  for (const [name, beams] of [
    ['greedy', null],
    ['beams', BEAMS],
  ] as const) {
    it(`${name}: every sentence as it is alone, inside batches of different neighbours, lengths and orders`, async () => {
      const alone: number[][] = [];
      for (const s of sentences) alone.push((await engine(beams, 1, true).translate(s)).sentences[0]!.tokens ?? []);
      const reversed = [...sentences].reverse();
      const paragraphs = [sentences.slice(0, 5).join(' '), sentences.slice(5).join(' ')];
      for (const batchRows of [8, 24]) {
        const e = engine(beams, batchRows, true);
        expect(
          (await together(e, sentences)).map((t) => t[0]),
          `batch ${batchRows}`,
        ).toEqual(alone);
        expect(
          (await together(e, reversed)).map((t) => t[0]),
          `batch ${batchRows}, reversed`,
        ).toEqual([...alone].reverse());
        // Whole paragraphs: each sentence among the others of its paragraph and of the one beside it.
        for (const result of await Promise.all(paragraphs.map((p) => e.translate(p)))) {
          for (const sentence of result.sentences) {
            const single = (await engine(beams, 1, true).translate(sentence.source)).sentences[0]!.tokens;
            expect(sentence.tokens, `batch ${batchRows}, in its paragraph: ${sentence.source}`).toEqual(single);
          }
        }
      }
    });
  }
});
