import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProtoWriter } from '@/lib/engine/model-files/proto-writer';
import { readOnnxGraph } from '@/lib/engine/model-files/onnx-graph';
import { buildKernels } from '@/scripts/build-kernels.mjs';
import { TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { IntegerKernels } from './integer-kernels';

/** A one-node ONNX model: MatMulInteger(A uint8, B int8, a_zero_point uint8, b_zero_point int8 [N]) → int32. */
function matmulIntegerModel(): Uint8Array {
  const valueInfo = (name: string, elemType: number) =>
    new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, new ProtoWriter().int(1, elemType)));
  const node = new ProtoWriter()
    .string(1, 'A')
    .string(1, 'B')
    .string(1, 'a_zero_point')
    .string(1, 'b_zero_point')
    .string(2, 'Y')
    .string(3, 'mmi')
    .string(4, 'MatMulInteger');
  const graph = new ProtoWriter()
    .message(1, node)
    .string(2, 'matmul_integer')
    .message(11, valueInfo('A', 2))
    .message(11, valueInfo('B', 3))
    .message(11, valueInfo('a_zero_point', 2))
    .message(11, valueInfo('b_zero_point', 3))
    .message(12, valueInfo('Y', 6));
  return new ProtoWriter().int(1, 8).message(8, new ProtoWriter().string(1, '').int(2, 17)).message(7, graph).finish();
}

let reference: ort.InferenceSession;
const kernels: Record<'simd' | 'relaxed', IntegerKernels> = {} as never;

beforeAll(async () => {
  reference = await ort.InferenceSession.create(matmulIntegerModel());
  const built = (await buildKernels())['matmul-integer']!;
  kernels.simd = await IntegerKernels.create(built, 'simd');
  kernels.relaxed = await IntegerKernels.create(built, 'relaxed');
});

async function onnxRuntime(a: Uint8Array, za: number, b: Int8Array, zb: Int8Array, M: number, K: number, N: number) {
  const out = await reference.run({
    A: new ort.Tensor('uint8', a, [M, K]),
    B: new ort.Tensor('int8', b, [K, N]),
    a_zero_point: new ort.Tensor('uint8', Uint8Array.of(za), []),
    b_zero_point: new ort.Tensor('int8', zb, [N]),
  });
  return out.Y!.data as Int32Array;
}

let seed = 12345;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
const int = (lo: number, hi: number) => lo + (next() % (hi - lo + 1));

describe('our MatMulInteger kernel', () => {
  it('is bit-exact with ONNX Runtime on random matrices, SIMD128 and relaxed SIMD, with both zero points', async () => {
    for (const [M, K, N] of [
      [1, 16, 1],
      [1, 512, 512],
      [6, 512, 2048],
      [3, 2048, 512],
      [7, 48, 33],
    ] as const) {
      // Weights as quantize_dynamic writes them (7-bit, [−64, 64], +64 and −64 present) and a few outside it.
      const b = Int8Array.from({ length: K * N }, (_, i) => (i % 97 === 0 ? 64 : i % 89 === 0 ? -64 : int(-64, 64)));
      const zb = Int8Array.from({ length: N }, (_, n) => (n % 3 === 0 ? 0 : int(-5, 5)));
      const a = Uint8Array.from({ length: M * K }, (_, i) => (i % 31 === 0 ? 255 : i % 37 === 0 ? 0 : int(0, 255)));
      const za = int(0, 255);
      const expected = await onnxRuntime(a, za, b, zb, M, K, N);
      for (const build of ['simd', 'relaxed'] as const) {
        const k = kernels[build];
        expect(k.relaxed).toBe(build === 'relaxed');
        const got = k.matmulInteger(a, za, k.pack(b, K, N, zb), M);
        expect(got, `${build} ${M}×${K}×${N}`).toEqual(expected);
      }
    }
  });

  it("is bit-exact with ONNX Runtime on the test model's own q8 weights and activations quantized as the graph does", async () => {
    const file = new Uint8Array(
      readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'onnx', 'decoder_model_merged_quantized.onnx')),
    );
    const graph = readOnnxGraph(file);
    const weights = graph.initializers.filter(
      (t) => t.name.endsWith('_quantized') && t.dims.length === 2 && t.dataType === 3,
    );
    expect(weights.length).toBeGreaterThan(8); // every projection of every layer
    for (const w of weights) {
      const [K, N] = w.dims as [number, number];
      const zbTensor = graph.initializers.find((t) => t.name === w.name.replace(/_quantized$/, '_zero_point'))!;
      const b = new Int8Array(file.slice(w.rawAt, w.rawAt + w.bytes).buffer);
      const zb = new Int8Array(file.slice(zbTensor.rawAt, zbTensor.rawAt + zbTensor.bytes).buffer);
      const M = 6;
      // DynamicQuantizeLinear of a hidden state: the zero point is where 0.0 falls between its min and max.
      const hidden = Float32Array.from({ length: M * K }, () => (int(0, 2000) - 900) / 300);
      const lo = Math.min(0, ...hidden);
      const hi = Math.max(0, ...hidden);
      const scale = (hi - lo) / 255;
      const za = Math.round(-lo / scale);
      const a = Uint8Array.from(hidden, (x) => Math.max(0, Math.min(255, Math.round(x / scale) + za)));
      const expected = await onnxRuntime(a, za, b, zb, M, K, N);
      for (const build of ['simd', 'relaxed'] as const)
        expect(kernels[build].matmulInteger(a, za, kernels[build].pack(b, K, N, zb), M), `${build} ${w.name}`).toEqual(
          expected,
        );
    }
  });
});
