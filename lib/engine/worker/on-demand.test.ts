/**
 * What the engine offers a reader on demand, on the real transformers.js sessions of the test model, against
 * torch: other translations of a sentence (the n-best list), how sure it was of each word, and the rest of a
 * sentence the reader started.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TranslationPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestPipeline, TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { TranslationEngine } from './engine';
import { MarianSessions } from './marian-sessions';
import { engineFor, engineTokenizer, generationRules } from './from-pipeline';
import { wordScores } from '../shared/words';

interface Reference {
  sentences: {
    text: string;
    beams: Record<string, { nbest: { tokens: number[]; text: string; score: number }[] }>;
    token_probs: number[];
    completions?: { prefix: string; forced: number[]; partial: string; tokens: number[]; text: string }[];
  }[];
}
const dir = path.join(TEST_MODEL_DIR, TEST_MODEL_ID);
const reference: Reference = JSON.parse(readFileSync(path.join(dir, 'reference.json'), 'utf8'));
const vocab: [string, number][] = JSON.parse(readFileSync(path.join(dir, 'tokenizer.json'), 'utf8')).model.vocab;

let translator: TranslationPipeline;
let engine: TranslationEngine;
beforeAll(async () => {
  translator = (await loadTestPipeline('fp32')) as TranslationPipeline;
  engine = engineFor(translator, 'best', { batchRows: 8 });
});

describe('on demand, against torch', () => {
  it('alternatives: the distinct texts of beam search with 6 beams, in the reference n-best order', async () => {
    for (const ref of reference.sentences) {
      const expected = [...new Set(ref.beams['beams-6']!.nbest.map((h) => h.text.trim()).filter(Boolean))];
      const alternatives = await engine.alternatives(ref.text);
      expect(
        alternatives.map((a) => a.text),
        ref.text,
      ).toEqual(expected);
    }
  });

  it('alternatives come with the translation when its beam search had as many beams (6 on the real model)', async () => {
    const six = { numBeams: 6, lengthPenalty: 1, earlyStopping: false as const };
    const sixBeams = new TranslationEngine(
      new MarianSessions(translator as never),
      engineTokenizer(translator),
      generationRules((translator.model as unknown as { generation_config: object }).generation_config).rules,
      { beams: six, alternatives: six, batchRows: 12 },
    );
    for (const ref of reference.sentences.slice(2, 6)) {
      const [sentence] = (await sixBeams.translate(ref.text)).sentences;
      expect(sentence!.alternatives, ref.text).toEqual((await engine.alternatives(ref.text)).map((a) => a.text));
    }
    // With fewer beams (the test model's 4) they are left to be asked for.
    expect((await engine.translate(reference.sentences[2]!.text)).sentences[0]!.alternatives).toBeUndefined();
  });

  it("words: each word's probability is the product of torch's softmax probabilities of its tokens", async () => {
    let compared = 0;
    for (const ref of reference.sentences) {
      const best = ref.beams['beams-4']!.nbest[0]!;
      const [sentence] = (await engine.translate(ref.text)).sentences;
      expect(sentence!.tokens).toEqual(best.tokens);
      // The words, grouped by the SentencePiece marker and found in the text, with torch's probabilities.
      const pieces = best.tokens.map((t) => (t === 0 ? null : vocab[t]![0]));
      const expected = wordScores(pieces, ref.token_probs.map(Math.log), sentence!.target);
      const spelled = pieces.filter((p) => p?.startsWith('\u2581') && p.length > 1).length;
      expect(expected.length, ref.text).toBeGreaterThanOrEqual(Math.min(1, spelled));
      expect(sentence!.words!.length, ref.text).toBe(expected.length);
      expected.forEach(([start, end, p], w) => {
        expect(sentence!.words![w]!.slice(0, 2), ref.text).toEqual([start, end]);
        expect(sentence!.words![w]![2], `${ref.text}: ${sentence!.target.slice(start, end)}`).toBeCloseTo(p, 4);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('completion: the typed whole words forced, the partial word spelled out, then greedy: as torch decodes it', async () => {
    const tokenizer = engineTokenizer(translator);
    let compared = 0;
    for (const ref of reference.sentences) {
      for (const c of ref.completions ?? []) {
        // The tokenizer splits the typed whole words as the reference did.
        const words = c.partial ? c.prefix.slice(0, c.prefix.length - c.partial.length + 1) : c.prefix;
        expect(tokenizer.encodePlain(words), c.prefix).toEqual(c.forced);
        const partials: string[] = [];
        const sentence = await engine.complete(ref.text, c.prefix, { onPartial: (s) => partials.push(s) });
        expect(sentence, c.prefix).toBe(c.text.trim());
        expect(partials.at(-1)).toBe(sentence);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(16);
  });
});
