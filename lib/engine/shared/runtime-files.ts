import type { Device } from './config';

/**
 * Which ONNX Runtime Web build the worker loads, from `base` (this origin's /ort/).
 *
 * transformers.js picks the asyncify build everywhere, because its WebGPU execution provider
 * needs it. On WASM alone that costs: asyncify instruments every function so the stack can be
 * unwound, and the build is 27 MB instead of 14. Measured in Chromium on the test model (2 cores,
 * `npm run bench`), the plain build starts 2.5x faster and translates twice as fast once warm.
 * So WASM gets the plain build; WebGPU, and `auto` (which may run both in one runtime), asyncify.
 */
export function runtimeFiles(base: string, device: Device): { mjs: string; wasm: string } {
  const name = device === 'wasm' ? 'ort-wasm-simd-threaded' : 'ort-wasm-simd-threaded.asyncify';
  return { mjs: `${base}${name}.mjs`, wasm: `${base}${name}.wasm` };
}
