/// <reference lib="webworker" />
/**
 * The bench:full worker (bundled by scripts/bench-full.mjs): the full-size stand-in loaded by transformers.js as
 * the app loads a model, then translated three ways side by side: today's path (one sentence per pipeline() call,
 * transformers.js's greedy generate()), and our engine, greedy ("fast") and with the model's beams ("best").
 * Every sentence's length is forced (random weights never stop): min = max new tokens = about 1.1x its input.
 */
import { env, pipeline, type TranslationPipeline } from '@huggingface/transformers';
import { InferenceSession } from 'onnxruntime-web/webgpu';
import { rewriteOnLoad, type LoadedModel } from '@/lib/engine/model-files/rewrite-on-load';
import { decodeBatch } from '@/lib/engine/worker/batch-decoder';
import { engineFor, generationRules } from '@/lib/engine/worker/from-pipeline';
import { MarianSessions, type KernelProjection } from '@/lib/engine/worker/marian-sessions';
import { OutputLayer } from '@/lib/engine/worker/output-layer';
import { splitSentences } from '@/lib/engine/shared/sentences';
import type { GlossaryTerm } from '@/lib/engine/shared/terms';
import { assist } from './assist';

declare const self: DedicatedWorkerGlobalScope;

const forced = (n: number) => Math.max(1, Math.round(1.1 * n));
let translator: TranslationPipeline;
/** Layout `kernel`: the output layer in our kernel, as the app runs a q8 decoder on WebAssembly. */
let projection: KernelProjection | null = null;
const sessionsOf = () => new MarianSessions(translator as never, projection);

const words = (paragraphs: string[]) => paragraphs.join(' ').split(/\s+/).filter(Boolean).length;

/**
 * `rewrite`: the files as they are (false); the app's load-time projection rewrite (lib/engine/model-files/
 * rewrite-projection.ts) with ONNX Runtime's product ('rewritten'); or with q8's product in our kernel ('kernel').
 */
async function load({
  dtype,
  threads,
  ort,
  model,
  rewrite,
}: {
  dtype: string;
  threads: number;
  ort: string;
  model: string;
  rewrite: false | 'rewritten' | 'kernel';
}) {
  const loaded: LoadedModel[] = [];
  const output = new OutputLayer();
  const keep = (m: LoadedModel) => {
    loaded.push({ ...m, table: undefined });
    output.loadedFile(m);
  };
  if (rewrite) rewriteOnLoad(InferenceSession as never, keep, undefined, output.wanted);
  // The kernel layout as the app runs it: ONNX Runtime one thread fewer, for the kernel's helper (output-layer.ts).
  const runtime = rewrite === 'kernel' ? output.plan(threads, dtype, 'wasm') : threads;
  if (rewrite === 'kernel') output.prepare('wasm');
  env.allowLocalModels = false;
  env.remoteHost = `${self.location.origin}/models/`;
  env.remotePathTemplate = '{model}/';
  env.useBrowserCache = false;
  env.useWasmCache = false;
  const onnx = env.backends.onnx as { wasm: { wasmPaths: unknown; numThreads: number } };
  onnx.wasm.wasmPaths = { mjs: `${ort}ort-wasm-simd-threaded.mjs`, wasm: `${ort}ort-wasm-simd-threaded.wasm` };
  onnx.wasm.numThreads = runtime;
  const started = performance.now();
  const option = dtype.includes(':') ? Object.fromEntries(dtype.split(',').map((p) => p.split(':'))) : dtype;
  translator = (await pipeline('translation', model, { dtype: option, device: 'wasm' })) as TranslationPipeline;
  projection = output.take();
  // The helper thread takes a moment to start: the figures are of the app's steady state.
  for (let i = 0; i < 100 && projection && projection.kernel.threads < 2 && threads > 1; i++)
    await new Promise((r) => setTimeout(r, 10));
  return {
    kernelThreads: projection?.kernel.threads ?? 0,
    loadMs: performance.now() - started,
    projection:
      loaded
        .filter((m) => m.found !== 'none')
        .map((m) => `${m.found}: ${m.path} in ${m.ms.toFixed(0)} ms`)
        .join(', ') || 'as stored',
  };
}

/** Today's path: each sentence through the pipeline on its own, greedy, one after the other. */
async function today(paragraphs: string[]) {
  const started = performance.now();
  let first: number | null = null;
  let steps = 0;
  for (const p of paragraphs) {
    for (const s of splitSentences(p)) {
      const n = translator.tokenizer.encode(s.text).length;
      await translator(s.text, { max_new_tokens: forced(n), min_new_tokens: forced(n) } as never);
      steps += forced(n);
      first ??= performance.now() - started;
    }
  }
  const ms = performance.now() - started;
  return { ms, firstMs: first, steps, stepMs: ms / steps, rows: steps };
}

async function ours(
  paragraphs: string[],
  quality: 'best' | 'fast',
  batchRows: number,
  sentencesApart = false,
  terms: GlossaryTerm[] = [],
) {
  const engine = engineFor(
    translator,
    quality,
    { batchRows, sentencesApart, lengths: (n) => ({ min: forced(n), max: forced(n) }) },
    projection,
  );
  const sessions = (engine as unknown as { sessions: MarianSessions }).sessions;
  const before = { ...sessions.stats };
  const started = performance.now();
  let first: number | null = null;
  const results = await Promise.all(
    paragraphs.map((p, i) =>
      engine.translate(p, {
        terms,
        onSentence: (piece) => i === 0 && piece === 0 && (first ??= performance.now() - started),
      }),
    ),
  );
  const ms = performance.now() - started;
  const steps = sessions.stats.steps - before.steps;
  return {
    ms,
    firstMs: first,
    steps,
    stepMs: (sessions.stats.ms - before.ms) / steps,
    kernelMs: (sessions.stats.kernelMs - before.kernelMs) / steps,
    rows: sessions.stats.rows - before.rows,
    outputTokens: results.reduce((n, r) => n + r.outputTokens, 0),
    // Glossary mode: the sentences a term was found in, and those whose English could be made to hold them.
    termSentences: results.flatMap((r) => r.sentences).filter((s) => s.terms?.length).length,
    placedSentences: results
      .flatMap((r) => r.sentences)
      .filter((s) => s.terms?.length && s.terms.every((t) => t.placed)).length,
  };
}

/** Our greedy loop against transformers.js's generate() on the same sentences: the same ids? */
async function check(sentences: string[]) {
  const sessions = sessionsOf();
  const { rules } = generationRules((translator.model as unknown as { generation_config: object }).generation_config);
  const mismatches: string[] = [];
  for (const text of sentences) {
    const inputs = translator.tokenizer(text);
    const ids = Array.from(inputs.input_ids.data as BigInt64Array, Number);
    const length = forced(ids.length);
    const theirs = (
      (await translator.model.generate({ ...inputs, max_new_tokens: length, min_new_tokens: length })) as {
        tolist(): bigint[][];
      }
    )
      .tolist()[0]!
      .map(Number);
    const [mine] = await decodeBatch(
      sessions,
      [{ ids, maxNewTokens: length, minNewTokens: length, beams: null }],
      rules,
    );
    if (JSON.stringify(theirs) !== JSON.stringify([rules.start, ...mine!.tokens])) mismatches.push(text);
  }
  return { checked: sentences.length, mismatches };
}

/** Each sentence's greedy and beam tokens (forced lengths): compared between layouts by bench-full.mjs. */
async function tokens(sentences: string[]) {
  const sessions = sessionsOf();
  const { rules, beams } = generationRules(
    (translator.model as unknown as { generation_config: object }).generation_config,
  );
  const out: number[][] = [];
  for (const text of sentences) {
    const ids = translator.tokenizer.encode(text);
    for (const b of [null, beams]) {
      const [r] = await decodeBatch(
        sessions,
        [{ ids, maxNewTokens: forced(ids.length), minNewTokens: forced(ids.length), beams: b }],
        rules,
      );
      out.push(b ? r!.nbest[0]!.tokens : r!.tokens);
    }
  }
  return { tokens: out };
}

/** One decoder step's cost for r rows (the same sentence r times, 20 tokens into it), against one row's. */
async function scaling(text: string, rowCounts: number[]) {
  const sessions = sessionsOf();
  const ids = translator.tokenizer.encode(text);
  const out: { rows: number; ms: number }[] = [];
  for (const rows of rowCounts) {
    const encoded = await sessions.encode(Array.from({ length: rows }, () => ids));
    let past = sessions.emptyPast(rows);
    let ms = 0;
    for (let step = 0; step < 24; step++) {
      const started = performance.now();
      const { present } = await sessions.step(
        Array.from({ length: rows }, () => [5]),
        encoded,
        past,
        step === 0,
      );
      if (step >= 4) ms += performance.now() - started;
      past = Object.fromEntries(
        Object.keys(past).map((name) => [
          name,
          name.includes('.encoder.') && step > 0 ? past[name]! : present[name.replace('past_key_values', 'present')]!,
        ]),
      );
    }
    out.push({ rows, ms: ms / 20 });
  }
  return { scaling: out };
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === 'load') return self.postMessage(await load(data));
    if (data.type === 'today')
      return self.postMessage({ ...(await today(data.paragraphs)), words: words(data.paragraphs) });
    if (data.type === 'ours')
      return self.postMessage({
        ...(await ours(data.paragraphs, data.quality, data.batchRows, data.sentencesApart, data.terms)),
        words: words(data.paragraphs),
      });
    if (data.type === 'assist') return self.postMessage(await assist(translator, data.paragraphs, forced, projection));
    if (data.type === 'scaling') return self.postMessage(await scaling(data.text, data.rows));
    if (data.type === 'check') return self.postMessage(await check(data.sentences));
    if (data.type === 'tokens') return self.postMessage(await tokens(data.sentences));
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? `${err.message}` : String(err) });
  }
};
