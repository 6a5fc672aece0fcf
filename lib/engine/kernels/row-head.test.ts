/**
 * The WebAssembly row head gives the decoding loop what the JavaScript one did, to the bit: the same float32
 * log-sum-exp, the same best tokens (ties to the lower token), and so the same translations, tokens and scores.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TranslationPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKernels, EMBEDDED, embeddedModule } from '@/scripts/build-kernels.mjs';
import { loadTestPipeline, TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { decodeBatch } from '../worker/batch-decoder';
import { beamStep, startBeams, type BeamSettings } from '../worker/decoding';
import { engineTokenizer, generationRules } from '../worker/from-pipeline';
import { MarianSessions } from '../worker/marian-sessions';
import { logSumExp, rowScores, type DecodingRules } from '../worker/row-scores';
import { RowHead } from './row-head';

const head = RowHead.create()!;
let seed = 5;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** Rows as models make them and as they break: wide and narrow spreads, −∞ (a masked token), exact ties, odd widths. */
function rows() {
  const out: { logits: Float32Array; vocab: number }[] = [];
  for (const [vocab, spread] of [
    [67028, 20],
    [67028, 0.01],
    [513, 60],
    [7, 3],
    [1001, 1e-6],
  ] as const) {
    const logits = Float32Array.from({ length: 3 * vocab }, () => (rand() * 2 - 1) * spread);
    logits[5 % vocab] = -Infinity;
    logits[(vocab - 1) % vocab] = logits[2 % vocab]!; // a tie, the later token second
    out.push({ logits, vocab });
  }
  // Quantized-looking logits: many exactly equal values.
  out.push({ logits: Float32Array.from({ length: 2 * 4000 }, () => Math.round(rand() * 40) / 8), vocab: 4000 });
  return out;
}

describe('the row head', () => {
  it('is embedded as its source builds today', async () => {
    const built = (await buildKernels())['row-head']!;
    const committed = readFileSync(path.join(import.meta.dirname, '..', '..', '..', EMBEDDED['row-head'].out), 'utf8');
    expect(committed).toBe(embeddedModule('row-head', built));
  });

  it("gives JavaScript's float32 log-sum-exp bit for bit, and the best tokens in argmax's order", () => {
    for (const { logits, vocab } of rows())
      for (let row = 0; row < logits.length / vocab; row++) {
        const got = head.head(logits, row, vocab, 14);
        expect(Math.fround(got.max + Math.log(got.sum))).toBe(logSumExp(logits, row * vocab, vocab));
        const order = Array.from({ length: vocab }, (_, t) => t).sort(
          (a, b) => logits[row * vocab + b]! - logits[row * vocab + a]! || a - b,
        );
        expect(Array.from(got.best)).toEqual(order.slice(0, Math.min(14, vocab)));
      }
  });

  it('reports a near-tie at the edge of its list, so the loop looks at the whole row', () => {
    const logits = Float32Array.from({ length: 100 }, (_, t) => -t);
    logits[50] = -2.0004; // just below the third best (−2): within a margin of 1e-3
    expect(head.head(logits, 0, 100, 3, 1e-3).nearTie).toBe(true);
    expect(head.head(logits, 0, 100, 3, 1e-4).nearTie).toBe(false);
  });

  it('makes the same beam step as the whole-row scan, ties and masks included', () => {
    const rules: DecodingRules = { eos: 0, banned: [3], forcedEos: 0, maxLength: 50, minNewTokens: 2, promptLength: 1 };
    const settings: BeamSettings = { numBeams: 4, lengthPenalty: 1, earlyStopping: false };
    let fastRows = 0;
    for (const { logits, vocab } of rows().filter((r) => r.vocab > 20)) {
      let state = startBeams(settings, rules);
      state = { ...state, running: state.running.map((h, b) => ({ ...h, score: -b * 0.37 - 40 })), curLen: 2 };
      const step = (withHead: boolean) =>
        beamStep(
          state,
          [0, 1, 2, 0].map((r) =>
            rowScores(
              logits,
              r % (logits.length / vocab),
              vocab,
              state.curLen,
              rules,
              null,
              withHead ? { head, take: 8, margin: 1e-3 + 4e-5 } : null,
            ),
          ),
          settings,
          rules,
        );
      expect(step(true)).toEqual(step(false));
      fastRows += [0, 1, 2].filter(
        (r) => rowScores(logits, r, vocab, 2, rules, null, { head, take: 8, margin: 1e-3 }).best,
      ).length;
    }
    expect(fastRows).toBeGreaterThan(0); // the list was used, not only the fallback
  });
});

describe('translations through the row head', () => {
  let translator: TranslationPipeline;
  beforeAll(async () => {
    translator = (await loadTestPipeline('q8')) as TranslationPipeline;
  });

  it('are the JavaScript head’s, greedy and with beams: the same tokens, log-probabilities and scores', async () => {
    const sentences: string[] = JSON.parse(
      readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'reference.json'), 'utf8'),
    ).sentences.map((s: { text: string }) => s.text);
    const rules = generationRules(
      (translator.model as unknown as { generation_config: object }).generation_config,
    ).rules;
    const sessions = new MarianSessions(translator as never);
    const tokenizer = engineTokenizer(translator);
    for (const beams of [null, { numBeams: 6, lengthPenalty: 1, earlyStopping: false }]) {
      const jobs = sentences.map((s) => ({ ids: tokenizer.encode(s), maxNewTokens: 40, minNewTokens: 0, beams }));
      const viaKernel = await Promise.all(jobs.map((j) => decodeBatch(sessions, [j], rules, { head })));
      const viaScript = await Promise.all(jobs.map((j) => decodeBatch(sessions, [j], rules, { head: null })));
      expect(viaKernel).toEqual(viaScript);
    }
  });
});
