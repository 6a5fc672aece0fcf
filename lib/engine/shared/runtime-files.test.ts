import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORT_FILES } from '@/scripts/ort-files.mjs';
import { DEVICES } from './config';
import { runtimeFiles } from './runtime-files';

describe('runtimeFiles', () => {
  it('gives WASM the plain build and anything that may use WebGPU the asyncify build', () => {
    expect(runtimeFiles('/ort/', 'wasm')).toEqual({
      mjs: '/ort/ort-wasm-simd-threaded.mjs',
      wasm: '/ort/ort-wasm-simd-threaded.wasm',
    });
    expect(runtimeFiles('/ort/', 'webgpu').wasm).toBe('/ort/ort-wasm-simd-threaded.asyncify.wasm');
    expect(runtimeFiles('/ort/', 'auto').mjs).toBe('/ort/ort-wasm-simd-threaded.asyncify.mjs');
  });

  it('names files that onnxruntime-web ships and the build copies to /ort/, for every device', () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
    for (const device of DEVICES) {
      for (const file of Object.values(runtimeFiles('', device))) {
        expect(existsSync(path.join(dist, file)), file).toBe(true);
        expect(ORT_FILES, file).toContain(file);
      }
    }
  });
});
