// npm run bench:kernels' measurements, the same in Node and in Chromium: our kernels against onnxruntime-web's
// WebAssembly build on the stand-in decoder's products (d 512, FFN 2048, vocabulary 67,028), 1 row and 6 rows.
import type * as Ort from 'onnxruntime-web';
import { IntegerKernels } from '@/lib/engine/kernels/integer-kernels';
import type { KernelBinaries } from '@/lib/engine/kernels/kernel-memory';
import { ProjectionKernel } from '@/lib/engine/kernels/projection-kernel';
import { matmulIntegerModel, matmulModel } from '@/tests/tools/one-node-models';

export interface Row {
  product: string;
  onnxruntime_ms: number;
  simd_ms: number;
  relaxed_ms?: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(run: () => unknown, reps: number) {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

export async function measure(
  ort: typeof Ort,
  binaries: Record<'matmul-integer' | 'projection', KernelBinaries>,
  log: (line: string) => void = () => {},
): Promise<Row[]> {
  let seed = 1;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows: Row[] = [];
  const kernels = {
    simd: await IntegerKernels.create(binaries['matmul-integer'], 'simd'),
    relaxed: await IntegerKernels.create(binaries['matmul-integer'], 'relaxed'),
  };
  for (const [K, N] of [
    [512, 512],
    [512, 2048],
    [2048, 512],
  ] as const) {
    const b = Int8Array.from({ length: K * N }, () => Math.round(rand() * 128) - 64);
    const zb = new Int8Array(N);
    const session = await ort.InferenceSession.create(matmulIntegerModel({ K, N, b, zb }));
    for (const M of [1, 6]) {
      const a = Uint8Array.from({ length: M * K }, () => Math.floor(rand() * 256));
      const feeds = {
        A: new ort.Tensor('uint8', a, [M, K]),
        a_zero_point: new ort.Tensor('uint8', Uint8Array.of(117), []),
      };
      const simd = kernels.simd.pack(b, K, N, zb);
      const relaxed = kernels.relaxed.pack(b, K, N, zb);
      rows.push({
        product: `MatMulInteger ${M}×${K}×${N}`,
        onnxruntime_ms: await time(() => session.run(feeds), 50),
        simd_ms: await time(() => kernels.simd.matmulInteger(a, 117, simd, M), 50),
        relaxed_ms: await time(() => kernels.relaxed.matmulInteger(a, 117, relaxed, M), 50),
      });
      log(rows.at(-1)!.product);
    }
    await session.release();
  }
  const d = 512;
  const V = 67028;
  const table = Uint8Array.from({ length: V * d }, () => Math.floor(rand() * 256));
  const bias = Float32Array.from({ length: V }, () => rand() - 0.5);
  const [scale, zp] = [0.0123, 131];
  const projection = await ProjectionKernel.create(binaries.projection);
  const loaded = projection.load(table, V, d, scale, zp, bias);
  const session = await ort.InferenceSession.create(matmulModel({ table, V, d, scale, zp, bias }));
  for (const M of [1, 6]) {
    const x = Float32Array.from({ length: M * d }, () => rand() * 2 - 1);
    rows.push({
      product: `projection ${M}×${d}×${V}`,
      onnxruntime_ms: await time(() => session.run({ X: new ort.Tensor('float32', x, [M, d]) }), 10),
      simd_ms: await time(() => projection.logits(loaded, x, M), 10),
    });
    log(rows.at(-1)!.product);
  }
  await session.release();
  return rows;
}
