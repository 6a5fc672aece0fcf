import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOnnxGraph } from '@/lib/engine/model-files/onnx-graph';
import { buildKernels, EMBEDDED, embeddedModule } from '@/scripts/build-kernels.mjs';
import { matmulModel } from '@/tests/tools/one-node-models';
import { TEST_MODEL_DIR, TEST_MODEL_ID } from '@/tests/tools/test-model';
import { ProjectionKernel } from './projection-kernel';

const kernels: Record<'simd' | 'relaxed', ProjectionKernel> = {} as never;
beforeAll(async () => {
  const built = (await buildKernels()).projection!;
  kernels.simd = await ProjectionKernel.create(built, 'simd');
  kernels.relaxed = await ProjectionKernel.create(built, 'relaxed');
});

let seed = 99;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** ONNX Runtime's logits for the same table, in the file's semantics (DequantizeLinear, then a float product). */
async function reference(p: Parameters<typeof matmulModel>[0], x: Float32Array, M: number) {
  const session = await ort.InferenceSession.create(matmulModel(p));
  return (await session.run({ X: new ort.Tensor('float32', x, [M, p.d]) })).Y!.data as Float32Array;
}

function worstRelative(got: Float32Array, want: Float32Array) {
  const scale = Math.max(...want.map(Math.abs));
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / scale);
  return worst;
}

describe('our output projection kernel', () => {
  it("matches ONNX Runtime's logits to 1e-5 of their scale, 1 to 7 rows, on random tables", async () => {
    for (const [M, d, V] of [
      [1, 64, 300],
      [6, 512, 2000],
      [7, 96, 513],
    ] as const) {
      const p = {
        table: Uint8Array.from({ length: V * d }, () => Math.floor(rand() * 256)),
        V,
        d,
        scale: 0.004 + rand() * 0.01,
        zp: 90 + Math.floor(rand() * 60),
        bias: Float32Array.from({ length: V }, () => rand() - 0.5),
      };
      const x = Float32Array.from({ length: M * d }, () => (rand() * 2 - 1) * 3);
      const want = await reference(p, x, M);
      for (const build of ['simd', 'relaxed'] as const) {
        const k = kernels[build];
        const got = k.logits(k.load(p.table, V, d, p.scale, p.zp, p.bias), x, M);
        expect(worstRelative(got, want), `${build} ${M}×${d}×${V}`).toBeLessThan(1e-5);
      }
    }
  });

  it("matches ONNX Runtime on the test model's own q8 table and final bias", async () => {
    const file = new Uint8Array(
      readFileSync(path.join(TEST_MODEL_DIR, TEST_MODEL_ID, 'onnx', 'decoder_model_merged_quantized.onnx')),
    );
    const { initializers } = readOnnxGraph(file);
    const raw = (name: string) => {
      const t = initializers.find((i) => i.name === name)!;
      return file.slice(t.rawAt, t.rawAt + t.bytes);
    };
    // The tied table (uint8 [V, d]): the one as long as the final bias (the positions' table is uint8 too).
    const V0 = initializers.find((t) => t.name === 'final_logits_bias')!.dims[0];
    const table = initializers.find((t) => t.dataType === 2 && t.dims.length === 2 && t.dims[0] === V0)!;
    const [V, d] = table.dims as [number, number];
    const base = table.name.replace(/_quantized$/, '');
    const scale = new Float32Array(raw(`${base}_scale`).buffer)[0]!;
    const zp = raw(`${base}_zero_point`)[0]!;
    const bias = new Float32Array(raw('final_logits_bias').buffer);
    const M = 6;
    const x = Float32Array.from({ length: M * d }, () => rand() * 4 - 2);
    const p = { table: raw(table.name), V, d, scale, zp, bias };
    const want = await reference(p, x, M);
    for (const build of ['simd', 'relaxed'] as const) {
      const k = kernels[build];
      expect(worstRelative(k.logits(k.load(p.table, V, d, scale, zp, bias), x, M), want), build).toBeLessThan(1e-5);
    }
  });

  it('is embedded as its source builds today (its SIMD128 build and its shared-memory build)', async () => {
    const committed = readFileSync(path.join(import.meta.dirname, '..', '..', '..', EMBEDDED.projection.out), 'utf8');
    expect(committed).toBe(embeddedModule('projection', (await buildKernels()).projection!));
  });

  it('on two threads (a helper worker on a shared memory) gives the logits of one thread, bit for bit', async () => {
    const [V, d] = [20_000, 512];
    const table = Uint8Array.from({ length: V * d }, () => Math.floor(rand() * 256));
    const bias = Float32Array.from({ length: V }, () => rand() - 0.5);
    const one = ProjectionKernel.embedded(1)!;
    const two = ProjectionKernel.embedded(2)!;
    try {
      expect(one.threads).toBe(1);
      const [t1, t2] = [one.load(table, V, d, 0.01, 128, bias), two.load(table, V, d, 0.01, 128, bias)];
      // The helper takes a moment to start; until then the decoding thread does every chunk itself.
      for (let i = 0; i < 200 && two.threads < 2; i++) await new Promise((r) => setTimeout(r, 10));
      expect(two.threads).toBe(2);
      for (const M of [1, 6, 7]) {
        for (let step = 0; step < 5; step++) {
          const x = Float32Array.from({ length: M * d }, () => (rand() * 2 - 1) * 3);
          expect(two.logits(t2, x, M), `${M} rows, step ${step}`).toEqual(one.logits(t1, x, M));
        }
      }
      expect(
        worstRelative(
          one.logits(t1, new Float32Array(d).fill(1), 1),
          kernels.simd.logits(kernels.simd.load(table, V, d, 0.01, 128, bias), new Float32Array(d).fill(1), 1),
        ),
      ).toBe(0);
    } finally {
      two.dispose();
    }
    expect(two.threads).toBe(1);
  });
});
