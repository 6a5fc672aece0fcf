#!/usr/bin/env node
// npm run bench:kernels: our WebAssembly kernels (lib/engine/kernels/) against ONNX Runtime's WebAssembly build on
// the same products, one thread each, in Node's V8 (the engine Chromium runs WebAssembly with; relaxed SIMD is
// behind a flag in Node 20, so this runs under --experimental-wasm-relaxed-simd --no-liftoff). Shapes: the
// stand-in decoder's (d 512, FFN 2048, vocabulary 67,028) at 1 row (greedy) and 6 rows (6 beams). Not a test.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-web';
import { buildKernels } from './build-kernels.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const out = path.join(ROOT, 'bench', 'out', 'kernels.mjs');
await build({
  stdin: {
    contents: `export * from '${ROOT}/lib/engine/kernels/integer-kernels.ts'; export * from '${ROOT}/lib/engine/kernels/projection-kernel.ts'; export * from '${ROOT}/tests/tools/one-node-models.ts';`,
    resolveDir: ROOT,
    loader: 'ts',
  },
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  alias: { '@': ROOT },
  logLevel: 'warning',
});
const { IntegerKernels, ProjectionKernel, matmulIntegerModel, matmulModel } = await import(pathToFileURL(out).href);
ort.env.wasm.numThreads = 1;
const built = await buildKernels();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(run, reps) {
  await run();
  const ms = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return median(ms);
}
let seed = 1;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const rows = [];
const kernels = {
  simd: await IntegerKernels.create(built['matmul-integer'], 'simd'),
  relaxed: await IntegerKernels.create(built['matmul-integer'], 'relaxed'),
};
for (const [K, N] of [
  [512, 512],
  [512, 2048],
  [2048, 512],
]) {
  const b = Int8Array.from({ length: K * N }, () => Math.round(rand() * 128) - 64);
  const zb = new Int8Array(N);
  const session = await ort.InferenceSession.create(matmulIntegerModel({ K, N, b, zb }));
  for (const M of [1, 6]) {
    const a = Uint8Array.from({ length: M * K }, () => Math.floor(rand() * 256));
    const feeds = {
      A: new ort.Tensor('uint8', a, [M, K]),
      a_zero_point: new ort.Tensor('uint8', Uint8Array.of(117), []),
    };
    const theirs = await time(() => session.run(feeds), 50);
    const row = { product: `MatMulInteger ${M}×${K}×${N}`, onnxruntime_ms: theirs };
    for (const [name, k] of Object.entries(kernels)) {
      const packed = k.pack(b, K, N, zb);
      row[`${name}_ms`] = await time(() => k.matmulInteger(a, 117, packed, M), 50);
    }
    rows.push(row);
  }
}

const d = 512;
const V = 67028;
const table = Uint8Array.from({ length: V * d }, () => Math.floor(rand() * 256));
const bias = Float32Array.from({ length: V }, () => rand() - 0.5);
const scale = 0.0123;
const zp = 131;
const proj = await ProjectionKernel.create(built.projection);
const packedTable = proj.load(table, V, d, scale, zp, bias);
const session = await ort.InferenceSession.create(matmulModel({ table, V, d, scale, zp, bias }));
for (const M of [1, 6]) {
  const x = Float32Array.from({ length: M * d }, () => rand() * 2 - 1);
  const theirs = await time(() => session.run({ X: new ort.Tensor('float32', x, [M, d]) }), 10);
  rows.push({
    product: `projection ${M}×${d}×${V}`,
    onnxruntime_ms: theirs,
    simd_ms: await time(() => proj.logits(packedTable, x, M), 10),
  });
}

console.log('| product | ONNX Runtime | ours, SIMD128 | ours, relaxed SIMD |\n|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.product} | ${r.onnxruntime_ms.toFixed(3)} ms | ${r.simd_ms.toFixed(3)} ms | ${r.relaxed_ms === undefined ? '–' : `${r.relaxed_ms.toFixed(3)} ms`} |`,
  );
const file = path.join(ROOT, 'bench', 'results-kernels.json');
const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version };
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, threads: 1, rows }, null, 2) + '\n');
console.log(`\nwrote ${path.relative(ROOT, file)}`);
