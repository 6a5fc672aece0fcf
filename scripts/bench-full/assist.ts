/** bench:full's `assist` mode (issue 19), beside the worker that loads the model (worker.ts). */
import type { TranslationPipeline } from '@huggingface/transformers';
import { engineFor } from '@/lib/engine/worker/from-pipeline';
import type { KernelProjection } from '@/lib/engine/worker/marian-sessions';
import { splitSentences } from '@/lib/engine/shared/sentences';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(0.9 * xs.length) - 1]!;

/**
 * The reader's on-demand help (issue 19): for a sentence of about 25 tokens, the completion after each
 * keystroke of a typed prefix (from 5 tokens on; the sentence's encoder output reused between keystrokes):
 * time to the next word (two new tokens) and to the whole completion (forced to 1.1x the input, like the
 * translations); and the time to a sentence's alternatives when they were not asked for before (6 beams).
 */
export async function assist(
  translator: TranslationPipeline,
  paragraphs: string[],
  forced: (n: number) => number,
  projection: KernelProjection | null,
) {
  const engine = engineFor(
    translator,
    'fast',
    { batchRows: 8, lengths: (n) => ({ min: forced(n), max: forced(n) }) },
    projection,
  );
  const sentences = paragraphs.flatMap((p) => splitSentences(p).map((s) => s.text));
  const tokens = (s: string) => translator.tokenizer.encode(s).length;
  const [source, other] = [...sentences].sort((a, b) => Math.abs(tokens(a) - 25) - Math.abs(tokens(b) - 25));
  const words = source!.split(' ');
  let typed = '';
  for (const w of words) {
    if (translator.tokenizer.encode(`${typed}${w}`, { add_special_tokens: false }).length > 5) break;
    typed += `${w} `;
  }
  const rest = source!.slice(typed.length);
  const word: number[] = [];
  const whole: number[] = [];
  await engine.complete(source!, typed); // the encoder's output, kept for the keystrokes
  for (let k = 1; k <= 12 && k <= rest.length; k++) {
    const now = typed + rest.slice(0, k);
    const started = performance.now();
    // The next word: two new tokens (a word is 1.3 tokens on average). Random weights spell no words, so
    // the text itself cannot tell.
    let first: number | null = null;
    let tokens = 0;
    await engine.complete(source!, now, {
      onPartial: () => {
        if (++tokens === 2) first = performance.now() - started;
      },
    });
    whole.push(performance.now() - started);
    word.push(first ?? whole.at(-1)!);
  }
  const started = performance.now();
  await engine.alternatives(other!);
  const alternativesMs = performance.now() - started;
  return {
    sentenceTokens: tokens(source!),
    typedTokens: translator.tokenizer.encode(typed, { add_special_tokens: false }).length,
    keystrokes: word.length,
    nextWord: { median: median(word), p90: p90(word) },
    whole: { median: median(whole), p90: p90(whole) },
    alternativesMs,
    alternativesTokens: tokens(other!),
  };
}
