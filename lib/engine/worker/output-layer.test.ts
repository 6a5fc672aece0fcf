import { describe, expect, it } from 'vitest';
import { runtimeThreads } from './output-layer';

describe("ONNX Runtime's share of the reader's threads", () => {
  it("gives one to the kernel's helper where our kernel multiplies a q8 decoder's output layer", () => {
    expect(runtimeThreads(2, 'q8', 'wasm', true)).toBe(1);
    expect(runtimeThreads(4, 'q8', 'auto', true)).toBe(3);
    expect(runtimeThreads(2, 'encoder_model:fp32,decoder_model_merged:q8', 'wasm', true)).toBe(1);
  });

  it('keeps them all where the kernel does not run: one thread, other dtypes, WebGPU, no SIMD', () => {
    expect(runtimeThreads(1, 'q8', 'wasm', true)).toBe(1);
    expect(runtimeThreads(2, 'fp32', 'wasm', true)).toBe(2);
    expect(runtimeThreads(2, 'encoder_model:q8,decoder_model_merged:fp32', 'wasm', true)).toBe(2);
    expect(runtimeThreads(2, 'q8', 'webgpu', true)).toBe(2);
    expect(runtimeThreads(2, 'q8', 'wasm', false)).toBe(2);
  });
});
