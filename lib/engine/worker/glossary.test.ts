import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TranslationPipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestPipeline, TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import type { GlossaryTerm } from '../shared/terms';
import type { TranslationEngine } from './engine';
import { engineFor } from './from-pipeline';

interface Case {
  text: string;
  terms: string[];
  setting: string;
  nbest: { tokens: number[] }[];
}
const { cases } = JSON.parse(
  readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'constrained-reference.json'), 'utf8'),
) as { cases: Case[] };

let translator: TranslationPipeline;
let best: TranslationEngine;
let fast: TranslationEngine;
beforeAll(async () => {
  translator = (await loadTestPipeline('fp32')) as TranslationPipeline;
  best = engineFor(translator, 'best', { batchRows: 8 });
  fast = engineFor(translator, 'fast', { batchRows: 8 });
});

const term = (source: string, target: string, more: Partial<GlossaryTerm> = {}): GlossaryTerm => ({
  source,
  target,
  variants: [],
  caseSensitive: false,
  ...more,
});
const decode = (tokens: number[]) => translator.tokenizer.decode(tokens, { skip_special_tokens: true }).trim();

describe("the engine with a reader's glossary (test model)", () => {
  const kiev = 'Concrete afspraken werden niet gemaakt in Kiev.';
  const train = 'De trein vertrekt om half negen.';
  const paragraph = `${kiev} ${train}`;

  it('decodes the sentence with a term under the constraint (the reference), and leaves the other as it was', async () => {
    const plain = await best.translate(paragraph);
    // "Kiev" the reader wants as "Polen": best mode decodes with the model's 4 beams, constrained.
    const glossed = await best.translate(paragraph, { terms: [term('kiev', 'Polen')] });
    const expected = cases.find((c) => c.text === kiev && c.terms.join() === 'Polen' && c.setting === 'beams-4')!;
    expect(glossed.sentences[0]!.target).toBe(decode(expected.nbest[0]!.tokens));
    expect(glossed.sentences[0]!.target).toContain('Polen');
    expect(glossed.sentences[0]!.terms).toEqual([{ source: 'Kiev', target: 'Polen', placed: true }]);
    expect(glossed.sentences[1]).toEqual(plain.sentences[1]);
    expect(plain.sentences[0]!.terms).toBeUndefined();
  });

  it('fast mode searches a sentence with a term with two beams, and the others greedily as before', async () => {
    const plain = await fast.translate(paragraph);
    const glossed = await fast.translate(paragraph, { terms: [term('Kiev', 'Polen')] });
    const expected = cases.find((c) => c.text === kiev && c.terms.join() === 'Polen' && c.setting === 'beams-2')!;
    expect(glossed.sentences[0]!.target).toBe(decode(expected.nbest[0]!.tokens));
    expect(glossed.sentences[1]).toEqual(plain.sentences[1]);
  });

  it('reports a term no translation within the length cap could hold, and keeps the model’s own English', async () => {
    const plain = await fast.translate(train);
    const glossed = await fast.translate(train, { terms: [term('trein', 'the train')] });
    // The reference says no 2-beam hypothesis holds "the train" here.
    expect(cases.find((c) => c.text === train && c.setting === 'beams-2')!.nbest).toEqual([]);
    expect(glossed.sentences[0]!.terms).toEqual([{ source: 'trein', target: 'the train', placed: false }]);
    expect(glossed.sentences[0]!.target).toBe(plain.sentences[0]!.target);
    // With the model's own English of it at hand (the page sends what it shows), it is not decoded a second time.
    const steps = () => fast.sessions.stats.steps;
    let at = steps();
    await fast.translate(train, { terms: [term('trein', 'the train')] });
    const twice = steps() - at;
    at = steps();
    const kept = await fast.translate(train, { terms: [term('trein', 'the train')], reuse: plain.sentences });
    expect(kept.sentences[0]!.target).toBe(plain.sentences[0]!.target);
    expect(kept.sentences[0]!.terms).toEqual([{ source: 'trein', target: 'the train', placed: false }]);
    expect(steps() - at).toBe(twice - plain.sentences[0]!.tokens!.length);
  });

  it('keeps an earlier sentence that needs the same terms, and decodes only the one a changed term touches', async () => {
    const steps = () => best.sessions.stats.steps;
    const plain = await best.translate(paragraph);
    let at = steps();
    const alone = await best.translate(kiev, { terms: [term('Kiev', 'Polen')] });
    const onlyKiev = steps() - at;
    at = steps();
    const glossed = await best.translate(paragraph, { terms: [term('Kiev', 'Polen')], reuse: plain.sentences });
    expect(steps() - at).toBe(onlyKiev); // the train's sentence was not decoded again
    expect(glossed.sentences[0]!.target).toBe(alone.sentences[0]!.target);
    expect(glossed.sentences[1]).toEqual(plain.sentences[1]);
    // The entry removed: the Kiev sentence needs no term now, so its glossed English cannot stand; it is decoded.
    at = steps();
    const back = await best.translate(paragraph, { reuse: glossed.sentences });
    expect(back.sentences).toEqual(plain.sentences);
    expect(steps() - at).toBeGreaterThan(0);
  });

  it('matches a variant, honours a case-sensitive entry, and never a term inside a longer word', async () => {
    const variant = await best.translate(kiev, { terms: [term('Kyiv', 'Polen', { variants: ['Kiev'] })] });
    expect(variant.sentences[0]!.terms?.[0]).toMatchObject({ source: 'Kiev', placed: true });
    const cased = await best.translate(kiev, { terms: [term('kiev', 'Polen', { caseSensitive: true })] });
    expect(cased.sentences[0]!.terms).toBeUndefined();
    const inside = await best.translate(kiev, { terms: [term('Kie', 'Polen')] });
    expect(inside.sentences[0]!.terms).toBeUndefined();
  });
});
