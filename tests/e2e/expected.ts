import type { TranslationPipeline } from '@huggingface/transformers';
import { marianModel } from '../../lib/translation/marian-model';
import { loadTestPipeline } from '../../lib/translation/test-model';
import { splitSentences } from '../../lib/translation/sentences';
import { translateParagraph } from '../../lib/translation/translate-paragraph';

const pipelines = new Map<string, Promise<TranslationPipeline>>();

/**
 * What the test model gives for a paragraph, computed here in Node with the real transformers.js
 * pipeline and the same paragraph translator the worker uses: the browser must show exactly this.
 */
export async function expectedTranslations(paragraphs: string[], dtype: 'fp32' | 'q8'): Promise<string[]> {
  if (!pipelines.has(dtype)) pipelines.set(dtype, loadTestPipeline(dtype) as Promise<TranslationPipeline>);
  const model = marianModel(await pipelines.get(dtype)!);
  const out: string[] = [];
  for (const p of paragraphs) out.push((await translateParagraph(model, p)).text);
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
