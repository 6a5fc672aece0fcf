// One decoder step profiled (scripts/profile-step.mjs runs this, bundled, once per row count): the stand-in's
// q8 merged decoder as the app runs it (the projection rewritten at load), in onnxruntime-web's WebAssembly
// build, the same .wasm the browser loads, with ONNX Runtime's profiler on; then our JavaScript of that step
// (the log-softmax over the vocabulary and the greedy pick or the beam step) timed on the step's own logits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-web';
import { rewriteProjection } from '@/lib/engine/model-files/rewrite-projection';
import { beamStep, startBeams } from '@/lib/engine/worker/decoding';
import { greedyPick, rowScores, type DecodingRules } from '@/lib/engine/worker/row-scores';
import { RowHead } from '@/lib/engine/kernels/row-head';

const head = RowHead.create()!;

const [dir, rowsArg, threadsArg] = process.argv.slice(2);
const rows = Number(rowsArg);
const SOURCE = 30; // Dutch tokens: a sentence of about 23 words
const WARM = 3; // steps with past before the measured ones (past length 1…3)
const MEASURED = 10;
const config = JSON.parse(readFileSync(path.join(dir!, 'config.json'), 'utf8'));
const { d_model: d, decoder_layers: layers, decoder_attention_heads: heads, vocab_size: vocab } = config;
const headDim = d / heads;

ort.env.wasm.numThreads = Number(threadsArg);
const file = new Uint8Array(readFileSync(path.join(dir!, 'onnx', 'decoder_model_merged_quantized.onnx')));
const rewrite = rewriteProjection(file);
const open = (enableProfiling: boolean) =>
  ort.InferenceSession.create(rewrite.bytes, {
    enableProfiling,
    logSeverityLevel: 3,
    ...(rewrite.session ? { extra: rewrite.session } : {}),
  });

// Deterministic inputs: the step's cost does not depend on the values, only on the shapes.
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
const floats = (n: number) => Float32Array.from({ length: n }, random);
const hidden = new ort.Tensor('float32', floats(rows * SOURCE * d), [rows, SOURCE, d]);
const mask = new ort.Tensor('int64', new BigInt64Array(rows * SOURCE).fill(1n), [rows, SOURCE]);
const empty = () => new ort.Tensor('float32', new Float32Array(0), [rows, heads, 0, headDim]);
const rules: DecodingRules = {
  eos: 0,
  banned: [vocab - 1],
  forcedEos: 0,
  maxLength: 70,
  minNewTokens: 0,
  promptLength: 1,
};

/** Runs the steps on `session`; returns each step's run() time and our JavaScript's time on its logits. */
async function steps(session: ort.InferenceSession) {
  let past: Record<string, ort.Tensor> = {};
  for (let i = 0; i < layers; i++)
    for (const kind of ['decoder', 'encoder'])
      for (const kv of ['key', 'value']) past[`past_key_values.${i}.${kind}.${kv}`] = empty();

  const js: number[] = [];
  const jsHead: number[] = [];
  const wall: number[] = [];
  for (let step = 0; step < 1 + WARM + MEASURED; step++) {
    const first = step === 0;
    const feeds = {
      input_ids: new ort.Tensor('int64', new BigInt64Array(rows).fill(BigInt(first ? vocab - 1 : 5 + step)), [rows, 1]),
      encoder_attention_mask: mask,
      encoder_hidden_states: hidden,
      use_cache_branch: new ort.Tensor('bool', new Uint8Array([first ? 0 : 1]), [1]),
      ...past,
    };
    const t0 = performance.now();
    const out = await session.run(feeds);
    wall.push(performance.now() - t0);
    const next: Record<string, ort.Tensor> = {};
    for (const [name, value] of Object.entries(out)) {
      if (!name.startsWith('present.')) continue;
      const key = name.replace('present.', 'past_key_values.');
      // The cross-attention K/V are the first step's, passed in again after it (as the engine does).
      next[key] = !first && name.includes('.encoder.') ? past[key]! : value;
    }
    past = next;
    const logits = out.logits!.data as Float32Array;
    // Our JavaScript of a step, on its logits: a row's scores and the greedy pick, or the beam step over all
    // rows; with the JavaScript log-sum-exp, then with the WebAssembly row head (the engine's default).
    for (const [times, request] of [
      [js, null],
      [jsHead, { head, take: rows === 1 ? 1 : 2 * rows, margin: rows === 1 ? 0 : 1e-3 + 1e-6 * step }],
    ] as const) {
      const t1 = performance.now();
      const scores = Array.from({ length: rows }, (_, r) =>
        rowScores(logits, r, vocab, 1 + step, rules, null, request),
      );
      if (rows === 1) greedyPick(scores[0]!);
      else
        beamStep(
          step === 0 ? startBeams({ numBeams: rows, lengthPenalty: 1, earlyStopping: true }, rules) : beams(rows, step),
          scores,
          { numBeams: rows, lengthPenalty: 1, earlyStopping: true },
          rules,
        );
      times.push(performance.now() - t1);
    }
  }
  return { wall, js, jsHead };
}

const profiled = await open(true);
const { wall, js, jsHead } = await steps(profiled);
profiled.endProfiling(); // ONNX Runtime's WebAssembly build prints the profile (JSON) on stdout
await profiled.release();
const plain = await steps(await open(false));
console.error(
  JSON.stringify({
    tag: 'profile-step',
    rows,
    threads: Number(threadsArg),
    wall,
    js,
    jsHead,
    unprofiled: plain.wall,
    skip: 1 + WARM,
    rewrite: rewrite.rewrite,
  }),
);

/** A running beam state of `rows` hypotheses at this step, for timing the beam step on real logits. */
function beams(n: number, step: number) {
  const state = startBeams({ numBeams: n, lengthPenalty: 1, earlyStopping: true }, rules);
  const running = Array.from({ length: n }, (_, i) => ({
    tokens: [vocab - 1, ...Array(step).fill(5 + i)],
    logprobs: Array(step).fill(-1),
    score: -step,
  }));
  return { ...state, running, curLen: 1 + step };
}
