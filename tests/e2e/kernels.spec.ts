import { expect, test } from '@playwright/test';
import { build } from 'esbuild';
import path from 'node:path';
import { buildKernels } from '../../scripts/build-kernels.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

// The kernels' relaxed-SIMD build is the one Chromium picks; Node runs it only behind a flag (and its baseline
// compiler gets one instruction wrong), so here it runs where readers run it: in the browser, through the engine's
// own wrapper (lib/engine/kernels/integer-kernels.ts), against an integer reference computed in the page, on the
// 7-bit weights quantize_dynamic writes (±64 included).
test('in Chromium, relaxed SIMD is picked, and both builds of MatMulInteger give the exact integers', async ({
  page,
}) => {
  const built = (await buildKernels())['matmul-integer']!;
  const bundle = await build({
    entryPoints: [path.join(ROOT, 'lib/engine/kernels/integer-kernels.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'Kernels',
    write: false,
    logLevel: 'warning',
  });
  await page.goto('/nl');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  const result = await page.evaluate(
    async ({ simd, relaxed }) => {
      const { IntegerKernels } = (
        window as unknown as { Kernels: typeof import('@/lib/engine/kernels/integer-kernels') }
      ).Kernels;
      const binaries = { simd: new Uint8Array(simd), relaxed: new Uint8Array(relaxed) };
      const [M, K, N] = [6, 512, 64];
      let seed = 3;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
      const b = Int8Array.from({ length: K * N }, (_, i) =>
        i % 53 === 0 ? 64 : i % 59 === 0 ? -64 : (next() % 129) - 64,
      );
      const zb = Int8Array.from({ length: N }, (_, n) => (n % 2 ? 0 : (next() % 7) - 3));
      const a = Uint8Array.from({ length: M * K }, () => next() % 256);
      const za = 123;
      const want = new Int32Array(M * N);
      for (let m = 0; m < M; m++)
        for (let n = 0; n < N; n++) {
          let s = 0;
          for (let k = 0; k < K; k++) s += (a[m * K + k]! - za) * (b[k * N + n]! - zb[n]!);
          want[m * N + n] = s;
        }
      const exact = async (prefer?: 'simd' | 'relaxed') => {
        const kernels = await IntegerKernels.create(binaries, prefer);
        const got = kernels.matmulInteger(a, za, kernels.pack(b, K, N, zb), M);
        return { relaxed: kernels.relaxed, exact: got.every((v, i) => v === want[i]) };
      };
      return { picked: await exact(), simd: await exact('simd'), relaxed: await exact('relaxed') };
    },
    { simd: [...built.simd], relaxed: [...built.relaxed] },
  );
  expect(result).toEqual({
    picked: { relaxed: true, exact: true },
    simd: { relaxed: false, exact: true },
    relaxed: { relaxed: true, exact: true },
  });
});
