// ONNX Runtime Web's WASM files, as the app serves them: from node_modules (the version transformers.js
// resolved), under /ort/<version>-<content hash>/. The folder name changes whenever the files do, so they
// can be served `immutable` and an upgrade never meets a browser's cached copy of the old ones.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

// plain: what the worker loads for device wasm; asyncify: for webgpu and auto (lib/engine/shared/runtime-files.ts).
export const ORT_FILES = [
  'ort-wasm-simd-threaded.asyncify.mjs',
  'ort-wasm-simd-threaded.asyncify.wasm',
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
];

/** onnxruntime-web's dist folder and version, resolved from transformers.js's own location (it may be nested there). */
export function ortPackage() {
  const transformersEntry = require.resolve('@huggingface/transformers');
  const ortEntry = createRequire(transformersEntry).resolve('onnxruntime-web');
  const root = ortEntry.slice(0, ortEntry.lastIndexOf(`${path.sep}dist${path.sep}`));
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return { dist: path.join(root, 'dist'), version };
}

/** The folder name under /ort/: the version and a hash of the files themselves. */
export function ortFolder() {
  const { dist, version } = ortPackage();
  const hash = createHash('sha256');
  for (const f of ORT_FILES) hash.update(readFileSync(path.join(dist, f)));
  return `${version}-${hash.digest('hex').slice(0, 10)}`;
}
