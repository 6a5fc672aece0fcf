#!/usr/bin/env node
// npm run bench:kernels: our WebAssembly kernels (lib/engine/kernels/) against ONNX Runtime's WebAssembly build on
// the same products (scripts/bench-kernels/measure.ts), side by side in one run: in Node's V8 on one thread, then in
// Chromium (cross-origin isolated, as the app is) with ONNX Runtime on one thread and on two, the app's count.
// Ours run on one thread everywhere. Node 20 has relaxed SIMD behind a flag, so the npm script passes
// --experimental-wasm-relaxed-simd --no-liftoff. Prints tables and writes bench/results-kernels.json. Not a test.
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ort from 'onnxruntime-web';
import { buildKernels } from './build-kernels.mjs';
import { findChromium } from './find-chromium.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const bundle = (platform, outfile) =>
  build({
    entryPoints: [path.join(ROOT, 'scripts', 'bench-kernels', 'measure.ts')],
    outfile,
    bundle: true,
    platform,
    format: 'esm',
    external: ['onnxruntime-web'],
    alias: { '@': ROOT },
    logLevel: 'warning',
  });
await bundle('node', path.join(OUT, 'measure.node.mjs'));
await bundle('browser', path.join(OUT, 'measure.browser.mjs'));
const built = await buildKernels();

const runs = {};
const { measure } = await import(pathToFileURL(path.join(OUT, 'measure.node.mjs')).href);
ort.env.wasm.numThreads = 1;
runs['node, ONNX Runtime 1 thread'] = await measure(ort, built);

// Chromium: a page of this origin only, cross-origin isolated, ONNX Runtime's files from node_modules.
const ORT_DIST = path.join(ROOT, 'node_modules', 'onnxruntime-web', 'dist');
const files = {
  '/measure.mjs': [path.join(OUT, 'measure.browser.mjs'), 'text/javascript'],
  '/ort/ort.wasm.min.mjs': [path.join(ORT_DIST, 'ort.wasm.min.mjs'), 'text/javascript'],
  '/ort/ort-wasm-simd-threaded.mjs': [path.join(ORT_DIST, 'ort-wasm-simd-threaded.mjs'), 'text/javascript'],
  '/ort/ort-wasm-simd-threaded.wasm': [path.join(ORT_DIST, 'ort-wasm-simd-threaded.wasm'), 'application/wasm'],
};
const page = `<!doctype html><script type="importmap">{"imports":{"onnxruntime-web":"/ort/ort.wasm.min.mjs"}}</script>`;
const server = createServer((req, res) => {
  const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const file = files[req.url];
  if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(page);
  else if (file) res.writeHead(200, { ...headers, 'Content-Type': file[1] }).end(readFileSync(file[0]));
  else res.writeHead(404).end();
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: findChromium()?.path,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const chromiumVersion = browser.version();
try {
  for (const threads of [1, 2]) {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/`);
    runs[`chromium, ONNX Runtime ${threads} thread${threads > 1 ? 's' : ''}`] = await tab.evaluate(
      async ({ threads, binaries }) => {
        const ort = await import('onnxruntime-web');
        ort.env.wasm.numThreads = threads;
        ort.env.wasm.wasmPaths = '/ort/';
        const { measure } = await import('/measure.mjs');
        const bytes = (b) => ({ simd: new Uint8Array(b.simd), relaxed: new Uint8Array(b.relaxed) });
        const isolated = self.crossOriginIsolated;
        const rows = await measure(ort, { 'matmul-integer': bytes(binaries.mmi), projection: bytes(binaries.proj) });
        return rows.map((r) => ({ ...r, crossOriginIsolated: isolated }));
      },
      {
        threads,
        binaries: {
          mmi: { simd: [...built['matmul-integer'].simd], relaxed: [...built['matmul-integer'].relaxed] },
          proj: { simd: [...built.projection.simd], relaxed: [...built.projection.relaxed] },
        },
      },
    );
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}

const f = (ms) => (ms === undefined ? '–' : `${ms.toFixed(3)} ms`);
for (const [name, rows] of Object.entries(runs)) {
  console.log(
    `\n${name} (ours: one thread)\n| product | ONNX Runtime | ours, SIMD128 | ours, relaxed SIMD |\n|---|---|---|---|`,
  );
  for (const r of rows) console.log(`| ${r.product} | ${f(r.onnxruntime_ms)} | ${f(r.simd_ms)} | ${f(r.relaxed_ms)} |`);
}
const file = path.join(ROOT, 'bench', 'results-kernels.json');
const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, chromium: chromiumVersion };
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, runs }, null, 2) + '\n');
console.log(`\nwrote ${path.relative(ROOT, file)}`);
