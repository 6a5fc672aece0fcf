#!/usr/bin/env node
// Copies ONNX Runtime Web's WASM files from node_modules into public/ort/ at build time,
// so the app serves them from its own origin and never asks a CDN. The version is the one
// transformers.js resolved, so the .mjs glue and the .wasm always match the JS bundle.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// Resolve onnxruntime-web from transformers.js's own location (it may be nested there).
const transformersEntry = require.resolve('@huggingface/transformers');
const ortEntry = createRequire(transformersEntry).resolve('onnxruntime-web');
const dist = path.join(ortEntry.slice(0, ortEntry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'dist');
const out = path.resolve('public/ort');
mkdirSync(out, { recursive: true });

// plain: what the worker loads for device wasm; asyncify: for webgpu and auto (lib/translation/runtime-files.ts).
const files = ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm', 'ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm'];
for (const f of files) {
  copyFileSync(path.join(dist, f), path.join(out, f));
  console.log(`public/ort/${f} (${(statSync(path.join(out, f)).size / 1e6).toFixed(1)} MB)`);
}
