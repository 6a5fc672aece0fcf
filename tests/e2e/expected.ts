import type { TranslationPipeline } from '@huggingface/transformers';
import type { Quality } from '@/lib/engine/shared/config';
import { engineFor } from '@/lib/engine/worker/from-pipeline';
import { loadTestPipeline } from '../tools/test-model';
import { splitSentences } from '@/lib/engine/shared/sentences';
import type { GlossaryTerm } from '@/lib/engine/shared/terms';

const pipelines = new Map<string, Promise<TranslationPipeline>>();

/**
 * What the test model gives for a paragraph, computed here in Node with the real transformers.js sessions
 * and the same engine the worker uses (beam search, as the servers decode by default): the browser must
 * show exactly this.
 */
export async function expectedTranslations(
  paragraphs: string[],
  dtype: 'fp32' | 'q8',
  quality: Quality = 'best',
): Promise<string[]> {
  if (!pipelines.has(dtype)) pipelines.set(dtype, loadTestPipeline(dtype) as Promise<TranslationPipeline>);
  const engine = engineFor(await pipelines.get(dtype)!, quality, { batchRows: 1 });
  const out: string[] = [];
  for (const p of paragraphs) out.push((await engine.translate(p)).text);
  return out;
}

/**
 * Whether every sentence of a paragraph is short enough for the tiny model to be sure of its output
 * (it was trained on up to 32 pieces). Past that it babbles, and there float rounding that differs
 * between ONNX Runtime's CPU and WASM kernels can flip a near-tie, so exact comparisons across
 * runtimes are only meaningful here.
 */
export async function withinTrainedLength(paragraph: string, dtype: 'fp32' | 'q8'): Promise<boolean> {
  if (!pipelines.has(dtype)) pipelines.set(dtype, loadTestPipeline(dtype) as Promise<TranslationPipeline>);
  const { tokenizer } = await pipelines.get(dtype)!;
  return splitSentences(paragraph).every((s) => tokenizer.encode(s.text).length <= 33);
}

async function engine(dtype: 'fp32' | 'q8' = 'fp32') {
  if (!pipelines.has(dtype)) pipelines.set(dtype, loadTestPipeline(dtype) as Promise<TranslationPipeline>);
  return engineFor(await pipelines.get(dtype)!, 'best', { batchRows: 8 });
}

/** The model's other translations of a Dutch sentence (or word), best first, as the reader's list offers them. */
export async function expectedAlternatives(dutch: string): Promise<string[]> {
  return (await (await engine()).alternatives(dutch)).map((a) => a.text);
}

/** The English sentence the model completes `typed` to, for the Dutch `source`. */
export async function expectedCompletion(source: string, typed: string): Promise<string> {
  return (await engine()).complete(source, typed);
}

/** What the test model gives for a paragraph under the reader's glossary terms (fp32, best mode, as served). */
export async function expectedWithTerms(paragraph: string, terms: GlossaryTerm[]): Promise<string> {
  return (await (await engine()).translate(paragraph, { terms })).text;
}
